import { aliasResolver } from '../../domain/leaderboard/aliases';
import { isRealGuid } from '../../domain/results/isValidLap';
import { NO_LAP_TIME, type Alias, type Lap } from '../../domain/types';
import type { DriverInEvent, DriverLap } from '../ReadModel';
import { minSectors } from './summarizeEvent';
import { lapOrder } from '../../domain/results/lapOrder';

/** Why a lap does not count, in the driver's words: the reason stored with it (or the stewards'), else worked out. */
export function invalidReason(lap: Lap): string | null {
  if (lap.valid) return null;
  if (lap.invalidReason) return lap.invalidReason;
  if (!isRealGuid(lap.driverGuid)) return 'driver not identified (kicked or empty slot)';
  if (lap.cuts > 0) return `${lap.cuts} cut${lap.cuts === 1 ? '' : 's'}`;
  if (!(lap.lapTimeMs > 0 && lap.lapTimeMs < NO_LAP_TIME)) return 'no lap time';
  return 'not counted';
}

/** Every lap of one driver in one event, oldest first, with personal bests (per car) marked. */
export function driverLaps(
  driverGuid: string,
  laps: readonly Lap[],
  aliases: readonly Alias[],
): DriverInEvent | undefined {
  const own = laps.filter((l) => l.driverGuid === driverGuid).sort(lapOrder);
  const last = own[own.length - 1];
  if (!last) return undefined;
  const best = new Map<string, { lap: Lap; sectors: number[] }>();
  for (const lap of own) {
    if (!lap.valid) continue;
    const b = best.get(lap.carModel);
    if (!b) best.set(lap.carModel, { lap, sectors: minSectors([], lap.sectorsMs) });
    else {
      if (lap.lapTimeMs < b.lap.lapTimeMs) b.lap = lap;
      minSectors(b.sectors, lap.sectorsMs);
    }
  }
  const rows = own.map((lap): DriverLap => {
    const b = best.get(lap.carModel);
    return {
      carModel: lap.carModel,
      lapTimeMs: lap.lapTimeMs,
      sectorsMs: [...lap.sectorsMs],
      cuts: lap.cuts,
      valid: lap.valid,
      invalidReason: invalidReason(lap),
      tyre: lap.tyre,
      sessionType: lap.sessionType,
      recordedAt: lap.recordedAt,
      personalBest: b?.lap === lap,
      bestSectors: lap.sectorsMs.map((ms, i) => lap.valid && b?.sectors[i] === ms),
    };
  });
  return { driverGuid, driverName: aliasResolver(aliases)(driverGuid, last.driverName), laps: rows };
}
