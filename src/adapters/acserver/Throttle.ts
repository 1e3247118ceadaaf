/**
 * Runs `work` at most once per `intervalMs`: a request when the last run is older runs at once,
 * requests inside the interval fold into one run when it ends. So a flood of triggers costs one
 * run now and one later, and the last trigger is never lost.
 */
export class Throttle {
  private lastRunAt = -Infinity;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly intervalMs: number,
    private readonly work: () => void,
    private readonly now: () => number = Date.now,
  ) {}

  request(): void {
    if (this.timer) return;
    const wait = this.lastRunAt + this.intervalMs - this.now();
    if (wait <= 0) return this.run();
    this.timer = setTimeout(() => this.run(), wait);
    this.timer.unref?.();
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private run(): void {
    this.timer = undefined;
    this.lastRunAt = this.now();
    this.work();
  }
}
