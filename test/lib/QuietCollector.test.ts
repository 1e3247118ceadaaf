import { QuietCollector } from '../../src/lib/QuietCollector';
import { silentLogger } from '../../src/logger';

/** Work that ends when the test says so. */
function pending() {
  let end!: () => void;
  const done = new Promise<void>((resolve) => (end = resolve));
  return { work: () => done, end };
}

describe('QuietCollector', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());
  const collector = (collect: () => void) => new QuietCollector({ log: silentLogger, quietMs: 1000, collect });

  it('when work ends, then garbage is collected once the bot has been quiet for the window, and only once', async () => {
    const collect = jest.fn();
    const quiet = collector(collect);
    await quiet.around(async () => 'stored');
    jest.advanceTimersByTime(999);
    expect(collect).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(collect).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(10_000);
    expect(collect).toHaveBeenCalledTimes(1); // no work since: nothing more to collect
  });

  it('when work keeps coming (a backlog), then nothing is collected until it stops, then once', async () => {
    const collect = jest.fn();
    const quiet = collector(collect);
    for (let i = 0; i < 20; i++) {
      await quiet.around(async () => undefined);
      jest.advanceTimersByTime(500);
    }
    expect(collect).not.toHaveBeenCalled();
    jest.advanceTimersByTime(500);
    expect(collect).toHaveBeenCalledTimes(1);
  });

  it('when work runs longer than the window (a large batch), then nothing is collected while it runs', async () => {
    const collect = jest.fn();
    const quiet = collector(collect);
    const first = pending();
    const long = pending();
    const a = quiet.around(first.work);
    const b = quiet.around(long.work); // another server's ingest, at the same time
    first.end();
    await a;
    jest.advanceTimersByTime(5000);
    expect(collect).not.toHaveBeenCalled(); // one still runs
    long.end();
    await b;
    jest.advanceTimersByTime(1000);
    expect(collect).toHaveBeenCalledTimes(1);
  });

  it('when the work fails, then it fails for the caller and the garbage is still collected after it', async () => {
    const collect = jest.fn();
    const quiet = collector(collect);
    await expect(quiet.around(() => Promise.reject(new Error('store down')))).rejects.toThrow('store down');
    jest.advanceTimersByTime(1000);
    expect(collect).toHaveBeenCalledTimes(1);
  });

  it('when stopped, then a pending collection is dropped and later work starts none', async () => {
    const collect = jest.fn();
    const quiet = collector(collect);
    await quiet.around(async () => undefined);
    quiet.stop();
    await quiet.around(async () => undefined);
    jest.advanceTimersByTime(5000);
    expect(collect).not.toHaveBeenCalled();
  });

  it('when node runs without --expose-gc (as jest and tsx do), then it sets no timer at all', async () => {
    const exposed = globalThis.gc;
    globalThis.gc = undefined;
    try {
      const quiet = new QuietCollector({ log: silentLogger });
      await quiet.around(async () => undefined);
      expect(jest.getTimerCount()).toBe(0);
    } finally {
      globalThis.gc = exposed;
    }
  });
});
