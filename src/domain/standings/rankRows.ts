import { compareInstants } from '../results/compareInstants';
import { toMilli } from './points';
import type { DecidedBy, StandingRow } from './types';

/** Two mean percentages closer than this are equal: they differ only by float noise. */
const PERCENT_EPSILON = 1e-9;

export type UnrankedRow = Omit<StandingRow, 'rank' | 'tieBreak'> & {
  /** unrounded, for comparison */
  exactPercent: number | null;
  firstSetAt: string | null;
};

const LEVELS: DecidedBy[] = ['points', 'averagePercent', 'wins', 'podiums', 'firstSet', 'tied'];

function nullsLast<T>(a: T | null, b: T | null, cmp: (x: T, y: T) => number): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return cmp(a, b);
}

/** The tie-break chain in order: each rule is negative when a is ahead. */
const RULES: ReadonlyArray<[DecidedBy, (a: UnrankedRow, b: UnrankedRow) => number]> = [
  // In thousandths, as summed: equal points are equal, whatever a float would make of them.
  ['points', (a, b) => toMilli(b.total) - toMilli(a.total)],
  [
    'averagePercent',
    (a, b) => nullsLast(a.exactPercent, b.exactPercent, (x, y) => (Math.abs(x - y) < PERCENT_EPSILON ? 0 : x - y)),
  ],
  ['wins', (a, b) => b.wins - a.wins],
  ['podiums', (a, b) => b.podiums - a.podiums],
  ['firstSet', (a, b) => nullsLast(a.firstSetAt, b.firstSetAt, compareInstants)],
];

/** The first rule that separates a and b (negative when a is ahead), or 'tied'; later rules are not evaluated. */
export function separate(a: UnrankedRow, b: UnrankedRow): { by: DecidedBy; sign: number } {
  for (const [by, compare] of RULES) {
    const diff = compare(a, b);
    if (diff !== 0) return { by, sign: Math.sign(diff) };
  }
  return { by: 'tied', sign: 0 };
}

function byName(a: UnrankedRow, b: UnrankedRow): number {
  const an = a.driver.toLowerCase();
  const bn = b.driver.toLowerCase();
  if (an !== bn) return an < bn ? -1 : 1;
  return a.driverGuid < b.driverGuid ? -1 : a.driverGuid > b.driverGuid ? 1 : 0;
}

function deeper(x: DecidedBy, y: DecidedBy): DecidedBy {
  return LEVELS.indexOf(x) >= LEVELS.indexOf(y) ? x : y;
}

/**
 * Sorts by the tie-break chain, gives drivers equal on every rule the same rank (1, 2, 2, 4;
 * listed by name), and records for each row the deepest rule needed against its neighbours.
 */
export function rankRows(rows: readonly UnrankedRow[]): StandingRow[] {
  const sorted = [...rows].sort((a, b) => separate(a, b).sign || byName(a, b));
  // slice(1) puts row i + 1 at i, so sorted[i] is the row above it
  const links = sorted.slice(1).map((row, i) => separate(sorted[i]!, row).by);
  let rank = 0;
  return sorted.map((row, i) => {
    if (i === 0 || links[i - 1] !== 'tied') rank = i + 1;
    const above = links[i - 1] ?? 'points';
    const below = links[i] ?? 'points';
    const { exactPercent, firstSetAt, ...rest } = row;
    return {
      rank,
      ...rest,
      tieBreak: {
        averagePercent: row.averagePercent,
        wins: row.wins,
        podiums: row.podiums,
        firstSetAt,
        decidedBy: deeper(above, below),
      },
    };
  });
}
