export interface CoalescerOptions {
  /** After a failure the key is marked again by itself after a growing wait. */
  retry?: { baseMs: number; maxMs: number };
  /**
   * Leading edge: a mark after a quiet window runs at once (next tick) instead of after the
   * window; marks within `windowMs` of the last run's start wait for the rest of the window, and
   * marks during a retry wait are folded into the retry.
   */
  leading?: boolean;
  /** How long a run of `key` must still wait (a rate budget); asked again when that wait ends. */
  holdFor?: (key: string) => number;
}

/**
 * Runs `work(key)` at most once per window per key: marks arriving while a key waits or runs
 * are folded into one later run, so a burst of changes costs one run (plus one if more changes
 * came in while it was running). Errors go to `onError`; the next mark runs again, and with
 * `retry` the key is also marked again after a growing wait, so work that failed (a full disk)
 * is done once it can be, without waiting for the next change.
 */
export class Coalescer {
  private readonly waiting = new Map<string, NodeJS.Timeout>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private readonly failures = new Map<string, { count: number; timer: NodeJS.Timeout }>();
  private readonly lastStart = new Map<string, number>();
  private readonly opts: CoalescerOptions;

  constructor(
    private readonly windowMs: number,
    private readonly work: (key: string) => Promise<void>,
    private readonly onError: (key: string, err: unknown) => void,
    retryOrOptions?: { baseMs: number; maxMs: number } | CoalescerOptions,
  ) {
    this.opts = retryOrOptions && 'baseMs' in retryOrOptions ? { retry: retryOrOptions } : (retryOrOptions ?? {});
  }

  mark(key: string): void {
    if (this.running.has(key)) {
      this.again.add(key);
      return;
    }
    if (this.waiting.has(key)) return;
    if (this.opts.leading && this.failures.has(key)) return; // the retry shows the latest
    this.wait(key, this.delay(key));
  }

  /** Run everything waiting now and wait until nothing is left (retries still to come excepted). */
  async flush(): Promise<void> {
    while (this.waiting.size > 0 || this.running.size > 0) {
      for (const [key, timer] of this.waiting) {
        clearTimeout(timer);
        this.run(key);
      }
      await Promise.all(this.running.values());
    }
  }

  /** Keys whose last run failed and that will be tried again. */
  failing(): string[] {
    return [...this.failures.keys()];
  }

  /** No more retries (shutdown). */
  stopRetries(): void {
    for (const { timer } of this.failures.values()) clearTimeout(timer);
    this.failures.clear();
  }

  private delay(key: string): number {
    if (!this.opts.leading) return this.windowMs;
    const sinceLast = performance.now() - (this.lastStart.get(key) ?? -Infinity);
    return Math.max(0, this.windowMs - sinceLast);
  }

  private wait(key: string, ms: number): void {
    const timer = setTimeout(() => {
      const hold = this.opts.holdFor?.(key) ?? 0;
      if (hold > 0) return this.wait(key, hold);
      this.run(key);
    }, ms);
    timer.unref?.();
    this.waiting.set(key, timer);
  }

  private run(key: string): void {
    this.waiting.delete(key);
    this.lastStart.set(key, performance.now());
    const p = this.work(key)
      .then(
        () => this.succeeded(key),
        (err) => {
          this.onError(key, err);
          this.failed(key);
        },
      )
      .finally(() => {
        this.running.delete(key);
        if (this.again.delete(key)) this.mark(key);
      });
    this.running.set(key, p);
  }

  private succeeded(key: string): void {
    const failure = this.failures.get(key);
    if (!failure) return;
    clearTimeout(failure.timer);
    this.failures.delete(key);
  }

  private failed(key: string): void {
    const { retry } = this.opts;
    if (!retry) return;
    const count = (this.failures.get(key)?.count ?? 0) + 1;
    clearTimeout(this.failures.get(key)?.timer);
    const timer = setTimeout(
      () => this.retryMark(key),
      Math.min(retry.baseMs * 2 ** Math.min(count - 1, 16), retry.maxMs),
    );
    timer.unref?.();
    this.failures.set(key, { count, timer });
  }

  /** A mark that passes the leading-edge gate, which holds other marks back while a key is failing. */
  private retryMark(key: string): void {
    if (this.running.has(key)) return void this.again.add(key);
    if (!this.waiting.has(key)) this.wait(key, this.opts.leading ? 0 : this.windowMs);
  }
}
