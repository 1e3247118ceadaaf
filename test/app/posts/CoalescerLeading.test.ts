import { Coalescer } from '../../../src/app/posts/Coalescer';

describe('Coalescer on the leading edge (fake clock)', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  it('when a key was quiet, then a mark runs at once; marks within the window run once at its end', async () => {
    const runs: number[] = [];
    const c = new Coalescer(
      100,
      async () => void runs.push(Date.now()),
      () => {},
      { leading: true },
    );
    c.mark('a');
    await jest.advanceTimersByTimeAsync(0);
    expect(runs).toEqual([0]);
    await jest.advanceTimersByTimeAsync(40);
    c.mark('a');
    c.mark('a');
    await jest.advanceTimersByTimeAsync(200);
    expect(runs).toEqual([0, 100]);
  });

  it('when holdFor asks for a wait, then the run waits for it and asks again', async () => {
    const runs: number[] = [];
    let openAt = 300;
    const c = new Coalescer(
      0,
      async () => void runs.push(Date.now()),
      () => {},
      {
        leading: true,
        holdFor: () => Math.max(0, openAt - Date.now()),
      },
    );
    c.mark('a');
    await jest.advanceTimersByTimeAsync(200);
    openAt = 500; // the budget moved on meanwhile
    await jest.advanceTimersByTimeAsync(400);
    expect(runs).toEqual([500]);
  });

  it('when a run failed, then marks wait for the retry, which runs with the latest', async () => {
    const runs: number[] = [];
    let fail = true;
    const c = new Coalescer(
      0,
      async () => {
        runs.push(Date.now());
        if (fail) throw new Error('503');
      },
      () => {},
      { leading: true, retry: { baseMs: 1000, maxMs: 60_000 } },
    );
    c.mark('a');
    await jest.advanceTimersByTimeAsync(10);
    fail = false;
    c.mark('a');
    c.mark('a');
    await jest.advanceTimersByTimeAsync(2000);
    // One more run, when the retry came (fake clock), not at the marks.
    expect(runs).toHaveLength(2);
    expect(runs[1]).toBeGreaterThanOrEqual(1000);
    expect(runs[1]).toBeLessThan(1100);
    expect(c.failing()).toEqual([]);
  });
});
