import type { FakeGateway } from './gateway';
import { messagePayload } from './messages';
import type { FakeState } from './state';
import type { StoredMessage } from './types';

/** MESSAGE_* events need the GUILD_MESSAGES intent; a Guilds-only bot never sees them. */
const GUILD_MESSAGES = 1 << 9;

/** Channel messages plus the gateway events Discord sends when they change. */
export class MessageStore {
  constructor(
    private readonly state: FakeState,
    private readonly gateway: FakeGateway,
  ) {}

  get(channelId: string, messageId: string): StoredMessage | undefined {
    return this.state.messages.get(channelId)?.get(messageId);
  }

  list(channelId: string): StoredMessage[] {
    return [...(this.state.messages.get(channelId)?.values() ?? [])];
  }

  insert(msg: StoredMessage): void {
    this.state.messages.get(msg.channel_id)?.set(msg.id, msg);
    this.gateway.dispatch('MESSAGE_CREATE', messagePayload(this.state, msg), GUILD_MESSAGES);
  }

  updated(msg: StoredMessage): void {
    if (!this.get(msg.channel_id, msg.id)) return;
    this.gateway.dispatch('MESSAGE_UPDATE', messagePayload(this.state, msg), GUILD_MESSAGES);
  }

  remove(channelId: string, messageId: string): boolean {
    const removed = this.state.messages.get(channelId)?.delete(messageId) ?? false;
    if (removed) {
      this.gateway.dispatch(
        'MESSAGE_DELETE',
        { id: messageId, channel_id: channelId, guild_id: this.state.guildId },
        GUILD_MESSAGES,
      );
    }
    return removed;
  }
}
