import { Coalescer } from '../../../src/app/posts/Coalescer';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Coalescer', () => {
  it('when a key is marked many times within the window, then the work runs once', async () => {
    const runs: string[] = [];
    const c = new Coalescer(
      30,
      async (k) => void runs.push(k),
      () => {},
    );
    for (let i = 0; i < 100; i++) c.mark('a');
    c.mark('b');
    await sleep(80);
    expect(runs.sort()).toEqual(['a', 'b']);
  });

  it('when marked while running, then it runs exactly once more afterwards', async () => {
    let runs = 0;
    const c = new Coalescer(
      5,
      async () => {
        runs++;
        await sleep(40);
      },
      () => {},
    );
    c.mark('a');
    await sleep(15);
    c.mark('a');
    c.mark('a');
    await c.flush();
    expect(runs).toBe(2);
  });

  it('when the work fails, then the error is reported and a later mark runs again', async () => {
    const errors: unknown[] = [];
    let fail = true;
    let ok = 0;
    const c = new Coalescer(
      5,
      async () => {
        if (fail) throw new Error('disk full');
        ok++;
      },
      (_k, e) => errors.push(e),
    );
    c.mark('a');
    await c.flush();
    fail = false;
    c.mark('a');
    await c.flush();
    expect(errors).toHaveLength(1);
    expect(ok).toBe(1);
  });

  it('when the work fails and retries are on, then it runs again by itself with growing waits until it works', async () => {
    const attempts: number[] = [];
    const start = Date.now();
    const c = new Coalescer(
      5,
      async () => {
        attempts.push(Date.now() - start);
        if (attempts.length < 3) throw new Error('EROFS: read-only file system');
      },
      () => {},
      { baseMs: 20, maxMs: 1000 },
    );
    c.mark('a');
    for (let i = 0; i < 200 && attempts.length < 3; i++) await sleep(10);
    expect(attempts).toHaveLength(3);
    expect(c.failing()).toEqual([]);
    await sleep(100);
    expect(attempts).toHaveLength(3); // done: no more runs without a mark
  });
});
