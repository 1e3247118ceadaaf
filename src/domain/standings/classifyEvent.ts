import { KICKED_GUID, NO_LAP_TIME, type Lap } from '../types';
import { compareInstants } from './compareInstants';

/**
 * Earlier-set first: faster time, then earlier recordedAt, then earlier lapTimestamp;
 * lapKey last only so the order never depends on input order.
 */
export function compareLaps(a: Lap, b: Lap): number {
  return (
    a.lapTimeMs - b.lapTimeMs ||
    compareInstants(a.recordedAt, b.recordedAt) ||
    a.lapTimestamp - b.lapTimestamp ||
    (a.lapKey < b.lapKey ? -1 : a.lapKey > b.lapKey ? 1 : 0)
  );
}

function counts(lap: Lap): boolean {
  // An empty or kicked GUID is not a driver identity, and NO_LAP_TIME means "no lap".
  return (
    lap.valid === true &&
    lap.driverGuid !== '' &&
    lap.driverGuid !== KICKED_GUID &&
    Number.isFinite(lap.lapTimeMs) &&
    lap.lapTimeMs > 0 &&
    lap.lapTimeMs < NO_LAP_TIME
  );
}

/** An event's final classification: each GUID's best valid lap, best first (P1 = index 0). */
export function classifyEvent(laps: readonly Lap[]): Lap[] {
  const best = new Map<string, Lap>();
  for (const lap of laps) {
    if (!counts(lap)) continue;
    const held = best.get(lap.driverGuid);
    if (held === undefined || compareLaps(lap, held) < 0) best.set(lap.driverGuid, lap);
  }
  return [...best.values()].sort(compareLaps);
}
