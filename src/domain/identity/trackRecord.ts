import type { Leaderboard } from '../types';
import { compareInstants } from '../results/compareInstants';

/** The league's fastest lap on a track and layout (any car, every event there). */
export interface TrackRecord {
  driverGuid: string;
  driverName: string;
  lapTimeMs: number;
  eventId: string;
  recordedAt: string;
}

/** The record over some boards of events on one track: the fastest leader, the one set first on a tie. */
export function trackRecord(boards: readonly Leaderboard[]): TrackRecord | null {
  let best: TrackRecord | null = null;
  for (const board of boards) {
    const top = board.rows[0];
    if (!top) continue;
    if (
      best === null ||
      top.lapTimeMs < best.lapTimeMs ||
      (top.lapTimeMs === best.lapTimeMs && compareInstants(top.recordedAt, best.recordedAt) < 0)
    ) {
      best = {
        driverGuid: top.driverGuid,
        driverName: top.driverName,
        lapTimeMs: top.lapTimeMs,
        eventId: board.eventId,
        recordedAt: top.recordedAt,
      };
    }
  }
  return best;
}

/** The holder who lost the record to someone else's faster lap, or null. */
export function recordLost(
  before: TrackRecord | null,
  after: TrackRecord | null,
): { holder: TrackRecord; by: TrackRecord } | null {
  if (!before || !after || after.driverGuid === before.driverGuid || after.lapTimeMs >= before.lapTimeMs) return null;
  return { holder: before, by: after };
}
