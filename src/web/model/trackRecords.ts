import { rankLaps } from '../../domain/leaderboard/rankLaps';
import type { Alias, Lap } from '../../domain/types';
import type { TrackRecord } from '../ReadModel';
import type { EventSummary } from './summarizeEvent';

const SCOPE = 'track-records';

/**
 * All-time records on one track: per layout and car, each driver's best valid lap over every
 * event there, ranked by the league's own rules (rankLaps, over the laps relabelled to one scope).
 */
export function trackRecords(
  events: ReadonlyArray<{ eventId: string; layout: string; summary: EventSummary }>,
  aliases: readonly Alias[],
): TrackRecord[] {
  const buckets = new Map<string, { layout: string; carModel: string; laps: Lap[] }>();
  const origin = new Map<string, Lap>();
  for (const { eventId, layout, summary } of events) {
    for (const g of summary.groups) {
      const key = `${layout}\u0000${g.carModel}`;
      const bucket = buckets.get(key) ?? { layout, carModel: g.carModel, laps: [] };
      buckets.set(key, bucket);
      for (const lap of g.kept) {
        const lapKey = `${eventId}\u0000${lap.lapKey}`;
        origin.set(lapKey, lap);
        bucket.laps.push({ ...lap, eventId: SCOPE, lapKey });
      }
    }
  }
  const sorted = [...buckets.values()].sort(
    (a, b) => a.layout.localeCompare(b.layout) || a.carModel.localeCompare(b.carModel),
  );
  return sorted.flatMap(({ layout, carModel, laps }) =>
    rankLaps(SCOPE, laps, aliases).rows.map((r): TrackRecord => {
      const lap = origin.get(r.lapKey)!;
      return {
        layout,
        carModel,
        position: r.position,
        driverGuid: r.driverGuid,
        driverName: r.driverName,
        lapTimeMs: r.lapTimeMs,
        sectorsMs: r.sectorsMs,
        tyre: r.tyre,
        eventId: lap.eventId,
        recordedAt: r.recordedAt,
      };
    }),
  );
}
