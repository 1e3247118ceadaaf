import type { Lap } from '../types';
import { compareInstants } from './compareInstants';

/**
 * Which of two laps was set first: by when it was recorded, then by the lap's own timestamp; the
 * lapKey only makes the order total, so every caller (best-lap ties, a driver's latest lap, the
 * name shown) picks the same lap whatever order the laps come in.
 */
export function lapOrder(a: Lap, b: Lap): number {
  return (
    compareInstants(a.recordedAt, b.recordedAt) ||
    a.lapTimestamp - b.lapTimestamp ||
    (a.lapKey < b.lapKey ? -1 : a.lapKey > b.lapKey ? 1 : 0)
  );
}

/** Whether `a` was set after `b` (in `lapOrder`). */
export function isLater(a: Lap, b: Lap): boolean {
  return lapOrder(a, b) > 0;
}
