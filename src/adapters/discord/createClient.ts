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

/** Only the bot's own user and member are kept: interactions carry the member and user they come from. */
const onlySelf = { maxSize: 0, keepOverLimit: (x: { id: string; client: Client }) => x.id === x.client.user?.id };

/**
 * What discord.js keeps in memory: only what the bot reads. Guilds, channels and roles (the admin
 * role check reads the member's roles through the guild's role cache) keep discord.js's defaults;
 * messages, members, users, emojis, stickers, reactions, presences, voice states, invites, bans,
 * threads' members, stage instances, scheduled events, automod rules and commands are never cached
 * (posts are edited through REST by id; 1 GiB boxes).
 */
const CACHE_LIMITS = {
  MessageManager: 0,
  GuildMemberManager: onlySelf,
  UserManager: onlySelf,
  PresenceManager: 0,
  ReactionManager: 0,
  ReactionUserManager: 0,
  GuildEmojiManager: 0,
  BaseGuildEmojiManager: 0,
  GuildStickerManager: 0,
  VoiceStateManager: 0,
  GuildInviteManager: 0,
  GuildBanManager: 0,
  ThreadMemberManager: 0,
  StageInstanceManager: 0,
  GuildScheduledEventManager: 0,
  AutoModerationRuleManager: 0,
  ApplicationCommandManager: 0,
} satisfies Parameters<typeof Options.cacheWithLimits>[0];

export function createDiscordClient(opts: CreateDiscordClientOptions = {}): Client {
  const api = (opts.apiBase ?? DEFAULT_DISCORD_API_BASE).replace(/\/+$/, '');
  return new Client({
    // No privileged intents and no message content. GuildMessages only so that MESSAGE_DELETE
    // tells us when someone deletes a post the bot keeps.
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    partials: [Partials.Message],
    makeCache: Options.cacheWithLimits(CACHE_LIMITS),
    rest: { api },
    ws: opts.fastIdentify ? { buildIdentifyThrottler: async () => ({ waitForIdentify: async () => undefined }) } : {},
  });
}
