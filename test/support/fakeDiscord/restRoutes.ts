import type { FakeGateway } from './gateway';
import { Errors, json, noContent } from './http';
import type { MessageStore } from './MessageStore';
import { createMessage, editMessage, messagePayload } from './messages';
import { param, type Router } from './router';
import { snowflake } from './state';
import type { FakeChannel, FakeState } from './state';
import type { Json, RestContext } from './types';
import { validateCommands } from './validation';

/** Bot-token routes: gateway info, users, guild, channels, messages and application commands. */
export function registerRestRoutes(router: Router, state: FakeState, gateway: FakeGateway, store: MessageStore): void {
  const gatewayBot = () =>
    json({
      url: gateway.url,
      shards: 1,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
    });
  router.add('GET', '/gateway/bot', gatewayBot);
  router.add('GET', '/gateway', () => json({ url: gateway.url }));
  router.add('GET', '/users/@me', () => json(state.botUser));
  router.add('POST', '/users/@me/channels', (c) => {
    const userId = String(c.body?.recipient_id ?? '');
    if (!state.members.has(userId)) throw Errors.unknownUser();
    return json(state.dmChannelPayload(state.dmChannel(userId)));
  });
  router.add('GET', '/users/:userId', (c) =>
    json(state.members.get(param(c, 'userId'))?.user ?? throwIt(Errors.unknownUser())),
  );
  router.add('GET', '/applications/@me', () => json(applicationPayload(state)));

  const guild = (c: RestContext) => {
    if (c.params.guildId !== state.guildId) throw Errors.missingAccess();
  };
  router.add('GET', '/guilds/:guildId', (c) => (guild(c), json(state.guildPayload())));
  router.add(
    'GET',
    '/guilds/:guildId/channels',
    (c) => (guild(c), json([...state.channels.values()].map((ch) => state.channelPayload(ch)))),
  );
  router.add(
    'GET',
    '/guilds/:guildId/roles',
    (c) => (guild(c), json([...state.roles.values()].map((r) => state.rolePayload(r)))),
  );
  router.add('GET', '/guilds/:guildId/members/:userId', (c) => {
    guild(c);
    const member = state.members.get(param(c, 'userId')) ?? throwIt(Errors.unknownMember());
    return json(state.memberPayload(member));
  });

  const channel = (c: RestContext): FakeChannel =>
    state.channels.get(param(c, 'channelId')) ?? throwIt(Errors.unknownChannel());
  const messagesOf = (c: RestContext): FakeChannel => {
    const ch = channel(c);
    if (ch.deniedForBot) throw Errors.missingPermissions();
    return ch;
  };
  const message = (c: RestContext) =>
    store.get(messagesOf(c).id, param(c, 'messageId')) ?? throwIt(Errors.unknownMessage());

  router.add('GET', '/channels/:channelId', (c) => json(state.channelPayload(channel(c))));
  router.add('POST', '/channels/:channelId/typing', (c) => (messagesOf(c), noContent()));
  router.add('GET', '/channels/:channelId/messages', (c) =>
    json(listMessages(store.list(messagesOf(c).id), c.query).map((m) => messagePayload(state, m))),
  );
  router.add('GET', '/channels/:channelId/messages/:messageId', (c) => json(messagePayload(state, message(c))));
  router.add('POST', '/channels/:channelId/messages', (c) => {
    const dm = state.dmChannels.get(param(c, 'channelId'));
    if (dm) {
      if (state.dmsClosed.has(dm.userId)) throw Errors.cannotSendToUser();
      const sent = createMessage(state, dm.id, c.body ?? {}, c.files);
      dm.messages.push(sent);
      return json({ ...messagePayload(state, sent), guild_id: undefined });
    }
    const msg = createMessage(state, messagesOf(c).id, c.body ?? {}, c.files);
    store.insert(msg);
    return json(messagePayload(state, msg));
  });
  router.add('PATCH', '/channels/:channelId/messages/:messageId', (c) => {
    const msg = message(c);
    if (msg.author.id !== state.applicationId) throw Errors.otherUsersMessage();
    editMessage(msg, c.body ?? {}, c.files);
    store.updated(msg);
    return json(messagePayload(state, msg));
  });
  router.add('DELETE', '/channels/:channelId/messages/:messageId', (c) => {
    const msg = message(c);
    store.remove(msg.channel_id, msg.id);
    return noContent();
  });

  registerCommandRoutes(router, state);
}

