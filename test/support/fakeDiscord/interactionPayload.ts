import { randomBytes } from 'node:crypto';
import { messagePayload } from './messages';
import { snowflake } from './state';
import type { FakeMember, FakeState } from './state';
import type { InteractionKind } from './InteractionHandle';
import type { Json, StoredMessage } from './types';

export type OptionValue = string | number | boolean;

export interface InjectInteractionOptions {
  type?: InteractionKind;
  commandName?: string;
  subcommand?: string;
  subcommandGroup?: string;
  /** name -> value (types come from the registered command, else are inferred), or raw API options. */
  options?: Record<string, OptionValue> | Json[];
  /** Autocomplete: the option being typed; default the last one. */
  focused?: string;
  customId?: string;
  /** Button: the message carrying it; default the channel's newest bot message. */
  messageId?: string;
  /** Default: the first channel. */
  channelId?: string;
  member?: { userId?: string; username?: string; roles?: string[]; permissions?: bigint | string };
}

const SUB = 1;
const GROUP = 2;

export function buildInteraction(state: FakeState, o: InjectInteractionOptions, target: StoredMessage | null): Json {
  const kind = o.type ?? 'command';
  const channelId = o.channelId ?? [...state.channels.keys()][0] ?? '';
  const channel = state.channels.get(channelId);
  if (!channel) throw new Error(`fakeDiscord: unknown channel ${channelId}`);
  const member = resolveMember(state, o.member ?? {});
  const roles = o.member?.roles ?? member.roles;
  const permissions = o.member?.permissions ?? state.permissionsOf(roles, member.user.id);
  const base: Json = {
    id: snowflake(),
    application_id: state.applicationId,
    token: `fake-${randomBytes(24).toString('hex')}`,
    version: 1,
    guild_id: state.guildId,
    guild: { id: state.guildId, locale: 'en-US', features: [] },
    channel_id: channelId,
    channel: state.channelPayload(channel),
    member: { ...state.memberPayload(member), roles, permissions: permissions.toString() },
    app_permissions: state.botPermissionsIn(channelId).toString(),
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': state.guildId },
    context: 0,
    attachment_size_limit: 10 * 1024 * 1024,
  };
  if (kind === 'button') {
    if (!target) throw new Error('fakeDiscord: a button interaction needs a message');
    return {
      ...base,
      type: 3,
      message: messagePayload(state, target),
      data: { custom_id: o.customId ?? 'button', component_type: 2 },
    };
  }
  if (!o.commandName) throw new Error('fakeDiscord: commandName is required');
  const command = findCommand(state, o.commandName);
  let options = Array.isArray(o.options) ? o.options : toApiOptions(o.options ?? {}, optionDefs(command, o));
  if (kind === 'autocomplete') options = markFocused(options, o.focused);
  if (o.subcommand) options = [{ type: SUB, name: o.subcommand, options }];
  if (o.subcommandGroup) options = [{ type: GROUP, name: o.subcommandGroup, options }];
  const data: Json = { id: command?.id ?? snowflake(), name: o.commandName, type: 1, options, guild_id: state.guildId };
  const resolved = resolvedFor(state, options);
  if (resolved) data.resolved = resolved;
  return { ...base, type: kind === 'autocomplete' ? 4 : 2, data };
}

function resolveMember(state: FakeState, m: NonNullable<InjectInteractionOptions['member']>): FakeMember {
  if (m.userId) {
    const found = state.members.get(m.userId);
    if (!found) throw new Error(`fakeDiscord: unknown member ${m.userId}`);
    return found;
  }
  const name = m.username ?? 'tester';
  return state.memberByName(name) ?? state.addMember(name, m.roles ?? []);
}

/** Real Discord only delivers registered commands; once any are registered, others are a test bug. */
function findCommand(state: FakeState, name: string): Json | undefined {
  const all = [...state.commands.guild, ...state.commands.global];
  const found = all.find((c) => c.name === name && (c.type ?? 1) === 1);
  if (!found && all.length > 0) throw new Error(`fakeDiscord: command /${name} is not registered`);
  return found;
}

function optionDefs(command: Json | undefined, o: InjectInteractionOptions): Json[] {
  let defs: Json[] = command?.options ?? [];
  if (o.subcommandGroup) defs = defs.find((d) => d.type === GROUP && d.name === o.subcommandGroup)?.options ?? [];
  if (o.subcommand) defs = defs.find((d) => d.type === SUB && d.name === o.subcommand)?.options ?? [];
  return defs;
}

function toApiOptions(values: Record<string, OptionValue>, defs: Json[]): Json[] {
  return Object.entries(values).map(([name, value]) => {
    const type = defs.find((d) => d.name === name)?.type ?? inferType(value);
    return { name, type, value };
  });
}

function inferType(value: OptionValue): number {
  if (typeof value === 'boolean') return 5;
  if (typeof value === 'number') return Number.isInteger(value) ? 4 : 10;
  return 3;
}

function markFocused(options: Json[], focused?: string): Json[] {
  const name = focused ?? options[options.length - 1]?.name;
  // While typing, Discord sends the focused value as the raw string the user typed.
  return options.map((opt) => (opt.name === name ? { ...opt, value: String(opt.value), focused: true } : opt));
}

/** USER / CHANNEL / ROLE / MENTIONABLE options come with their objects in `resolved`. */
function resolvedFor(state: FakeState, options: Json[]): Json | null {
  const resolved: Json = {};
  const add = (kind: string, id: string, value: Json) => ((resolved[kind] ??= {})[id] = value);
  for (const opt of leafOptions(options)) {
    const id = String(opt.value);
    const member = state.members.get(id);
    if ((opt.type === 6 || opt.type === 9) && member) {
      add('users', id, member.user);
      add('members', id, {
        ...state.memberPayload(member, false),
        permissions: state.permissionsOf(member.roles, id).toString(),
      });
    }
    const role = state.roles.get(id);
    if ((opt.type === 8 || opt.type === 9) && role) add('roles', id, state.rolePayload(role));
    const channel = state.channels.get(id);
    if (opt.type === 7 && channel) add('channels', id, { ...state.channelPayload(channel), permissions: '0' });
  }
  return Object.keys(resolved).length ? resolved : null;
}

function leafOptions(options: Json[]): Json[] {
  return options.flatMap((o) => (Array.isArray(o.options) ? leafOptions(o.options) : [o]));
}
