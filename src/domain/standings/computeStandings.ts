import type { SeasonConfigSeason } from '../season';
import type { Alias, Lap } from '../types';
import { applyBestOf } from './applyBestOf';
import { classifyEvent } from './classifyEvent';
import { compareInstants } from './compareInstants';
import { rankRows, type UnrankedRow } from './rankRows';
import { resolveAlias } from './resolveAlias';
import type { SeasonStandings, StandingEvent, StandingResult } from './types';

/** Per-driver facts gathered while walking the events. */
interface DriverTally {
  guid: string;
  /** the driver's best lap per scoring event index */
  bestLaps: Map<number, { lap: Lap; position: number; points: number; percent: number }>;
}

function eventPoints(season: SeasonConfigSeason, position: number): number {
  const table = season.pointsTable[position - 1] ?? 0;
  return table + season.participationPoints + (position === 1 ? season.fastestLapBonus : 0);
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

  scoring.forEach((event, index) => {
    const laps = lapsByEvent.get(event.id) ?? [];
    lapCount += laps.length;
    const classification = classifyEvent(laps);
    const fastest = classification.length > 0 ? classification[0].lapTimeMs : null;
    events.push({ eventId: event.id, name: event.name, fastestLapMs: fastest, driverCount: classification.length });
    classification.forEach((lap, i, all) => {
      const tally = tallies.get(lap.driverGuid) ?? { guid: lap.driverGuid, bestLaps: new Map() };
      tallies.set(lap.driverGuid, tally);
      const percent = (lap.lapTimeMs / all[0].lapTimeMs) * 100;
      tally.bestLaps.set(index, { lap, position: i + 1, points: eventPoints(season, i + 1), percent });
    });
  });

  const rows: UnrankedRow[] = [...tallies.values()].map((tally) => {
    const raw: StandingResult[] = scoring.map((event, index) => {
      const best = tally.bestLaps.get(index);
      return best === undefined
        ? { eventId: event.id, position: null, points: 0, lapTimeMs: null, dropped: false }
        : {
            eventId: event.id,
            position: best.position,
            points: best.points,
            lapTimeMs: best.lap.lapTimeMs,
            dropped: false,
          };
    });
    const results = applyBestOf(raw, season.bestOf);
    const entered = [...tally.bestLaps.values()];
    const byRecency = entered
      .map((b) => b.lap)
      .sort((a, b) => compareInstants(a.recordedAt, b.recordedAt) || a.lapTimestamp - b.lapTimestamp);
    // The name the driver used most recently is the one an alias (or the post) should show.
    const latestName = byRecency[byRecency.length - 1].driverName;
    const alias = resolveAlias(tally.guid, latestName, aliases);
    const exactPercent = entered.reduce((sum, b) => sum + b.percent, 0) / entered.length;
    return {
      driverGuid: tally.guid,
      driver: alias ?? latestName,
      alias,
      total: results.filter((r) => !r.dropped).reduce((sum, r) => sum + r.points, 0),
      wins: entered.filter((b) => b.position === 1).length,
      podiums: entered.filter((b) => b.position <= 3).length,
      eventsEntered: entered.length,
      averagePercent: round4(exactPercent),
      results,
      exactPercent,
      firstSetAt: byRecency[0].recordedAt,
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
