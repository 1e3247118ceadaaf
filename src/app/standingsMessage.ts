import type { PostBody } from './PostKeeper';
import type { SeasonStandings } from '../domain/standings/types';
import { renderStandings } from '../domain/standings/renderStandings';
import { pointsProgression } from '../domain/standings/progression';
import { renderPointsChart } from '../adapters/chart/renderPointsChart';

/** Drivers drawn in the chart: more lines than this are unreadable. */
export const CHART_TOP_N = 10;

/** standings-season1.png: one name per season, so Discord shows which season a chart is. */
export function chartFileName(seasonId: string): string {
  return `standings-${seasonId.replace(/[^A-Za-z0-9_-]+/g, '_')}.png`;
}

/** The standings post and the /standings reply: the table plus the points chart. */
export function standingsMessage(s: SeasonStandings): PostBody {
  const chart = renderPointsChart(pointsProgression(s, CHART_TOP_N), { title: s.seasonName });
  return { content: renderStandings(s), files: [{ name: chartFileName(s.seasonId), data: chart }] };
}
