import { aliasResolver } from './aliases';
import { isRealGuid, lapTimeProblem } from '../results/isValidLap';
import type { Alias, Lap, Leaderboard, LeaderboardRow } from '../types';
import { isLater, lapOrder } from '../results/lapOrder';

type DriverLaps = { best: Lap | null; latest: Lap };

/** One pass: each real driver's best valid lap and most recent lap; unranked GUIDs map to null. */
function collectDrivers(
  eventId: string,
  laps: readonly Lap[],
): { drivers: Map<string, DriverLaps | null>; lapCount: number } {
  // One map lookup per lap; a GUID is checked once, unranked GUIDs map to null.
  const drivers = new Map<string, DriverLaps | null>();
  let lapCount = 0;
  for (const lap of laps) {
    if (lap.eventId !== eventId) continue;
    lapCount += 1;
    let driver = drivers.get(lap.driverGuid);
    if (driver === undefined) {
      driver = isRealGuid(lap.driverGuid) ? { best: null, latest: lap } : null;
      drivers.set(lap.driverGuid, driver);
    }
    if (driver === null) continue;
    if (isLater(lap, driver.latest)) driver.latest = lap;
    // Laps stored before times were checked may be marked valid with a time no lap can have.
    if (!lap.valid || lapTimeProblem(lap.lapTimeMs) !== null) continue;
    const current = driver.best;
    if (
      current === null ||
      lap.lapTimeMs < current.lapTimeMs ||
      (lap.lapTimeMs === current.lapTimeMs && lapOrder(lap, current) < 0)
    ) {
      driver.best = lap;
    }
  }

  return { drivers, lapCount };
}

/**
 * The few laps ranking depends on (each driver's best valid lap and latest lap), so a cache can
 * keep these instead of every lap: rankLaps(eventId, rankingLaps(eventId, laps).laps) ranks the
 * same as rankLaps(eventId, laps).
 */
export function rankingLaps(eventId: string, laps: readonly Lap[]): { laps: Lap[]; lapCount: number } {
  const { drivers, lapCount } = collectDrivers(eventId, laps);
  const kept: Lap[] = [];
  for (const d of drivers.values()) {
    if (!d) continue;
    kept.push(d.latest);
    if (d.best && d.best !== d.latest) kept.push(d.best);
  }
  return { laps: kept, lapCount };
}

/**
 * Best valid lap per driver (GUID is identity), fastest first, ties to whoever set it first.
 * Laps of other events are ignored and not counted in lapCount. Laps without a real GUID
 * (empty, kicked) are never ranked even if marked valid. The shown name is the alias, else the
 * driver's most recent name in these laps. One pass over the laps; only the drivers are sorted.
 */
export function rankLaps(eventId: string, laps: readonly Lap[], aliases: readonly Alias[]): Leaderboard {
  const { drivers, lapCount } = collectDrivers(eventId, laps);
  const latestName = new Map<string, string>();
  const best: Lap[] = [];
  for (const [guid, driver] of drivers) {
    if (driver?.best) {
      best.push(driver.best);
      latestName.set(guid, driver.latest.driverName);
    }
  }
  const ordered = best.sort((a, b) => a.lapTimeMs - b.lapTimeMs || lapOrder(a, b));
  const leaderTime = ordered[0]?.lapTimeMs ?? 0;
  const nameOf = aliasResolver(aliases);
  const rows = ordered.map((lap, i): LeaderboardRow => ({
    position: i + 1,
    driverGuid: lap.driverGuid,
    driverName: nameOf(lap.driverGuid, latestName.get(lap.driverGuid) ?? lap.driverName),
    carModel: lap.carModel,
    lapTimeMs: lap.lapTimeMs,
    gapMs: lap.lapTimeMs - leaderTime,
    sectorsMs: [...lap.sectorsMs],
    tyre: lap.tyre,
    recordedAt: lap.recordedAt,
    lapKey: lap.lapKey,
    ...(lap.server !== undefined ? { server: lap.server } : {}),
  }));
  return { eventId, rows, lapCount };
}
