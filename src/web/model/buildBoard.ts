import { rankLaps } from '../../domain/leaderboard/rankLaps';
import type { Alias } from '../../domain/types';
import type { Board, BoardGroup, BoardQuery } from '../ReadModel';
import { minSectors, type EventSummary, type LapGroup } from './summarizeEvent';

function sum(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0);
}

/** One ranking over some lap groups: the league's own ranking rules (rankLaps), plus sectors. */
function rankGroups(
  eventId: string,
  carModel: string | null,
  groups: LapGroup[],
  aliases: readonly Alias[],
): BoardGroup {
  const board = rankLaps(
    eventId,
    groups.flatMap((g) => g.kept),
    aliases,
  );
  const perDriver = new Map<string, { sectors: number[]; laps: number }>();
  const bestSectorsMs: number[] = [];
  for (const g of groups) {
    const d = perDriver.get(g.driverGuid) ?? { sectors: [], laps: 0 };
    minSectors(d.sectors, g.bestSectors);
    d.laps += g.lapCount;
    perDriver.set(g.driverGuid, d);
    minSectors(bestSectorsMs, g.bestSectors);
  }
  const rows = board.rows.map((r) => {
    const d = perDriver.get(r.driverGuid)!;
    // A theoretical best needs every sector; a driver seen only through live laps has none.
    const complete = d.sectors.length > 0 && Array.from(d.sectors).every((ms) => ms !== undefined);
    return {
      position: r.position,
      driverGuid: r.driverGuid,
      driverName: r.driverName,
      carModel: r.carModel,
      tyre: r.tyre,
      lapTimeMs: r.lapTimeMs,
      gapMs: r.gapMs,
      sectorsMs: r.sectorsMs,
      theoreticalBestMs: complete ? sum(d.sectors) : null,
      lapCount: d.laps,
      recordedAt: r.recordedAt,
    };
  });
  return { carModel, rows, bestSectorsMs };
}

/** An event's board for a car/tyre filter; the per-car view ranks each car on its own. */
export function buildBoard(
  eventId: string,
  summary: EventSummary,
  aliases: readonly Alias[],
  query: BoardQuery,
): Board {
  const groups = summary.groups.filter(
    (g) => (!query.car || g.carModel === query.car) && (!query.tyre || g.tyre === query.tyre),
  );
  const parts =
    query.view === 'car'
      ? summary.cars.flatMap((car) => {
          const of = groups.filter((g) => g.carModel === car);
          return of.length > 0 ? [rankGroups(eventId, car, of, aliases)] : [];
        })
      : [rankGroups(eventId, null, groups, aliases)];
  return {
    eventId,
    query,
    groups: parts,
    cars: summary.cars,
    tyres: summary.tyres,
    lapCount: groups.reduce((n, g) => n + g.lapCount, 0),
  };
}
