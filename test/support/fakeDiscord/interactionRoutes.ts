import type { FakeGateway } from './gateway';
import { ApiError, Errors, fieldError, json, noContent } from './http';
import { InteractionHandle } from './InteractionHandle';
import { buildInteraction, type InjectInteractionOptions } from './interactionPayload';
import type { MessageStore } from './MessageStore';
import { createMessage, editMessage, messagePayload, placeholderMessage } from './messages';
import { param, type Router } from './router';
import type { FakeState } from './state';
import type { Json, RestContext, RestResult, StoredMessage } from './types';

const EPHEMERAL = 64;
const LOADING = 128;

/** Injected interactions and the callback / webhook routes the bot answers them on. */
export class InteractionHub {
  private readonly byId = new Map<string, InteractionHandle>();
  private readonly byToken = new Map<string, InteractionHandle>();

  constructor(
    private readonly state: FakeState,
    private readonly gateway: FakeGateway,
    private readonly store: MessageStore,
    private readonly deadlineMs: number,
  ) {}

  inject(opts: InjectInteractionOptions): InteractionHandle {
    const kind = opts.type ?? 'command';
    const channelId = opts.channelId ?? [...this.state.channels.keys()][0];
    if (channelId === undefined) throw new Error('fakeDiscord: there is no channel to send the interaction from');
    const target = kind === 'button' ? this.buttonMessage(channelId, opts) : null;
    opts = { ...opts, channelId };
    const payload = buildInteraction(this.state, opts, target);
    const handle = new InteractionHandle({
      id: payload.id,
      token: payload.token,
      kind,
      channelId: payload.channel_id,
      sentAt: Date.now(),
      deadlineMs: this.deadlineMs,
      user: payload.member.user,
      targetMessage: target,
    });
    this.byId.set(handle.id, handle);
    this.byToken.set(handle.token, handle);
    this.gateway.dispatch('INTERACTION_CREATE', payload);
    return handle;
  }

  register(router: Router): void {
    router.add('POST', '/interactions/:id/:token/callback', (c) => this.callback(c), { noAuth: true });
    router.add('POST', '/webhooks/:appId/:token', (c) => this.followUp(c), { noAuth: true });
    for (const method of ['GET', 'PATCH', 'DELETE']) {
      router.add(method, '/webhooks/:appId/:token/messages/:messageId', (c) => this.webhookMessage(c), {
        noAuth: true,
      });
    }
  }

  private buttonMessage(channelId: string, opts: InjectInteractionOptions): StoredMessage {
    if (opts.messageId) {
      const found = this.store.get(channelId, opts.messageId);
      if (!found) throw new Error(`fakeDiscord: no message ${opts.messageId} in channel ${channelId}`);
      return found;
    }
    const latest = this.store
      .list(channelId)
      .filter((m) => m.author.id === this.state.applicationId)
      .pop();
    const button = { type: 2, style: 1, label: 'button', custom_id: opts.customId ?? 'button' };
    return latest ?? createMessage(this.state, channelId, { components: [{ type: 1, components: [button] }] }, []);
  }

  private callback(c: RestContext): RestResult {
    const handle = this.byId.get(param(c, 'id'));
    if (!handle || handle.token !== c.params.token) throw Errors.unknownInteraction();
    const type = Number(c.body?.type);
    const record = { type, data: c.body?.data, latencyMs: Date.now() - handle.sentAt, status: 0 };
    handle.callbacks.push(record);
    try {
      if (record.latencyMs > handle.deadlineMs) throw Errors.unknownInteraction();
      if (handle.callbacks.some((cb) => cb !== record && cb.status < 300)) throw Errors.alreadyAcknowledged();
      this.applyCallback(handle, type, c.body?.data ?? {}, c);
    } catch (err) {
      record.status = err instanceof ApiError ? err.status : 500;
      throw err;
    }
    const withResponse = c.query.with_response === 'true';
    record.status = withResponse ? 200 : 204;
    if (!withResponse) return noContent();
    const msg = handle.original;
    return json({
      interaction: {
        id: handle.id,
        type: handle.kind === 'button' ? 3 : handle.kind === 'autocomplete' ? 4 : 2,
        response_message_id: msg?.id,
        response_message_loading: msg ? (msg.flags & LOADING) !== 0 : undefined,
        response_message_ephemeral: msg ? (msg.flags & EPHEMERAL) !== 0 : undefined,
      },
      resource: {
        type,
        ...(msg && (type === 4 || type === 5 || type === 7) ? { message: messagePayload(this.state, msg) } : {}),
      },
    });
  }

