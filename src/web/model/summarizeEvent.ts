import { rankingLaps } from '../../domain/leaderboard/rankLaps';
import type { Lap } from '../../domain/types';
import { isLater } from '../../domain/results/lapOrder';

/** One driver's laps in one car on one tyre: what every filter of the event's board is made of. */
export interface LapGroup {
  driverGuid: string;
  carModel: string;
  tyre: string | null;
  /** the group's best valid lap and latest lap (all ranking needs, see rankingLaps) */
  kept: Lap[];
  /** fastest valid time of each sector */
  bestSectors: number[];
  lapCount: number;
}

export interface EventSummary {
  groups: LapGroup[];
  /** each driver's latest lap (valid or not): their name and that they drove here */
  latest: Map<string, Lap>;
  cars: string[];
  tyres: string[];
}

/** Minimum per index, over arrays of any length (a lap without sector times adds nothing). */
export function minSectors(into: number[], sectors: readonly number[]): number[] {
  sectors.forEach((ms, i) => {
    if (Number.isFinite(ms) && ms > 0 && !(into[i]! <= ms)) into[i] = ms;
  });
  return into;
}

/**
 * An event's laps folded by driver, car and tyre, so any car/tyre filter is ranked from a few
 * laps per driver instead of every lap.
 */
export function summarizeEvent(eventId: string, laps: readonly Lap[]): EventSummary {
  const byGroup = new Map<string, Lap[]>();
  const latest = new Map<string, Lap>();
  for (const lap of laps) {
    if (lap.eventId !== eventId) continue;
    const key = `${lap.driverGuid}\u0000${lap.carModel}\u0000${lap.tyre ?? ''}`;
    const list = byGroup.get(key);
    if (list) list.push(lap);
    else byGroup.set(key, [lap]);
    const last = latest.get(lap.driverGuid);
    if (!last || isLater(lap, last)) latest.set(lap.driverGuid, lap);
  }
  const groups: LapGroup[] = [];
  for (const list of byGroup.values()) {
    const first = list[0]!;
    const bestSectors: number[] = [];
    for (const lap of list) if (lap.valid) minSectors(bestSectors, lap.sectorsMs);
    groups.push({
      driverGuid: first.driverGuid,
      carModel: first.carModel,
      tyre: first.tyre,
      kept: rankingLaps(eventId, list).laps,
      bestSectors,
      lapCount: list.length,
    });
  }
  const cars = [...new Set(groups.map((g) => g.carModel))].sort();
  const tyres = [...new Set(groups.flatMap((g) => (g.tyre ? [g.tyre] : [])))].sort();
  return { groups, latest, cars, tyres };
}
