import type { Lap, SessionType } from '../../domain/types';

export type Item = Record<string, unknown>;

/** A Lap as a `Results` item: every field a top-level attribute of the same name. */
export function toItem(lap: Lap): Item {
  // Field by field, so stray properties on the object never become attributes.
  return {
    eventId: lap.eventId,
    lapKey: lap.lapKey,
    driverGuid: lap.driverGuid,
    driverName: lap.driverName,
    carModel: lap.carModel,
    lapTimeMs: lap.lapTimeMs,
    sectorsMs: [...lap.sectorsMs],
    cuts: lap.cuts,
    valid: lap.valid,
    ...(lap.invalidReason !== undefined ? { invalidReason: lap.invalidReason } : {}),
    tyre: lap.tyre,
    sessionType: lap.sessionType,
    track: lap.track,
    trackConfig: lap.trackConfig,
    resultFile: lap.resultFile,
    lapTimestamp: lap.lapTimestamp,
    sessionTime: lap.sessionTime,
    recordedAt: lap.recordedAt,
    ...(lap.server !== undefined ? { server: lap.server } : {}),
  };
}

/** Reads a lap item, including ones the original suite wrote before some fields existed. */
export function fromItem(i: Item): Lap {
  const lapKey = String(i.lapKey);
  const driverGuid = typeof i.driverGuid === 'string' ? i.driverGuid : lapKey.slice(0, lapKey.lastIndexOf('#'));
  const sessionTime = typeof i.sessionTime === 'string' ? i.sessionTime : null;
  return {
    eventId: String(i.eventId),
    lapKey,
    driverGuid,
    driverName: typeof i.driverName === 'string' ? i.driverName : driverGuid,
    carModel: str(i.carModel),
    lapTimeMs: Number(i.lapTimeMs),
    sectorsMs: Array.isArray(i.sectorsMs) ? i.sectorsMs.map(Number) : [],
    cuts: i.cuts === undefined || i.cuts === null ? 0 : Number(i.cuts),
    valid: readValid(i.valid),
    ...(typeof i.invalidReason === 'string' ? { invalidReason: i.invalidReason } : {}),
    tyre: typeof i.tyre === 'string' ? i.tyre : null,
    sessionType: (typeof i.sessionType === 'string' ? i.sessionType : 'UNKNOWN') as SessionType,
    track: str(i.track),
    trackConfig: str(i.trackConfig),
    resultFile: str(i.resultFile),
    lapTimestamp:
      i.lapTimestamp !== undefined ? Number(i.lapTimestamp) : Number(lapKey.slice(lapKey.lastIndexOf('#') + 1)),
    sessionTime,
    recordedAt: typeof i.recordedAt === 'string' ? i.recordedAt : (sessionTime ?? ''),
    ...(typeof i.server === 'string' ? { server: i.server } : {}),
  };
}

/** Python scripts may have written a bool, 0/1 or "true"; a missing flag meant the suite kept only valid laps. */
function readValid(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  return v === true || v === 1 || v === '1' || v === 'true' || v === 'True';
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}
