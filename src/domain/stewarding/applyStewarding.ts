import type { Lap } from '../types';
import type { StewardingRules } from './types';

/**
 * The laps as they count: a struck lap, and every lap of an excluded driver, is no longer valid
 * and says why. Stored laps are not changed (new objects); a lap already invalid keeps its own
 * reason. Ranking, standings and the website all read laps through this, so they agree.
 */
export function applyStewarding(laps: readonly Lap[], rules: StewardingRules): readonly Lap[] {
  if (rules.struck.size === 0 && rules.excluded.size === 0) return laps;
  return laps.map((lap) => {
    if (!lap.valid) return lap;
    const why = rules.excluded.get(lap.driverGuid) ?? rules.struck.get(lap.lapKey);
    return why === undefined ? lap : { ...lap, valid: false, invalidReason: why };
  });
}
