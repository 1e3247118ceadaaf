import type { Store } from '../src/app/ports';

const heapMb = () => process.memoryUsage().heapUsed / 1024 / 1024;

/**
 * The most heap `work` holds above what was in use before it, sampled every 5 ms and right after
 * each read from the store returns (each page of a paged read) (a synchronous read of every lap would slip between timer
 * samples). A lower bound of the true peak, close to it when reads dominate.
 */
export async function peakHeapOf<T>(
  store: Store,
  work: (store: Store) => Promise<T>,
): Promise<{ value: T; peakMb: number; baseMb: number }> {
  global.gc?.();
  const base = heapMb();
  let peak = base;
  const sample = () => (peak = Math.max(peak, heapMb()));
  const timer = setInterval(sample, 5);
  // A paged read: sampled with each page held.
  async function* sampled(pages: AsyncIterable<unknown>): AsyncIterable<unknown> {
    for await (const page of pages) {
      sample();
      yield page;
    }
  }
  const watched = new Proxy(store, {
    get(target, prop, receiver) {
      const v: unknown = Reflect.get(target, prop, receiver);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        const out: unknown = (v as (...a: unknown[]) => unknown).apply(target, args);
        if (out instanceof Promise) return out.then((r: unknown) => (sample(), r));
        if (out && typeof out === 'object' && Symbol.asyncIterator in out)
          return sampled(out as AsyncIterable<unknown>);
        sample();
        return out;
      };
    },
  });
  try {
    const value = await work(watched);
    sample();
    return { value, peakMb: Math.round(peak - base), baseMb: Math.round(base) };
  } finally {
    clearInterval(timer);
  }
}
