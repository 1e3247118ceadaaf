import { SerialQueue } from '../../src/lib/SerialQueue';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('SerialQueue', () => {
  it('when work is queued while earlier work runs, then it starts only after that work ends, in order', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    const gate = deferred();
    const first = queue.run(async () => {
      log.push('first start');
      await gate.promise;
      log.push('first end');
      return 1;
    });
    const second = queue.run(() => {
      log.push('second');
      return 2;
    });
    await Promise.resolve();
    expect(log).toEqual(['first start']);
    gate.resolve();
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(log).toEqual(['first start', 'first end', 'second']);
  });

  it('when a piece fails, then only its caller sees the error and the next piece still runs', async () => {
    const queue = new SerialQueue();
    const failed = queue.run(async () => {
      throw new Error('boom');
    });
    const next = queue.run(async () => 'ran');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ran');
  });

  it('when idle is awaited, then every piece queued before it has finished, failed or not', async () => {
    const queue = new SerialQueue();
    const done: number[] = [];
    const gate = deferred();
    void queue.run(async () => {
      await gate.promise;
      done.push(1);
    });
    queue.run(async () => Promise.reject(new Error('ignored'))).catch(() => {});
    void queue.run(() => void done.push(3));
    const idle = queue.idle();
    gate.resolve();
    await idle;
    expect(done).toEqual([1, 3]);
  });
});
