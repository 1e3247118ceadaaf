import { isRealGuid, lapTimesProblem } from './isValidLap';
import { collectDrivers, recoverKickedGuid, type ResultsRow as Row } from './resultsDrivers';
import {
  describeJson, expectObject, isJsonObject, JsonFieldError, readArray, readNumber, readString, type JsonObject,
} from './resultsJsonFields';
import { limitedText, readLap } from './readLap';
import { baseName, parseResultsFileName } from './resultsFileName';
import {
  KICKED_GUID, NO_LAP_TIME, type ParsedResults, type ResultsLap, type SessionType,
} from './types';

/** A results file that cannot be read. `file` is the base name; `reason` says what and where. */
export class ResultsParseError extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(`results file ${file}: ${reason}`);
    this.name = 'ResultsParseError';
  }
}

const SESSION_TYPES: ReadonlySet<string> = new Set(['PRACTICE', 'QUALIFY', 'RACE', 'BOOKING']);

function parseJson(text: string, file: string): unknown {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = text.slice(bom);
  if (body.trim() === '') throw new ResultsParseError(file, 'file is empty (still being written?)');
  try {
    return JSON.parse(body);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const at = /at position (\d+)/.exec(message);
    const pos = at ? Number(at[1]) : body.length;
    // acServer writes in place, so a parse error at the very end almost always means "not done yet".
    const atEnd = !at || pos >= body.trimEnd().length - 1 || message.startsWith('Unterminated');
    const detail = atEnd
      ? 'file truncated or still being written?'
      : message.replace(/ in JSON at position.*$/s, '');
    throw new ResultsParseError(file, `invalid JSON at position ${pos + bom} (${detail})`);
  }
}

function toSessionType(raw: string | null, fromName: SessionType | undefined): SessionType {
  if (raw === null) return fromName ?? 'UNKNOWN';
  const type = raw.trim().toUpperCase();
  return SESSION_TYPES.has(type) ? (type as SessionType) : 'UNKNOWN';
}

/** A team's entry lists its drivers' GUIDs as `a;b`; GuidsList often repeats Guid or holds "". */
function realGuids(fields: string[]): string[] {
  return [...new Set(fields.flatMap((f) => f.split(';')).map((g) => g.trim()).filter(isRealGuid))];
}

function readCars(list: unknown[]): Row[] {
  return list.map((item, i) => {
    const path = `Cars[${i}]`;
    const car = expectObject(item, path);
    const driver: JsonObject = car.Driver == null ? {} : expectObject(car.Driver, `${path}.Driver`);
    const guids = [readString(driver, 'Guid', `${path}.Driver`, '')];
    (readArray(driver, 'GuidsList', `${path}.Driver`) ?? []).forEach((g, j) => {
      if (typeof g !== 'string') throw new JsonFieldError(`${path}.Driver.GuidsList[${j}] is not a string (got ${describeJson(g)})`);
      guids.push(g);
    });
    return {
      carId: readNumber(car, 'CarId', path, -1),
      name: readString(driver, 'Name', `${path}.Driver`, ''),
      guids: realGuids(guids),
      model: readString(car, 'Model', path, ''),
      bestLap: NO_LAP_TIME,
    };
  });
}

function readResultRows(list: unknown[]): Row[] {
  return list.map((item, i) => {
    const path = `Result[${i}]`;
    const row = expectObject(item, path);
    const bestLap = readNumber(row, 'BestLap', path, NO_LAP_TIME);
    return {
      carId: readNumber(row, 'CarId', path, -1),
      name: readString(row, 'DriverName', path, ''),
      guids: realGuids([readString(row, 'DriverGuid', path, '')]),
      model: readString(row, 'CarModel', path, ''),
      // Managers re-saving a file write 0, not 999999999, for a car without a lap.
      bestLap: bestLap > 0 ? bestLap : NO_LAP_TIME,
    };
  });
}

function readRoot(root: unknown, file: string): ParsedResults {
  if (!isJsonObject(root)) throw new JsonFieldError(`top level is ${describeJson(root)}, expected an object`);
  const warnings: string[] = [];
  const fromName = parseResultsFileName(file);
  const cars = readCars(readArray(root, 'Cars', '') ?? []);
  const results = readResultRows(readArray(root, 'Result', '') ?? []);
  const rawLaps = readArray(root, 'Laps', '');
  if (rawLaps === undefined) warnings.push('no Laps array; read as a session without laps');
  const rows = [...cars, ...results];
  const kicked = { recovered: 0, lost: 0 };
  const laps = (rawLaps ?? []).map((item, i): ResultsLap => {
    const lap = readLap(item, i);
    if (lap.driverGuid === KICKED_GUID) {
      const guid = recoverKickedGuid(lap, rows);
      kicked[guid ? 'recovered' : 'lost'] += 1;
      if (guid) return { ...lap, driverGuid: guid, identified: true };
    }
    return { ...lap, identified: isRealGuid(lap.driverGuid) };
  });
  if (kicked.recovered > 0) warnings.push(`${kicked.recovered} laps of kicked drivers: GUID recovered from Cars/Result`);
  if (kicked.lost > 0) warnings.push(`${kicked.lost} laps of kicked drivers could not be attributed; kept unidentified`);
  const badTimes = laps.filter((l) => lapTimesProblem(l) !== null).length;
  if (badTimes > 0) {
    warnings.push(`${badTimes} laps hold a lap or sector time that is not a real one (not whole ms, under 1 s or over 1 h): kept, never ranked; the file looks broken or edited`);
  }
  return {
    fileName: file,
    track: limitedText(readString(root, 'TrackName', ''), 'TrackName'),
    trackConfig: limitedText(readString(root, 'TrackConfig', '', ''), 'TrackConfig'),
    sessionType: toSessionType(readString(root, 'Type', '', null), fromName?.type),
    sessionLocalTime: fromName?.local ?? null,
    dateField: typeof root.Date === 'string' ? root.Date : null,
    drivers: collectDrivers(results, cars, laps, warnings),
    laps,
    warnings,
  };
}

/**
 * Parses one acServer results file (raw, 2015-era, or re-saved by a manager with other key order
 * and extra keys). `fileName` may be a path; only its base name is kept. Throws ResultsParseError.
 */
export function parseResults(text: string, fileName: string): ParsedResults {
  const file = baseName(fileName);
  const root = parseJson(text, file);
  try {
    return readRoot(root, file);
  } catch (e) {
    if (e instanceof JsonFieldError) throw new ResultsParseError(file, e.message);
    throw e;
  }
}
