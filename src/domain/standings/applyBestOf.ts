import { toMilli } from './points';
import type { StandingResult } from './types';

/**
 * Keeps a driver's best `bestOf` scores and flags the rest as dropped. Only events the driver
 * entered are candidates: a missed event is no result, so it is never "dropped". Between equal
 * scores the earlier event (in the season config's order, not by date) is kept and the later
 * one dropped.
 */
export function applyBestOf(results: readonly StandingResult[], bestOf: number | null): StandingResult[] {
  const out = results.map((r) => ({ ...r, dropped: false }));
  if (bestOf === null) return out;
  const entered = out
    .map((r, index) => ({ r, index }))
    .filter(({ r }) => r.position !== null)
    .sort((a, b) => toMilli(b.r.points) - toMilli(a.r.points) || a.index - b.index);
  for (const { r } of entered.slice(Math.max(0, bestOf))) r.dropped = true;
  return out;
}
