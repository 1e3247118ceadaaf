import { fromMilli, toMilli } from './points';
import type { SeasonStandings } from './types';

export interface PointsProgression {
  /** event names, in season order */
  labels: string[];
  series: Array<{ driver: string; cumulative: number[] }>;
}

/**
 * Running total of counted points after each scoring event for the top `topN` drivers in
 * standings order. Dropped results add nothing, so the last value equals the driver's total.
 */
export function pointsProgression(s: SeasonStandings, topN: number): PointsProgression {
  const labels = s.events.map((e) => e.name);
  const series = s.rows.slice(0, Math.max(0, Math.floor(topN))).map((row) => {
    let milli = 0;
    return {
      driver: row.driver,
      cumulative: row.results.map((r) => fromMilli((milli += r.dropped ? 0 : toMilli(r.points)))),
    };
  });
  return { labels, series };
}
