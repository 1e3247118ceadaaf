import type { Logger } from '../logger';

const MB = 1024 * 1024;

/**
 * Gives the memory a burst of work used back to the system as soon as the bot is quiet again.
 *
 * V8 shrinks its heap by itself, but only about 8 s after its last full collection: until then a
 * backlog of results files leaves the bot holding several MB of garbage and the pages around it.
 * Told when each piece of heavy work (a batch of results files) starts and ends, this collects
 * garbage once none is running and `quietMs` pass without a new one, which under the production
 * flags (--optimize-for-size) also hands the freed pages back. The collection stops the bot for a
 * few tens of milliseconds, never while that work runs. It needs node's `--expose-gc` (the
 * production flags have it); without it, as under tsx or jest, it does nothing.
 */
export class QuietCollector {
  private timer: NodeJS.Timeout | undefined;
  private running = 0;
  private stopped = false;
  private readonly collect: (() => void) | undefined;

  constructor(private readonly opts: { log: Logger; quietMs?: number; collect?: () => void }) {
    this.collect = opts.collect ?? (typeof globalThis.gc === 'function' ? () => globalThis.gc!() : undefined);
  }

  /** Runs `work`, then collects once `quietMs` (default 500 ms) pass with no work running or started. */
  async around<T>(work: () => Promise<T>): Promise<T> {
    this.running++;
    clearTimeout(this.timer);
    this.timer = undefined;
    try {
      return await work();
    } finally {
      this.running--;
      this.collectWhenQuiet();
    }
  }

  /** No collection from now on (shutdown). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private collectWhenQuiet(): void {
    if (!this.collect || this.stopped || this.running > 0) return;
    this.timer = setTimeout(() => this.run(), this.opts.quietMs ?? 500);
    this.timer.unref();
  }

  private run(): void {
    this.timer = undefined;
    const before = process.memoryUsage().heapTotal;
    this.collect!();
    const after = process.memoryUsage().heapTotal;
    this.opts.log.debug(
      { heapMbBefore: Math.round(before / MB), heapMbAfter: Math.round(after / MB) },
      'quiet after a burst of work: garbage collected',
    );
  }
}
