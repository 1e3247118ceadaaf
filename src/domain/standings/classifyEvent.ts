import { isRealGuid } from '../results/isValidLap';
import { rankLaps } from '../leaderboard/rankLaps';
import { isLater } from '../results/lapOrder';
import type { Lap } from '../types';

/** A driver's place in one event: their best valid lap, and how far off the winner's it was. */
export interface EventPlacing {
  driverGuid: string;
  position: number;
  lapTimeMs: number;
  recordedAt: string;
  /** the lap as a percentage of the winner's lap (100 for the winner) */
  percent: number;
}

/**
 * What the standings need of one event, from its laps alone: names, points and the season's
 * rules are applied when the season is combined (combineStandings), so this stays right when
 * aliases or the season config change and only needs computing again when the event's laps do.
 */
export interface EventClassification {
  eventId: string;
  /** laps of the event that were counted (rankLaps) */
  lapCount: number;
  fastestLapMs: number | null;
  /** classified drivers, in position order (the leaderboard's classification) */
  placings: EventPlacing[];
  /** each real driver's most recent lap of the event, valid or not (its name is the one shown) */
  latest: Map<string, Lap>;
}

/** One event's classification from its laps (laps of other events are ignored). */
export function classifyEvent(eventId: string, laps: readonly Lap[]): EventClassification {
  // The event classification is the leaderboard's (rankLaps), so the two never disagree. Names do
  // not change the order, so no aliases are needed here.
  const board = rankLaps(eventId, laps, []);
  const leader = board.rows[0];
  const latest = new Map<string, Lap>();
  for (const lap of laps) {
    if (lap.eventId !== eventId || !isRealGuid(lap.driverGuid)) continue;
    const seen = latest.get(lap.driverGuid);
    if (seen === undefined || isLater(lap, seen)) latest.set(lap.driverGuid, lap);
  }
  const placings = leader
    ? board.rows.map((row) => ({
        driverGuid: row.driverGuid,
        position: row.position,
        lapTimeMs: row.lapTimeMs,
        recordedAt: row.recordedAt,
        percent: (row.lapTimeMs / leader.lapTimeMs) * 100,
      }))
    : [];
  return { eventId, lapCount: board.lapCount, fastestLapMs: leader ? leader.lapTimeMs : null, placings, latest };
}
