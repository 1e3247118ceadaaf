import { toMilli } from './points';
import type { StandingResult } from './types';

/**
 * Keeps a driver's best `bestOf` scores and flags the rest as dropped. Only events the driver
 * entered are candidates: a missed event is no result, so it is never "dropped". Between equal
 * scores the earlier event (in the season config's order, not by date) is kept and the later
 * one dropped.
 */
export function applyBestOf(results: readonly StandingResult[], bestOf: number | null): StandingResult[] {
  // Results are values: one is copied only when its flag changes (a season of 100 events and
  // 1,800 drivers would otherwise copy 180,000 cells, nearly all of them events not entered).
  const out = results.map((r) => (r.dropped ? { ...r, dropped: false } : r));
  if (bestOf === null) return out;
  const entered = out
    .map((r, index) => ({ r, index }))
    .filter(({ r }) => r.position !== null)
    .sort((a, b) => toMilli(b.r.points) - toMilli(a.r.points) || a.index - b.index);
  for (const { r, index } of entered.slice(Math.max(0, bestOf))) out[index] = { ...r, dropped: true };
  return out;
}
