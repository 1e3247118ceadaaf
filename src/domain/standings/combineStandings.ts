import { aliasResolver } from '../leaderboard/aliases';
import type { SeasonConfigSeason } from '../season/season';
import type { Alias, Lap } from '../types';
import { applyBestOf } from './applyBestOf';
import { compareInstants } from '../results/compareInstants';
import { isLater } from '../results/lapOrder';
import { sumPoints } from './points';
import { rankRows, type UnrankedRow } from './rankRows';
import type { EventClassification, EventPlacing } from './classifyEvent';
import type { RowMemo } from './RowMemo';
import type { SeasonStandings, StandingEvent, StandingResult } from './types';

/** Per-driver facts gathered while walking the events. */
interface DriverTally {
  guid: string;
  /** the driver's placing and points per scoring event index */
  bestLaps: Map<number, { placing: EventPlacing; points: number }>;
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
 * Season standings from each scoring event's classification (classifyEvent): points, best-of,
 * totals, names and tie-breaks. The same as computeStandings over the laps the classifications
 * came from, so a caller may keep each event's classification and redo only the events whose laps
 * changed. An event with no entry has no laps. With a memo (kept per season by the caller), a
 * driver's row is rebuilt only when their placings or latest lap changed.
 */
export function combineStandings(
  season: SeasonConfigSeason,
  byEvent: ReadonlyMap<string, EventClassification>,
  aliases: readonly Alias[],
  memo?: RowMemo,
): SeasonStandings {
  const scoring = season.events.filter((e) => !e.preseason);
  const tallies = new Map<string, DriverTally>();
  const events: StandingEvent[] = [];
  let lapCount = 0;

  scoring.forEach((event, index) => {
    const classification = byEvent.get(event.id);
    const placings = classification?.placings ?? [];
    lapCount += classification?.lapCount ?? 0;
    events.push({
      eventId: event.id,
      name: event.name,
      fastestLapMs: classification?.fastestLapMs ?? null,
      driverCount: placings.length,
    });
    for (const [guid, lap] of classification?.latest ?? []) {
      const tally = tallies.get(guid);
      if (tally === undefined) tallies.set(guid, { guid, bestLaps: new Map(), latest: lap });
      else if (isLater(lap, tally.latest)) tally.latest = lap;
    }
    for (const placing of placings) {
      const points = eventPoints(season, placing.position);
      tallies.get(placing.driverGuid)?.bestLaps.set(index, { placing, points });
    }
  });

  const nameOf = aliasResolver(aliases);
  // One shared (frozen) cell per event for every driver who did not enter it: most cells of a large season.
  const absent = scoring.map((event): StandingResult =>
    Object.freeze({ eventId: event.id, position: null, points: 0, lapTimeMs: null, dropped: false }),
  );
  memo?.begin(season, aliases);
  const rows: UnrankedRow[] = [];
  for (const tally of tallies.values()) {
    if (tally.bestLaps.size === 0) continue;
    const build = () => driverRow(tally, absent, season.bestOf, nameOf);
    if (!memo) rows.push(build());
    else rows.push(memo.row(tally.guid, [tally.latest, ...[...tally.bestLaps.values()].map((b) => b.placing)], build));
  }

  return {
    seasonId: season.id,
    seasonName: season.name,
    bestOf: season.bestOf,
    events,
    rows: rankRows(rows),
    generatedFrom: { lapCount },
  };
}

/** A classified driver's row: results in every scoring event (absent ones shared), best-of, total, tie-break facts. */
function driverRow(
  tally: DriverTally,
  absent: readonly StandingResult[],
  bestOf: number | null,
  nameOf: (guid: string, name: string) => string,
): UnrankedRow {
  const raw = absent.slice();
  for (const [index, best] of tally.bestLaps) {
    raw[index] = {
      eventId: absent[index]!.eventId,
      position: best.placing.position,
      points: best.points,
      lapTimeMs: best.placing.lapTimeMs,
      dropped: false,
    };
  }
  const results = bestOf === null ? raw : applyBestOf(raw, bestOf);
  const entered = [...tally.bestLaps.values()];
  const lapName = tally.latest.driverName;
  const driver = nameOf(tally.guid, lapName);
  const exactPercent = entered.reduce((sum, b) => sum + b.placing.percent, 0) / entered.length;
  const firstSetAt = entered.map((b) => b.placing.recordedAt).sort(compareInstants)[0];
  if (firstSetAt === undefined) throw new Error(`driver ${tally.guid} is classified without a best lap`);
  return {
    driverGuid: tally.guid,
    driver,
    alias: driver === lapName ? null : driver,
    total: sumPoints([...tally.bestLaps].filter(([index]) => !results[index]?.dropped).map(([, b]) => b.points)),
    wins: entered.filter((b) => b.placing.position === 1).length,
    podiums: entered.filter((b) => b.placing.position <= 3).length,
    eventsEntered: entered.length,
    averagePercent: round4(exactPercent),
    results,
    exactPercent,
    firstSetAt,
  };
}
