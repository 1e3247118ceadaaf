import { QuietCollector } from '../../src/lib/QuietCollector';
import { silentLogger } from '../../src/logger';

describe('QuietCollector', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('when work is done, then garbage is collected once the bot has been quiet for the window', () => {
    const collect = jest.fn();
    const quiet = new QuietCollector({ log: silentLogger, quietMs: 1000, collect });
    quiet.workDone();
    jest.advanceTimersByTime(999);
    expect(collect).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(collect).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(10_000);
    expect(collect).toHaveBeenCalledTimes(1); // no work since: nothing more to collect
  });

  it('when work keeps coming (a backlog), then nothing is collected until it stops, then once', () => {
    const collect = jest.fn();
    const quiet = new QuietCollector({ log: silentLogger, quietMs: 1000, collect });
    for (let i = 0; i < 20; i++) {
      quiet.workDone();
      jest.advanceTimersByTime(500);
    }
    expect(collect).not.toHaveBeenCalled();
    jest.advanceTimersByTime(500);
    expect(collect).toHaveBeenCalledTimes(1);
    quiet.workDone(); // a later burst is collected after it in turn
    jest.advanceTimersByTime(1000);
    expect(collect).toHaveBeenCalledTimes(2);
  });

  it('when stopped, then a pending collection is dropped', () => {
    const collect = jest.fn();
    const quiet = new QuietCollector({ log: silentLogger, quietMs: 1000, collect });
    quiet.workDone();
    quiet.stop();
    jest.advanceTimersByTime(5000);
    expect(collect).not.toHaveBeenCalled();
  });

  it('when node runs without --expose-gc (jest, tsx), then it does nothing and sets no timer', () => {
    expect(globalThis.gc).toBeUndefined();
    const quiet = new QuietCollector({ log: silentLogger });
    quiet.workDone();
    expect(jest.getTimerCount()).toBe(0);
  });
});
