import { PostKeeper, PostNeedsAdminError, type ChannelPoster, type PostBody } from '../../../src/app/posts/PostKeeper';
import { BotState } from '../../../src/app/runtime/BotState';
import { silentLogger } from '../../../src/logger';
import { MemoryState } from '../../support/memoryState';

/** A channel kept in memory; `failNext` makes the next calls throw. */
class MemoryChannel implements ChannelPoster {
  messages = new Map<string, string>();
  calls: Array<{ op: 'post' | 'edit'; content: string }> = [];
  failures: Error[] = [];
  private next = 1;
  async upsert(channelId: string, messageId: string | undefined, body: PostBody): Promise<string> {
    const failure = this.failures.shift();
    if (failure) throw failure;
    if (messageId && this.messages.has(messageId)) {
      this.calls.push({ op: 'edit', content: body.content });
      this.messages.set(messageId, body.content);
      return messageId;
    }
    return this.send(channelId, body);
  }
  async exists(_channelId: string, messageId: string): Promise<boolean> {
    return this.messages.has(messageId);
  }
  async send(_channelId: string, body: PostBody): Promise<string> {
    const id = String(this.next++);
    this.calls.push({ op: 'post', content: body.content });
    this.messages.set(id, body.content);
    return id;
  }
}

const fast = { debounceMs: 20, retryBaseMs: 20, retryMaxMs: 100 };
const waitUntil = async (cond: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('PostKeeper', () => {
  let channel: MemoryChannel;
  let state: BotState;
  let keeper: PostKeeper;
  beforeEach(() => {
    channel = new MemoryChannel();
    state = new BotState(new MemoryState());
    keeper = new PostKeeper(channel, state, silentLogger, fast);
  });
  afterEach(() => keeper.stop());

  it('when asked twice with new content, then it posts once and edits the same message', async () => {
    keeper.request('lb', 'c1', async () => ({ content: 'v1' }));
    await keeper.flush();
    keeper.request('lb', 'c1', async () => ({ content: 'v2' }));
    await keeper.flush();
    expect(channel.calls.map((c) => c.op)).toEqual(['post', 'edit']);
    expect([...channel.messages.values()]).toEqual(['v2']);
    expect((await state.message('lb'))?.messageId).toBe('1');
  });

  it('when a burst of requests arrives, then only the latest content is sent, once', async () => {
    for (let i = 0; i < 50; i++) keeper.request('lb', 'c1', async () => ({ content: `v${i}` }));
    await waitUntil(() => channel.calls.length > 0);
    await keeper.flush();
    expect(channel.calls).toEqual([{ op: 'post', content: 'v49' }]);
  });

  it('when the content is identical, then nothing is re-sent, even after a restart', async () => {
    keeper.request('lb', 'c1', async () => ({ content: 'same' }));
    await keeper.flush();
    const restarted = new PostKeeper(channel, state, silentLogger, fast);
    restarted.request('lb', 'c1', async () => ({ content: 'same' }));
    await restarted.flush();
    restarted.request('lb', 'c1', async () => ({ content: 'changed' }));
    await restarted.flush();
    await restarted.stop();
    expect(channel.calls.map((c) => c.op)).toEqual(['post', 'edit']);
  });

  it('when Discord fails for a while, then the retry shows the latest content', async () => {
    channel.failures.push(new Error('503 Service Unavailable'), new Error('503 Service Unavailable'));
    let version = 'v1';
    keeper.request('lb', 'c1', async () => ({ content: version }));
    await waitUntil(() => channel.failures.length === 0);
    version = 'v2';
    keeper.request('lb', 'c1', async () => ({ content: version }));
    await waitUntil(() => channel.calls.length > 0);
    await keeper.flush();
    expect([...channel.messages.values()]).toEqual(['v2']);
  });

  it('when a permission is missing, then it keeps retrying until the admin fixes it', async () => {
    channel.failures.push(new PostNeedsAdminError('Missing Permissions'));
    keeper.request('lb', 'c1', async () => ({ content: 'v1' }));
    await waitUntil(() => channel.calls.length === 1);
    expect([...channel.messages.values()]).toEqual(['v1']);
  });

  it('when our message was deleted, then it is posted again', async () => {
    keeper.request('lb', 'c1', async () => ({ content: 'v1' }));
    await keeper.flush();
    channel.messages.delete('1');
    await keeper.messageDeleted('1');
    await waitUntil(() => channel.calls.length === 2);
    expect(channel.calls[1]).toEqual({ op: 'post', content: 'v1' });
    expect((await state.message('lb'))?.messageId).toBe('2');
  });

  it('when our message is deleted while an edit of it is in flight, then it is still posted again', async () => {
    keeper.request('lb', 'c1', async () => ({ content: 'v1' }));
    await keeper.flush();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slowUpsert = channel.upsert.bind(channel);
    channel.upsert = async (c, id, body) => {
      const result = await slowUpsert(c, id, body); // the edit lands...
      await gate; // ...but its answer is slow, so the old id is stored after the delete
      return result;
    };
    keeper.request('lb', 'c1', async () => ({ content: 'v2' }));
    await waitUntil(() => channel.calls.length === 2);
    channel.messages.delete('1');
    await keeper.messageDeleted('1');
    channel.upsert = slowUpsert;
    release();
    await waitUntil(() => channel.calls.length === 3);
    await keeper.flush();
    expect(channel.calls[2]).toEqual({ op: 'post', content: 'v2' });
    expect((await state.message('lb'))?.messageId).toBe('2');
  });

  it('when our message was deleted while the bot was down, then the restarted bot posts it again', async () => {
    keeper.request('lb', 'c1', async () => ({ content: 'same' }));
    await keeper.flush();
    channel.messages.clear();
    const restarted = new PostKeeper(channel, state, silentLogger, fast);
    restarted.request('lb', 'c1', async () => ({ content: 'same' }));
    await restarted.flush();
    await restarted.stop();
    expect(channel.calls.map((c) => c.op)).toEqual(['post', 'post']);
  });

  it('when saving the message id fails after a post, then the retry edits that message instead of posting a second one', async () => {
    const setMessage = state.setMessage.bind(state);
    let failOnce = true;
    state.setMessage = async (key, ref) => {
      if (failOnce) {
        failOnce = false;
        throw new Error('database is locked');
      }
      return setMessage(key, ref);
    };
    keeper.request('lb', 'c1', async () => ({ content: 'v1' }));
    await waitUntil(() => !failOnce && channel.calls.length === 1);
    await new Promise((r) => setTimeout(r, 100));
    keeper.request('lb', 'c1', async () => ({ content: 'v2' }));
    await waitUntil(() => channel.calls.length === 2);
    expect(channel.calls.map((c) => c.op)).toEqual(['post', 'edit']);
    expect(channel.messages.size).toBe(1);
  });
});
