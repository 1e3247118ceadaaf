import type { Leaderboard, LeaderboardRow } from '../types';

export interface Passer {
  driverGuid: string;
  driverName: string;
  lapTimeMs: number;
}

/** A driver who lost places because others went ahead of them. */
export interface Passed {
  driverGuid: string;
  from: number;
  to: number;
  by: Passer[];
}

/**
 * Who was passed between two boards of the same event: a driver on both boards whose position
 * got worse, with the drivers now ahead of them who were behind them (or not on the board) before.
 * A driver who left the board (struck, excluded) was not passed.
 */
export function passedDrivers(before: Leaderboard, after: Leaderboard): Passed[] {
  const was = new Map(before.rows.map((r) => [r.driverGuid, r.position]));
  const out: Passed[] = [];
  for (const row of after.rows) {
    const from = was.get(row.driverGuid);
    if (from === undefined || row.position <= from) continue;
    const by = after.rows
      .filter((other) => other.position < row.position && (was.get(other.driverGuid) ?? Infinity) > from)
      .map(passer);
    if (by.length > 0) out.push({ driverGuid: row.driverGuid, from, to: row.position, by });
  }
  return out;
}

function passer(r: LeaderboardRow): Passer {
  return { driverGuid: r.driverGuid, driverName: r.driverName, lapTimeMs: r.lapTimeMs };
}
