/**
 * Runs `work(key)` at most once per window per key: marks arriving while a key waits or runs
 * are folded into one later run, so a burst of changes costs one run (plus one if more changes
 * came in while it was running). Errors go to `onError`; the next mark runs again.
 */
export class Coalescer {
  private readonly waiting = new Map<string, NodeJS.Timeout>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();

  constructor(
    private readonly windowMs: number,
    private readonly work: (key: string) => Promise<void>,
    private readonly onError: (key: string, err: unknown) => void,
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

  /** Run everything waiting now and wait until nothing is left. */
  async flush(): Promise<void> {
    while (this.waiting.size > 0 || this.running.size > 0) {
      for (const [key, timer] of this.waiting) {
        clearTimeout(timer);
        this.run(key);
      }
      await Promise.all(this.running.values());
    }
  }

  private run(key: string): void {
    this.waiting.delete(key);
    const p = this.work(key)
      .catch((err) => this.onError(key, err))
      .finally(() => {
        this.running.delete(key);
        if (this.again.delete(key)) this.mark(key);
      });
    this.running.set(key, p);
  }
}
