import { isRealGuid, lapTimesProblem } from './isValidLap';
import { collectDrivers, recoverKickedGuid, type ResultsRow as Row } from './resultsDrivers';
import {
  describeJson,
  expectObject,
  JsonFieldError,
  readArray,
  readNumber,
  readString,
  type JsonObject,
} from './resultsJsonFields';
import { limitedText, readLap } from './readLap';
import { baseName, parseResultsFileName } from './resultsFileName';
import { documentStart, readResultsDocument, syntaxErrorReason, type ResultsDocument } from './resultsDocument';
import { JsonSyntaxError } from './jsonScan';
import { KICKED_GUID, NO_LAP_TIME, type ParsedResults, type ResultsLap, type SessionType } from '../types';

/** A results file that cannot be read. `file` is the base name; `reason` says what and where. */
export class ResultsParseError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`results file ${file}: ${reason}`);
    this.name = 'ResultsParseError';
  }
}

const SESSION_TYPES: ReadonlySet<string> = new Set(['PRACTICE', 'QUALIFY', 'RACE', 'BOOKING']);

function toSessionType(raw: string | null, fromName: SessionType | undefined): SessionType {
  if (raw === null) return fromName ?? 'UNKNOWN';
  const type = raw.trim().toUpperCase();
  return SESSION_TYPES.has(type) ? (type as SessionType) : 'UNKNOWN';
}

/** A team's entry lists its drivers' GUIDs as `a;b`; GuidsList often repeats Guid or holds "". */
function realGuids(fields: string[]): string[] {
  return [
    ...new Set(
      fields
        .flatMap((f) => f.split(';'))
        .map((g) => g.trim())
        .filter(isRealGuid),
    ),
  ];
}

function readCars(list: unknown[]): Row[] {
  return list.map((item, i) => {
    const path = `Cars[${i}]`;
    const car = expectObject(item, path);
    const driver: JsonObject = car.Driver == null ? {} : expectObject(car.Driver, `${path}.Driver`);
    const guids = [readString(driver, 'Guid', `${path}.Driver`, '')];
    (readArray(driver, 'GuidsList', `${path}.Driver`) ?? []).forEach((g, j) => {
      if (typeof g !== 'string')
        throw new JsonFieldError(`${path}.Driver.GuidsList[${j}] is not a string (got ${describeJson(g)})`);
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

/** Names, GUIDs and models repeat on every lap: one string each keeps a 200,000-lap file small. */
function interner(): (s: string) => string {
  const strings = new Map<string, string>();
  return (s) => strings.get(s) ?? (strings.set(s, s), s);
}

function readRoot({ root, laps: lapItems }: ResultsDocument, file: string): ParsedResults {
  const warnings: string[] = [];
  const fromName = parseResultsFileName(file);
  const cars = readCars(readArray(root, 'Cars', '') ?? []);
  const results = readResultRows(readArray(root, 'Result', '') ?? []);
  const rawLaps = lapItems ?? readArray(root, 'Laps', '');
  if (rawLaps === undefined) warnings.push('no Laps array; read as a session without laps');
  const rows = [...cars, ...results];
  const kicked = { recovered: 0, lost: 0 };
  const intern = interner();
  const laps = Array.from(rawLaps ?? [], (item, i): ResultsLap => {
    const lap = readLap(item, i, intern);
    if (lap.driverGuid === KICKED_GUID) {
      const guid = recoverKickedGuid(lap, rows);
      kicked[guid ? 'recovered' : 'lost'] += 1;
      if (guid) Object.assign(lap, { driverGuid: guid, identified: true });
    }
    return lap;
  });
  if (kicked.recovered > 0)
    warnings.push(`${kicked.recovered} laps of kicked drivers: GUID recovered from Cars/Result`);
  if (kicked.lost > 0)
    warnings.push(`${kicked.lost} laps of kicked drivers could not be attributed; kept unidentified`);
  const badTimes = laps.filter((l) => lapTimesProblem(l) !== null).length;
  if (badTimes > 0) {
    warnings.push(
      `${badTimes} laps hold a lap or sector time that is not a real one (not whole ms, under 1 s or over 1 h): kept, never ranked; the file looks broken or edited`,
    );
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

const encoder = new TextEncoder();

/**
 * Parses one acServer results file (raw, 2015-era, or re-saved by a manager with other key order
 * and extra keys) from its bytes: in one go up to `wholeParseMaxBytes`, else one lap at a time
 * (see resultsDocument). `fileName` may be a path; only its base name is kept. Throws ResultsParseError.
 */
export function parseResults(
  content: string | Uint8Array,
  fileName: string,
  opts: { wholeParseMaxBytes?: number } = {},
): ParsedResults {
  const file = baseName(fileName);
  const bytes = typeof content === 'string' ? encoder.encode(content) : content;
  if (documentStart(bytes) >= bytes.length) throw new ResultsParseError(file, 'file is empty (still being written?)');
  try {
    return readRoot(readResultsDocument(bytes, opts.wholeParseMaxBytes), file);
  } catch (e) {
    if (e instanceof JsonFieldError) throw new ResultsParseError(file, e.message);
    if (e instanceof JsonSyntaxError) throw new ResultsParseError(file, syntaxErrorReason(e, bytes));
    throw e;
  }
}
