import type { SeasonStandings, StandingResult } from './types';

/**
 * The standings as written to the standings files: a row per driver holding only the events the
 * driver has a result in (a season of 100 events and 1,800 drivers would otherwise write a cell
 * per driver per event, nearly all of them empty). docs/standings.md documents the shape.
 */
export function toStandingsFile(standings: SeasonStandings): SeasonStandings {
  return {
    ...standings,
    rows: standings.rows.map((row) => ({ ...row, results: row.results.filter(isResult) })),
  };
}

/** A result the driver has: a position, or a score bestOf dropped. */
function isResult(r: StandingResult): boolean {
  return r.position !== null || r.dropped;
}
