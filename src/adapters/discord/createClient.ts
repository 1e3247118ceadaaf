import { Client, GatewayIntentBits } from 'discord.js';

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
    // Guilds only: the bot needs no privileged intents and no message content.
    intents: [GatewayIntentBits.Guilds],
    rest: { api },
    ws: opts.fastIdentify
      ? { buildIdentifyThrottler: async () => ({ waitForIdentify: async () => undefined }) }
      : {},
  });
}
