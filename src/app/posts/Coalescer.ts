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

  constructor(
    private readonly windowMs: number,
    private readonly work: (key: string) => Promise<void>,
    private readonly onError: (key: string, err: unknown) => void,
    private readonly retry?: { baseMs: number; maxMs: number },
  ) {}

  mark(key: string): void {
    if (this.running.has(key)) {
      this.again.add(key);
      return;
    }
    if (this.waiting.has(key)) return;
    const timer = setTimeout(() => this.run(key), this.windowMs);
    timer.unref?.();
    this.waiting.set(key, timer);
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

  private run(key: string): void {
    this.waiting.delete(key);
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
    if (!this.retry) return;
    const count = (this.failures.get(key)?.count ?? 0) + 1;
    clearTimeout(this.failures.get(key)?.timer);
    const timer = setTimeout(
      () => this.mark(key),
      Math.min(this.retry.baseMs * 2 ** Math.min(count - 1, 16), this.retry.maxMs),
    );
    timer.unref?.();
    this.failures.set(key, { count, timer });
  }
}