function listMessages<T extends { id: string }>(all: T[], query: Record<string, string>): T[] {
  const limit = Math.min(Math.max(Number(query.limit ?? 50) || 50, 1), 100);
  const newestFirst = [...all].sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1));
  const { before, after } = query;
  if (before) return newestFirst.filter((m) => BigInt(m.id) < BigInt(before)).slice(0, limit);
  if (after) return newestFirst.filter((m) => BigInt(m.id) > BigInt(after)).slice(-limit);
  return newestFirst.slice(0, limit);
}

function registerCommandRoutes(router: Router, state: FakeState): void {
  const scope = (c: RestContext): Json[] => {
    if (c.params.appId !== state.applicationId) throw Errors.unknownApplication();
    if (c.params.guildId === undefined) return state.commands.global;
    if (c.params.guildId !== state.guildId) throw Errors.missingAccess();
    return state.commands.guild;
  };
  const replaceAll = (list: Json[], body: Json[], guildId?: string) => {
    validateCommands(body);
    const next = body.map((cmd) =>
      toStored(
        state,
        cmd,
        list.find((old) => old.name === cmd.name && (old.type ?? 1) === (cmd.type ?? 1)),
        guildId,
      ),
    );
    list.splice(0, list.length, ...next);
    return json(next);
  };
  for (const base of ['/applications/:appId/commands', '/applications/:appId/guilds/:guildId/commands']) {
    router.add('GET', base, (c) => json(scope(c)));
    router.add('PUT', base, (c) => replaceAll(scope(c), c.body, c.params.guildId));
    router.add('POST', base, (c) => {
      const list = scope(c);
      validateCommands([c.body]);
      const index = list.findIndex((old) => old.name === c.body.name && (old.type ?? 1) === (c.body.type ?? 1));
      const stored = toStored(state, c.body, list[index], c.params.guildId);
      if (index >= 0) list[index] = stored;
      else list.push(stored);
      return json(stored, index >= 0 ? 200 : 201);
    });
    router.add('GET', `${base}/:commandId`, (c) =>
      json(scope(c).find((cmd) => cmd.id === c.params.commandId) ?? throwIt(Errors.unknownCommand())),
    );
    router.add('DELETE', `${base}/:commandId`, (c) => {
      const list = scope(c);
      const index = list.findIndex((cmd) => cmd.id === c.params.commandId);
      if (index < 0) throw Errors.unknownCommand();
      list.splice(index, 1);
      return noContent();
    });
  }
}

function toStored(state: FakeState, cmd: Json, previous: Json | undefined, guildId?: string): Json {
  return {
    type: 1,
    description: '',
    options: [],
    default_member_permissions: null,
    dm_permission: true,
    nsfw: false,
    ...cmd,
    id: previous?.id ?? snowflake(),
    application_id: state.applicationId,
    version: snowflake(),
    ...(guildId ? { guild_id: guildId } : {}),
  };
}

function applicationPayload(state: FakeState): Json {
  return {
    id: state.applicationId,
    name: state.botUser.username,
    icon: null,
    description: '',
    bot_public: false,
    bot_require_code_grant: false,
    verify_key: '0'.repeat(64),
    flags: 0,
    owner: { ...state.members.get(state.ownerId)!.user },
    team: null,
    bot: state.botUser,
  };
}

function throwIt(err: Error): never {
  throw err;
}
