import { lapNumberProblem, MAX_GUID_BYTES, sectorCountProblem, textProblem } from './lapLimits';
import {
  checkNumber,
  expectObject,
  isJsonObject,
  JsonFieldError,
  readArray,
  readNumber,
  readString,
  type JsonObject,
} from './resultsJsonFields';
import type { ResultsLap } from '../types';
import { isRealGuid } from './isValidLap';

// The values a stored lap carries are held to the limits every store keeps (lapLimits.ts), so a
// file no store can take (LapTime 1e300, a 500 KB name) is refused here, naming the JSON path,
// the same way whichever store the bot runs on.

function limit(path: string, problem: string | null): void {
  if (problem !== null) throw new JsonFieldError(`${path} ${problem}`);
}

/** `value` (read at `path`) when it is at most `maxBytes` of UTF-8. */
export function limitedText(value: string, path: string, maxBytes?: number): string {
  limit(path, textProblem(value, maxBytes));
  return value;
}

/** A string field of a lap; missing or null reads as ''. */
function readText(o: JsonObject, key: string, path: string, maxBytes?: number): string {
  return limitedText(readString(o, key, path, ''), `${path}.${key}`, maxBytes);
}

function lapNumber(v: unknown, path: string): number {
  const n = checkNumber(v, path);
  limit(path, lapNumberProblem(n));
  return n;
}

/**
 * One entry of `Laps`, as read; whether it counts is decided later (isValidLap). One object
 * literal per lap, its strings through `intern`: a 200,000-lap file holds each name once, and an
 * object spread would cost ~500 bytes a lap.
 */
export function readLap(item: unknown, i: number, intern: (s: string) => string = (s) => s): ResultsLap {
  return (isJsonObject(item) && plainLap(item, intern)) || checkedLap(item, i, intern);
}

const isLapNumber = (v: unknown): v is number => typeof v === 'number' && lapNumberProblem(v) === null;
const isText = (v: unknown, maxBytes?: number): v is string =>
  typeof v === 'string' && textProblem(v, maxBytes) === null;

/**
 * The lap as acServer writes it (every field present with its type and within the limits), read
 * without naming paths; undefined for anything else, which checkedLap reads field by field and
 * refuses naming the field. A backlog reads 200,000 laps: building a path string per field costs more
 * than the rest of the read.
 */
function plainLap(lap: JsonObject, intern: (s: string) => string): ResultsLap | undefined {
  const { DriverGuid: guid, DriverName: name, CarModel: model, Tyre: tyre, Sectors: sectors } = lap;
  const { CarId: carId, Timestamp: timestamp, LapTime: lapTime, Cuts: cuts } = lap;
  if (!isText(guid, MAX_GUID_BYTES) || !isText(name) || !isText(model)) return undefined;
  if (typeof carId !== 'number' || !Number.isFinite(carId)) return undefined;
  if (!isLapNumber(timestamp) || !isLapNumber(lapTime) || !isLapNumber(cuts)) return undefined;
  if (!(tyre === undefined || tyre === null || isText(tyre))) return undefined;
  if (!Array.isArray(sectors) || sectorCountProblem(sectors.length) !== null || !sectors.every(isLapNumber))
    return undefined;
  const driverGuid = intern(guid);
  return {
    driverGuid,
    driverName: intern(name),
    carId,
    carModel: intern(model),
    timestamp,
    lapTimeMs: lapTime,
    sectorsMs: sectors, // the parsed file's own array, checked above: nothing else holds it
    cuts,
    tyre: typeof tyre === 'string' ? intern(tyre) : null,
    identified: isRealGuid(driverGuid),
  };
}

/** readLap for any shape: each field checked in turn, a problem refused naming its path. */
function checkedLap(item: unknown, i: number, intern: (s: string) => string): ResultsLap {
  const path = `Laps[${i}]`;
  const lap = expectObject(item, path);
  const sectors = readArray(lap, 'Sectors', path) ?? [];
  limit(`${path}.Sectors`, sectorCountProblem(sectors.length));
  // 2015 acServer files have no Tyre key at all.
  const tyre = readString(lap, 'Tyre', path, null);
  if (tyre !== null) limit(`${path}.Tyre`, textProblem(tyre));
  const driverGuid = intern(readText(lap, 'DriverGuid', path, MAX_GUID_BYTES));
  return {
    driverGuid,
    driverName: intern(readText(lap, 'DriverName', path)),
    carId: readNumber(lap, 'CarId', path),
    carModel: intern(readText(lap, 'CarModel', path)),
    timestamp: lapNumber(readNumber(lap, 'Timestamp', path), `${path}.Timestamp`),
    lapTimeMs: lapNumber(readNumber(lap, 'LapTime', path), `${path}.LapTime`),
    sectorsMs: sectors.map((s, j) => lapNumber(s, `${path}.Sectors[${j}]`)),
    cuts: lapNumber(readNumber(lap, 'Cuts', path), `${path}.Cuts`),
    tyre: tyre === null ? null : intern(tyre),
    identified: isRealGuid(driverGuid),
  };
}
