import { displayName } from '../leaderboard/aliases';
import { isRealGuid } from '../results/isValidLap';
import { rankLaps } from '../leaderboard/rankLaps';
import type { SeasonConfigSeason } from '../season/season';
import type { Alias, Lap, LeaderboardRow } from '../types';
import { applyBestOf } from './applyBestOf';
import { compareInstants } from '../results/compareInstants';
import { isLater } from '../results/lapOrder';
import { sumPoints } from './points';
import { rankRows, type UnrankedRow } from './rankRows';
import type { SeasonStandings, StandingEvent, StandingResult } from './types';

/** Per-driver facts gathered while walking the events. */
interface DriverTally {
  guid: string;
  /** the driver's best lap per scoring event index */
  bestLaps: Map<number, { row: LeaderboardRow; points: number; percent: number }>;
  /** the driver's most recent lap of the season, valid or not: its name is the one to show */
  latest: Lap;
}

function eventPoints(season: SeasonConfigSeason, position: number): number {
  const table = season.pointsTable[position - 1] ?? 0;
  return sumPoints([table, season.participationPoints, position === 1 ? season.fastestLapBonus : 0]);
}

function round4(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

/**
 * Season standings from every lap of the season's events (rules in docs/standings.md).
 * `lapsByEvent` is keyed by the full event id (`season1#event2`); an event with no entry
 * has no laps. Preseason events neither score nor appear.
 */
export function computeStandings(
  season: SeasonConfigSeason,
  lapsByEvent: ReadonlyMap<string, readonly Lap[]>,
  aliases: readonly Alias[],
): SeasonStandings {
  const scoring = season.events.filter((e) => !e.preseason);
  const tallies = new Map<string, DriverTally>();
  const events: StandingEvent[] = [];
  let lapCount = 0;

  // The event classification is the leaderboard's (rankLaps), so the two never disagree.
  scoring.forEach((event, index) => {
    const laps = lapsByEvent.get(event.id) ?? [];
    const board = rankLaps(event.id, laps, aliases);
    lapCount += board.lapCount;
    const leader = board.rows[0];
    const fastest = leader ? leader.lapTimeMs : null;
    events.push({ eventId: event.id, name: event.name, fastestLapMs: fastest, driverCount: board.rows.length });
    for (const lap of laps) {
      if (lap.eventId !== event.id || !isRealGuid(lap.driverGuid)) continue;
      const tally = tallies.get(lap.driverGuid);
      if (tally === undefined) tallies.set(lap.driverGuid, { guid: lap.driverGuid, bestLaps: new Map(), latest: lap });
      else if (isLater(lap, tally.latest)) tally.latest = lap;
    }
    if (leader) {
      for (const row of board.rows) {
        const percent = (row.lapTimeMs / leader.lapTimeMs) * 100;
        const points = eventPoints(season, row.position);
        tallies.get(row.driverGuid)?.bestLaps.set(index, { row, points, percent });
      }
    }
  });

  const classified = [...tallies.values()].filter((t) => t.bestLaps.size > 0);
  const rows: UnrankedRow[] = classified.map((tally) => {
    const raw: StandingResult[] = scoring.map((event, index) => {
      const best = tally.bestLaps.get(index);
      return best === undefined
        ? { eventId: event.id, position: null, points: 0, lapTimeMs: null, dropped: false }
        : {
            eventId: event.id,
            position: best.row.position,
            points: best.points,
            lapTimeMs: best.row.lapTimeMs,
            dropped: false,
          };
    });
    const results = applyBestOf(raw, season.bestOf);
    const entered = [...tally.bestLaps.values()];
    const lapName = tally.latest.driverName;
    const driver = displayName(tally.guid, lapName, aliases);
    const exactPercent = entered.reduce((sum, b) => sum + b.percent, 0) / entered.length;
    const firstSetAt = entered.map((b) => b.row.recordedAt).sort(compareInstants)[0];
    if (firstSetAt === undefined) throw new Error(`driver ${tally.guid} is classified without a best lap`);
    return {
      driverGuid: tally.guid,
      driver,
      alias: driver === lapName ? null : driver,
      total: sumPoints(results.filter((r) => !r.dropped).map((r) => r.points)),
      wins: entered.filter((b) => b.row.position === 1).length,
      podiums: entered.filter((b) => b.row.position <= 3).length,
      eventsEntered: entered.length,
      averagePercent: round4(exactPercent),
      results,
      exactPercent,
      firstSetAt,
    };
  });

  return {
    seasonId: season.id,
    seasonName: season.name,
    bestOf: season.bestOf,
    events,
    rows: rankRows(rows),
    generatedFrom: { lapCount },
  };
}
