import type { PostBody } from './PostKeeper';
import type { ChartRenderer } from '../ports';
import type { SeasonStandings } from '../../domain/standings/types';
import { renderStandings } from '../../domain/standings/renderStandings';
import { pointsProgression } from '../../domain/standings/progression';

/** Drivers drawn in the chart: more lines than this are unreadable. */
export const CHART_TOP_N = 10;

/** standings-season1.png: one name per season, so Discord shows which season a chart is. */
export function chartFileName(seasonId: string): string {
  return `standings-${seasonId.replace(/[^A-Za-z0-9_-]+/g, '_')}.png`;
}

/** The standings post and the /standings reply: the table plus the points chart. */
export async function standingsMessage(s: SeasonStandings, renderChart: ChartRenderer): Promise<PostBody> {
  // Lines stop at the last event with a result: later rounds have not been run yet.
  const played = s.events.reduce((last, e, i) => (e.driverCount > 0 ? i + 1 : last), 0);
  const chart = await renderChart(pointsProgression(s, CHART_TOP_N), { title: s.seasonName, played });
  return { content: renderStandings(s), files: [{ name: chartFileName(s.seasonId), data: chart }] };
}
