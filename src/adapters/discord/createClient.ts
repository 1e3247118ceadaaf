import { Client, GatewayIntentBits, Options, Partials } from 'discord.js';

export interface CreateDiscordClientOptions {
  /** REST base without version, e.g. DISCORD_API_BASE; the gateway url comes from GET {apiBase}/v10/gateway/bot. */
  apiBase?: string;
  /**
   * Skip the identify throttle (one identify per 5 s per bucket). Only for a fake Discord in tests:
   * the real gateway closes a session that identifies too often.
   */
  fastIdentify?: boolean;
}

export const DEFAULT_DISCORD_API_BASE = 'https://discord.com/api';

export function createDiscordClient(opts: CreateDiscordClientOptions = {}): Client {
  const api = (opts.apiBase ?? DEFAULT_DISCORD_API_BASE).replace(/\/+$/, '');
  return new Client({
    // No privileged intents and no message content. GuildMessages only so that MESSAGE_DELETE
    // tells us when someone deletes a post the bot keeps; messages are never cached (1 GiB boxes).
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    partials: [Partials.Message],
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 0 }),
    rest: { api },
    ws: opts.fastIdentify ? { buildIdentifyThrottler: async () => ({ waitForIdentify: async () => undefined }) } : {},
  });
}
