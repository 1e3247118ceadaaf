import type { SeasonStandings } from '../../../domain/standings/types';
import type { WebSeason } from '../../ReadModel';
import { Layout } from '../Layout';
import { StandingsChart } from '../StandingsChart';
import { urls } from '../../urls';

export interface SeasonPageProps {
  seasons: WebSeason[];
  standings: SeasonStandings;
  idOf: (guid: string) => string;
}

/** Standings table (dropped rounds struck through) and the points-progression chart. */
export function SeasonPage({ seasons, standings, idOf }: SeasonPageProps) {
  return (
    <Layout title={standings.seasonName} seasons={seasons}>
      <h1>{standings.seasonName}</h1>
      {standings.bestOf !== null && (
        <p>{`Best ${standings.bestOf} results count; dropped results are struck through.`}</p>
      )}
      <div class="table-wrap">
        <table class="standings">
          <thead>
            <tr>
              <th class="num">#</th>
              <th>Driver</th>
              <th class="num">Points</th>
              <th class="num wide">Wins</th>
              <th class="num wide">Podiums</th>
              {standings.events.map((e) => (
                <th class="num">
                  <a href={urls.event(e.eventId)} title={e.name}>
                    {e.name}
                  </a>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {standings.rows.length === 0 && (
              <tr>
                <td colSpan={5 + standings.events.length} class="empty">
                  No results yet.
                </td>
              </tr>
            )}
            {standings.rows.map((row) => (
              <tr>
                <td class="num">{row.rank}</td>
                <td class="driver">
                  <a href={urls.driver(idOf(row.driverGuid))}>{row.driver}</a>
                </td>
                <td class="num">{row.total}</td>
                <td class="num wide">{row.wins}</td>
                <td class="num wide">{row.podiums}</td>
                {row.results.map((r) => (
                  <td class={r.dropped ? 'num dropped' : 'num'} title={r.dropped ? 'dropped: not counted' : undefined}>
                    {r.position === null ? '—' : `${r.points} (P${r.position})`}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Points after each event</h2>
      <StandingsChart standings={standings} />
      <p class="more">
        <a href={`/api/v1/seasons/${encodeURIComponent(standings.seasonId)}/standings`}>JSON</a>
      </p>
    </Layout>
  );
}
