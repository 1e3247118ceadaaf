import { PermissionFlagsBits as P } from 'discord.js';
import type { Json, StoredMessage } from './types';

const DISCORD_EPOCH = 1420070400000n;
let lastId = 0n;

/** Real-looking snowflakes (timestamp in the high bits) so discord.js computes sane creation dates. */
export function snowflake(): string {
  let id = (BigInt(Date.now()) - DISCORD_EPOCH) << 22n;
  if (id <= lastId) id = lastId + 1n;
  lastId = id;
  return id.toString();
}

export const EVERYONE_PERMISSIONS =
  P.ViewChannel |
  P.SendMessages |
  P.ReadMessageHistory |
  P.AddReactions |
  P.EmbedLinks |
  P.AttachFiles |
  P.UseApplicationCommands;
export const BOT_PERMISSIONS =
  P.ViewChannel | P.SendMessages | P.ReadMessageHistory | P.EmbedLinks | P.AttachFiles | P.ManageMessages;
/** What denyChannel takes away from the bot in that channel. */
export const DENIED_IN_CHANNEL = P.ViewChannel | P.SendMessages | P.ReadMessageHistory | P.EmbedLinks | P.AttachFiles;

export interface FakeRole {
  id: string;
  name: string;
  permissions: bigint;
  position: number;
  managed: boolean;
  botId?: string;
}

export interface FakeChannel {
  id: string;
  name: string;
  position: number;
  deniedForBot: boolean;
}

export interface FakeMember {
  user: Json;
  roles: string[];
  joinedAt: string;
  /** Server nickname; null shows the user's own name. */
  nick?: string | null;
}

/** A DM channel the bot opened with a member (POST /users/@me/channels). */
export interface FakeDmChannel {
  id: string;
  userId: string;
  /** Messages the bot sent there, oldest first. */
  messages: StoredMessage[];
}

export function userPayload(id: string, username: string, bot = false): Json {
  return {
    id,
    username,
    discriminator: '0',
    global_name: bot ? null : username,
    avatar: null,
    bot,
    system: false,
    public_flags: 0,
    flags: 0,
  };
}

/** The guild the bot is in: channels, roles, members and the messages of each channel. */
export class FakeState {
  readonly token: string;
  readonly applicationId = snowflake();
  readonly guildId = snowflake();
  readonly botUser: Json;
  readonly ownerId: string;
  readonly botRoleId: string;
  readonly channels = new Map<string, FakeChannel>();
  readonly roles = new Map<string, FakeRole>();
  readonly members = new Map<string, FakeMember>();
  readonly messages = new Map<string, Map<string, StoredMessage>>();
  readonly commands = { global: [] as Json[], guild: [] as Json[] };
  /** DM channels by id, and the members whose DMs are closed to the bot (sends answer 50007). */
  readonly dmChannels = new Map<string, FakeDmChannel>();
  readonly dmsClosed = new Set<string>();
  readonly guildName: string;

  constructor(opts: { token: string; guildName?: string }) {
    this.token = opts.token;
    this.guildName = opts.guildName ?? 'AC League';
    // A bot user's id is its application's id.
    this.botUser = userPayload(this.applicationId, 'League Bot', true);
    this.roles.set(this.guildId, {
      id: this.guildId,
      name: '@everyone',
      permissions: EVERYONE_PERMISSIONS,
      position: 0,
      managed: false,
    });
    this.botRoleId = snowflake();
    this.roles.set(this.botRoleId, {
      id: this.botRoleId,
      name: 'League Bot',
      permissions: BOT_PERMISSIONS,
      position: 1,
      managed: true,
      botId: this.applicationId,
    });
    this.ownerId = this.addMember('owner').user.id;
    this.members.set(this.applicationId, {
      user: this.botUser,
      roles: [this.botRoleId],
      joinedAt: new Date().toISOString(),
    });
  }

  addChannel(name: string): FakeChannel {
    const ch: FakeChannel = { id: snowflake(), name, position: this.channels.size, deniedForBot: false };
    this.channels.set(ch.id, ch);
    this.messages.set(ch.id, new Map());
    return ch;
  }

