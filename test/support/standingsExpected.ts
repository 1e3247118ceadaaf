import { rawResults, resultsFixture, RAW_KICKED_GUID } from './fixtures';

/** An event of the fixture season and the results files that feed it. */
export interface FixtureEvent {
  eventId: string;
  /** attributed by the schedule */
  files: string[];
  /** ingested with forcedEventId */
  forced: string[];
}

const POINTS = [25, 18, 15, 12, 10, 8, 6, 4, 2, 1];

export interface ExpectedRow {
  driverGuid: string;
  driver: string;
  total: number;
  /** per event: [position, points, best lap ms] or [null, 0, null] */
  results: Array<[number | null, number, number | null]>;
}

/**
 * The standings straight from the raw results JSON, written independently of src/domain: best
 * clean lap per GUID per event, the default points table unless given, ordered by points then by
 * the mean of each best lap as a % of the event's winning lap. Enough for data with no deeper ties.
 */
export function expectedTable(events: FixtureEvent[], points: number[] = POINTS): ExpectedRow[] {
  const names = new Map<string, string>();
  const perEvent = events.map((ev) => {
    const best = new Map<string, number>();
    for (const suffix of [...ev.files, ...ev.forced]) {
      for (const lap of rawResults(resultsFixture(suffix).bytes).Laps) {
        if (!lap.DriverGuid || lap.DriverGuid === RAW_KICKED_GUID) continue;
        names.set(lap.DriverGuid, lap.DriverName);
        if (lap.Cuts === 0) best.set(lap.DriverGuid, Math.min(best.get(lap.DriverGuid) ?? Infinity, lap.LapTime));
      }
    }
    return [...best].sort((a, b) => a[1] - b[1]);
  });
  const guids = new Set(perEvent.flatMap((ranked) => ranked.map(([g]) => g)));
  const rows = [...guids].map((guid) => {
    const results = perEvent.map((ranked): [number | null, number, number | null] => {
      const i = ranked.findIndex(([g]) => g === guid);
      const hit = ranked[i];
      return hit ? [i + 1, points[i] ?? 0, hit[1]] : [null, 0, null];
    });
    const percents = perEvent.flatMap(
      (ranked) => ranked.filter(([g]) => g === guid).map(([, t]) => (t / ranked[0]![1]) * 100), // ranked holds guid, so it has a first
    );
    const mean = percents.reduce((a, b) => a + b, 0) / percents.length;
    return { driverGuid: guid, driver: names.get(guid)!, total: results.reduce((s, r) => s + r[1], 0), results, mean };
  });
  rows.sort((a, b) => b.total - a.total || a.mean - b.mean);
  return rows.map(({ mean: _mean, ...row }) => row);
}
