import { formatPoints } from '../domain/standings/points';
import type { SeasonStandings, StandingResult } from '../domain/standings/types';

const GAP = '  ';

function cell(r: StandingResult): string {
  if (r.position === null) return '–';
  const text = `P${r.position} ${formatPoints(r.points)}`;
  return r.dropped ? `[${text}]` : text;
}

/**
 * The standings as a terminal table, one line per driver in standings order. Columns are
 * separated by at least two spaces (names may hold one), so scripts can split them.
 */
export function standingsTable(s: SeasonStandings): string[] {
  const best =
    s.bestOf === null
      ? ''
      : `: best ${s.bestOf} result${s.bestOf === 1 ? ' counts' : 's count'}, dropped results in [brackets]`;
  const head = [
    `${s.seasonName} (${s.seasonId})${best}`,
    s.events.map((e, i) => `R${i + 1} ${e.name}`).join(' · '),
    '',
  ];
  if (s.rows.length === 0) return [...head, 'No results yet.'];

  const columns = [
    '#',
    'Driver',
    'Points',
    'Wins',
    'Podiums',
    'Avg %',
    'Decided by',
    ...s.events.map((_, i) => `R${i + 1}`),
  ];
  const right = new Set([0, 2, 3, 4, 5]);
  const rows = s.rows.map((r) => [
    String(r.rank),
    r.driver,
    formatPoints(r.total),
    String(r.wins),
    String(r.podiums),
    r.averagePercent === null ? '–' : String(r.averagePercent),
    r.tieBreak.decidedBy,
    ...r.results.map(cell),
  ]);
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) =>
    row
      .map((v, i) => (right.has(i) ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0)))
      .join(GAP)
      .trimEnd();
  return [...head, line(columns), ...rows.map(line)];
}
