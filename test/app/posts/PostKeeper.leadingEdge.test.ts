import { PostKeeper, type ChannelPoster, type PostBody } from '../../../src/app/posts/PostKeeper';
import { BotState } from '../../../src/app/runtime/BotState';
import { silentLogger } from '../../../src/logger';
import { MemoryState } from '../../support/memoryState';

/** Records every edit with the fake clock's time; `hold` keeps edits in flight until released. */
class ClockedChannel implements ChannelPoster {
  calls: Array<{ channelId: string; content: string; at: number }> = [];
  hold: Promise<void> | undefined;
  private next = 1;
  async upsert(channelId: string, messageId: string | undefined, body: PostBody): Promise<string> {
    this.calls.push({ channelId, content: body.content, at: Date.now() });
    await this.hold;
    return messageId ?? String(this.next++);
  }
  async send(channelId: string, body: PostBody): Promise<string> {
    return this.upsert(channelId, undefined, body);
  }
}

describe('PostKeeper on the leading edge (fake clock)', () => {
  let channel: ClockedChannel;
  let keeper: PostKeeper;
  const contents = () => channel.calls.map((c) => c.content);

  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-03-01T20:00:00Z') });
    channel = new ClockedChannel();
    keeper = new PostKeeper(channel, new BotState(new MemoryState()), silentLogger, {
      debounceMs: 100,
      retryBaseMs: 1000,
      retryMaxMs: 60_000,
    });
  });
  afterEach(async () => {
    await keeper.stop();
    jest.useRealTimers();
  });

  it('when the post was quiet, then a change is sent at once, without waiting for the debounce window', async () => {
    const t0 = Date.now();
    keeper.request('lb', 'c1', async () => ({ content: 'v1' }));
    await jest.advanceTimersByTimeAsync(1);
    expect(channel.calls).toEqual([{ channelId: 'c1', content: 'v1', at: t0 }]);

    await jest.advanceTimersByTimeAsync(2000);
    const t1 = Date.now();
    keeper.request('lb', 'c1', async () => ({ content: 'v2' }));
    await jest.advanceTimersByTimeAsync(1);
    expect(channel.calls[1]).toEqual({ channelId: 'c1', content: 'v2', at: t1 });
  });

  it('when changes arrive while an edit is in flight, then they are folded into one next edit with the latest content', async () => {
    let release!: () => void;
    channel.hold = new Promise<void>((r) => (release = r));
    keeper.request('lb', 'c1', async () => ({ content: 'v1' }));
    await jest.advanceTimersByTimeAsync(1);
    for (let i = 2; i <= 20; i++) {
      keeper.request('lb', 'c1', async () => ({ content: `v${i}` }));
      await jest.advanceTimersByTimeAsync(10);
    }
    expect(contents()).toEqual(['v1']);
    channel.hold = undefined;
    release();
    await jest.advanceTimersByTimeAsync(1000);
    expect(contents()).toEqual(['v1', 'v20']);
  });

  it('when a change comes within the debounce window of the last edit, then it waits for the rest of the window', async () => {
    keeper.request('lb', 'c1', async () => ({ content: 'v1' }));
    await jest.advanceTimersByTimeAsync(30);
    keeper.request('lb', 'c1', async () => ({ content: 'v2' }));
    keeper.request('lb', 'c1', async () => ({ content: 'v3' }));
    await jest.advanceTimersByTimeAsync(60);
    expect(contents()).toEqual(['v1']);
    await jest.advanceTimersByTimeAsync(20);
    expect(contents()).toEqual(['v1', 'v3']);
    expect(channel.calls[1]!.at - channel.calls[0]!.at).toBe(100);
  });

  it("when a channel's posts change faster than 5 edits in 5 s, then the rest waits for the budget and shows the latest", async () => {
    // Two posts in one channel share its budget; another channel has its own.
    for (let i = 1; i <= 10; i++) {
      keeper.request(i % 2 ? 'lb' : 'schedule', 'c1', async () => ({ content: `c1 v${i}` }));
      if (i % 4 === 1) keeper.request('other', 'c2', async () => ({ content: `c2 v${i}` }));
      await jest.advanceTimersByTimeAsync(200);
    }
    const c1 = () => channel.calls.filter((c) => c.channelId === 'c1');
    expect(c1()).toHaveLength(5);
    expect(channel.calls.filter((c) => c.channelId === 'c2').map((c) => c.content)).toEqual([
      'c2 v1',
      'c2 v5',
      'c2 v9',
    ]);
    await jest.advanceTimersByTimeAsync(5000);
    expect(c1().map((c) => c.content)).toEqual(['c1 v1', 'c1 v2', 'c1 v3', 'c1 v4', 'c1 v5', 'c1 v10', 'c1 v9']);
    // No more than 5 edits in any 5 s.
    const times = c1().map((c) => c.at);
    for (let i = 5; i < times.length; i++) expect(times[i]! - times[i - 5]!).toBeGreaterThanOrEqual(5000);
  });

  it('when the content did not change, then no edit is sent at all', async () => {
    keeper.request('lb', 'c1', async () => ({ content: 'same' }));
    await jest.advanceTimersByTimeAsync(500);
    for (let i = 0; i < 20; i++) {
      keeper.request('lb', 'c1', async () => ({ content: 'same' }));
      await jest.advanceTimersByTimeAsync(300);
    }
    expect(contents()).toEqual(['same']);
  });
});
