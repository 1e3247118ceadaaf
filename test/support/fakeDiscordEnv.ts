import type { FakeDiscord } from './fakeDiscord';

export type BotChannel = 'leaderboard' | 'schedule' | 'standings' | 'announcements' | 'admin';

/** The channels a fully configured bot posts to (start the fake Discord with them). */
export const BOT_CHANNELS: BotChannel[] = ['leaderboard', 'schedule', 'standings', 'announcements', 'admin'];

/** Each of the bot's channels in the fake Discord, by name. */
export function botChannels(fake: FakeDiscord): Record<BotChannel, string> {
  return Object.fromEntries(BOT_CHANNELS.map((c) => [c, fake.channelId(c)])) as Record<BotChannel, string>;
}

/** The settings that point a bot at the fake Discord, its five channels and its admin role. */
export function fakeDiscordEnv(
  fake: FakeDiscord,
  channels: Record<BotChannel, string>,
  adminRoleId: string,
): Record<string, string> {
  return {
    DISCORD_TOKEN: fake.token,
    DISCORD_API_BASE: fake.apiBase,
    DISCORD_APP_ID: fake.applicationId,
    DISCORD_GUILD_ID: fake.guildId,
    LEADERBOARD_CHANNEL_ID: channels.leaderboard,
    SCHEDULE_CHANNEL_ID: channels.schedule,
    STANDINGS_CHANNEL_ID: channels.standings,
    ANNOUNCE_CHANNEL_ID: channels.announcements,
    ADMIN_CHANNEL_ID: channels.admin,
    ADMIN_ROLE_ID: adminRoleId,
  };
}
