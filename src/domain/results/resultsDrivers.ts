import { NO_LAP_TIME, type ResultsDriver, type ResultsLap } from '../types';

/**
 * A Cars or Result row reduced to what identifies a driver. `guids` holds only real GUIDs; a
 * team's row holds several and names no single driver.
 */
export interface ResultsRow {
  carId: number;
  name: string;
  guids: string[];
  model: string;
  bestLap: number;
}

/**
 * Drivers are everyone with a real GUID in Result, then Cars, then Laps (so entry-list bookings
 * that never drove are included). A GUID listed twice in Result (car or slot change) is one driver
 * whose carModel is that of the row with the best BestLap.
 */
export function collectDrivers(
  results: ResultsRow[],
  cars: ResultsRow[],
  laps: ResultsLap[],
  warnings: string[],
): ResultsDriver[] {
  const byGuid = new Map<string, { driver: ResultsDriver; best: number; carIds: number[] }>();
  for (const row of results) {
    if (row.guids.length !== 1) continue;
    const guid = row.guids[0] as string;
    const seen = byGuid.get(guid);
    if (!seen) {
      byGuid.set(guid, {
        driver: { guid, name: row.name, carModel: row.model },
        best: row.bestLap,
        carIds: [row.carId],
      });
      continue;
    }
    seen.carIds.push(row.carId);
    if (row.bestLap < seen.best) {
      seen.best = row.bestLap;
      seen.driver.carModel = row.model;
    }
  }
  for (const { driver, carIds } of byGuid.values()) {
    if (carIds.length > 1) {
      warnings.push(
        `driver ${driver.name} (${driver.guid}) has ${carIds.length} Result rows (car ids ${carIds.join(', ')}); counted once`,
      );
    }
  }
  const add = (guid: string, name: string, carModel: string): void => {
    if (!byGuid.has(guid)) byGuid.set(guid, { driver: { guid, name, carModel }, best: NO_LAP_TIME, carIds: [] });
  };
  for (const car of cars) if (car.guids.length === 1) add(car.guids[0] as string, car.name, car.model);
  for (const lap of laps) if (lap.identified) add(lap.driverGuid, lap.driverName, lap.carModel);
  return [...byGuid.values()].map((d) => d.driver);
}

/**
 * acServer records laps of a kicked driver under KICKED_GUID. The real GUID is taken from the
 * Cars/Result rows of the same car id and driver name, but only when exactly one GUID fits:
 * a guess could credit the lap to the wrong person.
 */
export function recoverKickedGuid(lap: Omit<ResultsLap, 'identified'>, rows: ResultsRow[]): string | null {
  const found = new Set<string>();
  for (const row of rows) {
    if (row.carId === lap.carId && row.name === lap.driverName && row.guids.length === 1)
      found.add(row.guids[0] as string);
  }
  return found.size === 1 ? ([...found][0] as string) : null;
}