  private applyCallback(handle: InteractionHandle, type: number, data: Json, c: RestContext): void {
    const allowed: Record<number, string[]> = {
      4: ['command', 'button'],
      5: ['command', 'button'],
      6: ['button'],
      7: ['button'],
      8: ['autocomplete'],
      9: ['command', 'button'],
    };
    if (!allowed[type]?.includes(handle.kind))
      throw Errors.invalidForm({
        type: fieldError('INTERACTION_CALLBACK_TYPE_INVALID', 'Invalid interaction response type'),
      });
    const channelId = handle.channelId;
    if (type === 4 || type === 5) {
      const msg =
        type === 4
          ? createMessage(this.state, channelId, data, c.files, this.meta(handle))
          : placeholderMessage(
              this.state,
              channelId,
              ((Number(data.flags) || 0) & EPHEMERAL) | LOADING,
              this.meta(handle),
            );
      handle.original = msg;
      if ((msg.flags & EPHEMERAL) === 0) this.store.insert(msg);
    } else if (type === 6 || type === 7) {
      handle.original = handle.targetMessage;
      if (type === 7 && handle.targetMessage) {
        editMessage(handle.targetMessage, data, c.files);
        this.store.updated(handle.targetMessage);
      }
    } else if (type === 8) {
      const choices: Json[] = Array.isArray(data.choices) ? data.choices : [];
      if (choices.length > 25)
        throw Errors.invalidForm({
          data: { choices: fieldError('BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.') },
        });
      handle.choices = choices;
    } else {
      handle.modal = data;
    }
  }

  private meta(handle: InteractionHandle): Partial<StoredMessage> {
    const type = handle.kind === 'button' ? 3 : 2;
    return {
      webhook_id: this.state.applicationId,
      interaction_metadata: {
        id: handle.id,
        type,
        user: handle.user,
        authorizing_integration_owners: { '0': this.state.guildId },
      },
    };
  }

  private handleFor(c: RestContext): InteractionHandle {
    const handle = this.byToken.get(param(c, 'token'));
    if (!handle || c.params.appId !== this.state.applicationId || !handle.acknowledged) throw Errors.unknownWebhook();
    return handle;
  }

  private followUp(c: RestContext): RestResult {
    const handle = this.handleFor(c);
    const original = handle.original;
    let msg: StoredMessage;
    if (original && (original.flags & LOADING) !== 0) {
      // The first follow-up after a deferred reply replaces the "thinking" message.
      editMessage(original, c.body ?? {}, c.files);
      original.flags &= ~LOADING;
      this.store.updated(original);
      msg = original;
    } else {
      const channelId = original?.channel_id ?? handle.channelId;
      msg = createMessage(this.state, channelId, c.body ?? {}, c.files, this.meta(handle));
      handle.followUps.push(msg);
      if ((msg.flags & EPHEMERAL) === 0) this.store.insert(msg);
    }
    return c.query.wait === 'true' ? json(messagePayload(this.state, msg)) : noContent();
  }

  private webhookMessage(c: RestContext): RestResult {
    const handle = this.handleFor(c);
    const id = c.params.messageId;
    const msg =
      id === '@original' || id === handle.original?.id ? handle.original : handle.followUps.find((m) => m.id === id);
    if (!msg) throw Errors.unknownMessage();
    if (c.method === 'GET') return json(messagePayload(this.state, msg));
    if (c.method === 'DELETE') {
      this.store.remove(msg.channel_id, msg.id);
      if (msg === handle.original) handle.original = null;
      else handle.followUps.splice(handle.followUps.indexOf(msg), 1);
      return noContent();
    }
    editMessage(msg, c.body ?? {}, c.files);
    msg.flags &= ~LOADING;
    this.store.updated(msg);
    return json(messagePayload(this.state, msg));
  }
}
