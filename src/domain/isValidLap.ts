import { KICKED_GUID, NO_LAP_TIME } from './types';

/** A GUID that names a real driver: not an empty entry-list slot, not acServer's kicked marker. */
export function isRealGuid(guid: string): boolean {
  return guid.trim() !== '' && guid !== KICKED_GUID;
}

/**
 * A lap counts only when it was clean (acServer's own BestLap ignores cut laps), has a real time
 * (NO_LAP_TIME is acServer's "no lap" sentinel) and belongs to a driver we can name.
 */
export function isValidLap(lap: { cuts: number; lapTimeMs: number; identified: boolean }): boolean {
  return (
    lap.identified &&
    lap.cuts === 0 &&
    Number.isFinite(lap.lapTimeMs) &&
    lap.lapTimeMs > 0 &&
    lap.lapTimeMs < NO_LAP_TIME
  );
}