  addRole(name: string, permissions: bigint = 0n): FakeRole {
    const role: FakeRole = { id: snowflake(), name, permissions, position: this.roles.size, managed: false };
    this.roles.set(role.id, role);
    return role;
  }

  addMember(username: string, roles: string[] = []): FakeMember {
    const member: FakeMember = { user: userPayload(snowflake(), username), roles, joinedAt: new Date().toISOString() };
    this.members.set(member.user.id, member);
    return member;
  }

  /** The member's DM channel, opened once like Discord does. */
  dmChannel(userId: string): FakeDmChannel {
    const open = [...this.dmChannels.values()].find((d) => d.userId === userId);
    if (open) return open;
    const dm: FakeDmChannel = { id: snowflake(), userId, messages: [] };
    this.dmChannels.set(dm.id, dm);
    return dm;
  }

  dmChannelPayload(dm: FakeDmChannel): Json {
    return {
      id: dm.id,
      type: 1,
      last_message_id: dm.messages.at(-1)?.id ?? null,
      flags: 0,
      recipients: [this.members.get(dm.userId)!.user],
    };
  }

  memberByName(username: string): FakeMember | undefined {
    return [...this.members.values()].find((m) => m.user.username === username);
  }

  /** Guild-level permissions from @everyone plus the roles; Administrator means all. */
  permissionsOf(roleIds: string[], userId?: string): bigint {
    if (userId === this.ownerId) return allPermissions();
    let perms = this.roles.get(this.guildId)!.permissions;
    for (const id of roleIds) perms |= this.roles.get(id)?.permissions ?? 0n;
    return (perms & P.Administrator) !== 0n ? allPermissions() : perms;
  }

  botPermissionsIn(channelId: string): bigint {
    const perms = this.permissionsOf([this.botRoleId]);
    return this.channels.get(channelId)?.deniedForBot ? perms & ~DENIED_IN_CHANNEL : perms;
  }

  channelPayload(ch: FakeChannel): Json {
    const overwrites = ch.deniedForBot
      ? [{ id: this.botRoleId, type: 0, allow: '0', deny: DENIED_IN_CHANNEL.toString() }]
      : [];
    const last = [...(this.messages.get(ch.id)?.keys() ?? [])].pop() ?? null;
    return {
      id: ch.id,
      type: 0,
      guild_id: this.guildId,
      name: ch.name,
      position: ch.position,
      permission_overwrites: overwrites,
      topic: null,
      nsfw: false,
      last_message_id: last,
      rate_limit_per_user: 0,
      parent_id: null,
      flags: 0,
    };
  }

  rolePayload(role: FakeRole): Json {
    return {
      id: role.id,
      name: role.name,
      color: 0,
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position: role.position,
      permissions: role.permissions.toString(),
      managed: role.managed,
      mentionable: false,
      flags: 0,
      ...(role.botId ? { tags: { bot_id: role.botId } } : {}),
    };
  }

  memberPayload(m: FakeMember, withUser = true): Json {
    return {
      ...(withUser ? { user: m.user } : {}),
      nick: m.nick ?? null,
      avatar: null,
      roles: m.roles,
      joined_at: m.joinedAt,
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      communication_disabled_until: null,
    };
  }

  guildPayload(): Json {
    return {
      id: this.guildId,
      name: this.guildName,
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: this.ownerId,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [...this.roles.values()].map((r) => this.rolePayload(r)),
      emojis: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      premium_subscription_count: 0,
      preferred_locale: 'en-US',
      public_updates_channel_id: null,
      nsfw_level: 0,
      stickers: [],
      premium_progress_bar_enabled: false,
      max_members: 500000,
      safety_alerts_channel_id: null,
    };
  }

  /** GUILD_CREATE: the guild plus what only the gateway sends (channels, the bot's own member, counts). */
  guildCreatePayload(): Json {
    return {
      ...this.guildPayload(),
      joined_at: this.members.get(this.applicationId)!.joinedAt,
      large: false,
      unavailable: false,
      member_count: this.members.size,
      voice_states: [],
      members: [this.memberPayload(this.members.get(this.applicationId)!)],
      channels: [...this.channels.values()].map((c) => this.channelPayload(c)),
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }
}

function allPermissions(): bigint {
  return Object.values(P).reduce((acc, bit) => acc | bit, 0n);
}
