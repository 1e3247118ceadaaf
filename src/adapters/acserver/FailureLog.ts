import type { Logger } from '../../logger';

/**
 * Counts bad datagrams and send errors and logs them at most once per window, with the count
 * since the last line, so a flood of garbage costs one log line every few seconds.
 */
export class FailureLog {
  readonly totals = new Map<string, number>();
  private pending = 0;
  private lastDetail = '';
  private lastLogAt = -Infinity;

  constructor(
    private readonly log: Logger,
    private readonly what: string,
    private readonly windowMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get total(): number {
    let n = 0;
    for (const v of this.totals.values()) n += v;
    return n;
  }

  add(reason: string, detail: string): void {
    this.totals.set(reason, (this.totals.get(reason) ?? 0) + 1);
    this.pending += 1;
    this.lastDetail = detail;
    const t = this.now();
    if (t - this.lastLogAt < this.windowMs) return;
    this.log.warn(
      { count: this.pending, totals: Object.fromEntries(this.totals), last: this.lastDetail },
      `${this.what} (logged at most every ${this.windowMs / 1000} s)`,
    );
    this.pending = 0;
    this.lastLogAt = t;
  }
}
