export interface Backoff {
  /** the wait after the first failure */
  baseMs: number;
  /** no wait is longer */
  maxMs: number;
}

/** The wait after the `failures`-th failure in a row (1 = the first): doubling from `baseMs`, capped at `maxMs`. */
export function backoffDelay(failures: number, { baseMs, maxMs }: Backoff): number {
  // The exponent is bounded so a long outage cannot overflow to Infinity (0 * Infinity is NaN).
  return Math.min(baseMs * 2 ** Math.min(Math.max(failures - 1, 0), 30), maxMs);
}
