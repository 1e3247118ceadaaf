import { lapInvalidReason } from './isValidLap';
import type { Lap, ParsedResults } from '../types';

/**
 * The server a results file came from. Its id goes into the lap keys of every server but the
 * default one (`<guid>#<Timestamp>@<id>`), so two servers' laps never share a key and the default
 * server's keys stay those of the single-server setup.
 */
export interface LapServer {
  id: string;
  inKey: boolean;
}

/**
 * Turns a parsed results file into stored laps. lapKey is `${driverGuid}#${timestamp}`.
 *
 * Two laps of one file can share that key (unidentified laps all carry '' or the kicked marker;
 * a manager may duplicate rows). Storing both under one key would silently drop one, so the
 * second and later get `#2`, `#3`, ... in file order. File order is stable, so re-ingesting the
 * same file yields the same keys and overwrites instead of duplicating. Laps of other files that
 * hold such a key already are dealt with when storing (lapKeys.ts).
 */
export function lapsFromResults(
  parsed: ParsedResults,
  ctx: { eventId: string; sessionTime: string; resultFile: string; server?: LapServer },
): Lap[] {
  const seen = new Map<string, number>();
  const keySuffix = ctx.server?.inKey ? `@${ctx.server.id}` : '';
  const { sessionType, track, trackConfig } = parsed;
  // One object literal of one shape per lap (a spread per optional field costs more than the rest):
  // a backlog turns 200,000 laps through here.
  return parsed.laps.map((lap) => {
    const baseKey = `${lap.driverGuid}#${lap.timestamp}${keySuffix}`;
    const count = (seen.get(baseKey) ?? 0) + 1;
    seen.set(baseKey, count);
    const invalidReason = lapInvalidReason(lap);
    const stored: Lap = {
      eventId: ctx.eventId,
      lapKey: count === 1 ? baseKey : `${baseKey}#${count}`,
      driverGuid: lap.driverGuid,
      driverName: lap.driverName,
      carModel: lap.carModel,
      lapTimeMs: lap.lapTimeMs,
      sectorsMs: lap.sectorsMs.slice(),
      cuts: lap.cuts,
      valid: invalidReason === null,
      tyre: lap.tyre,
      sessionType,
      track,
      trackConfig,
      resultFile: ctx.resultFile,
      lapTimestamp: lap.timestamp,
      sessionTime: ctx.sessionTime,
      recordedAt: ctx.sessionTime,
    };
    if (invalidReason !== null) stored.invalidReason = invalidReason;
    if (ctx.server) stored.server = ctx.server.id;
    return stored;
  });
}
