import {
  arrayElements,
  isArrayAt,
  isObjectAt,
  JsonSyntaxError,
  parseRange,
  scanObject,
  skipSpace,
  skipValue,
} from './jsonScan';
import { describeJson, JsonFieldError, type JsonObject } from './resultsJsonFields';

/**
 * A results file's top-level object read from its bytes: every member but `Laps` parsed, and the
 * laps handed out one at a time, so a 50 MB file is never held as one string or one parsed tree.
 * Other large arrays (Events, a manager's extras) are checked element by element and dropped.
 */
export interface ResultsDocument {
  root: JsonObject;
  /** The elements of `Laps` when it is an array (else `root.Laps` holds whatever it is). */
  laps: Iterable<unknown> | undefined;
}

const BOM = [0xef, 0xbb, 0xbf];
/** Arrays kept whole: a row per car. */
const KEPT_ARRAYS = new Set(['Cars', 'Result']);

/** Where the document starts (after a BOM and blanks); `bytes.length` when there is nothing. */
export function documentStart(bytes: Uint8Array): number {
  return skipSpace(bytes, BOM.every((c, i) => bytes[i] === c) ? BOM.length : 0);
}

/**
 * Files up to this size are parsed in one JSON.parse (3-4 times faster than piece by piece, and a
 * few MB of string and tree are cheap); larger ones are read piece by piece.
 */
export const WHOLE_PARSE_MAX_BYTES = 4 * 1024 * 1024;

const decoder = new TextDecoder();

/**
 * Throws JsonSyntaxError (not JSON) or JsonFieldError (JSON, but not an object). Both ways of
 * reading give the same document; anything the one-go parse does not take (broken JSON, a top level
 * that is not an object) is read piece by piece, which says what is wrong and where.
 */
export function readResultsDocument(
  bytes: Uint8Array,
  wholeParseMaxBytes: number = WHOLE_PARSE_MAX_BYTES,
): ResultsDocument {
  const start = documentStart(bytes);
  if (bytes.length <= wholeParseMaxBytes) {
    const whole = parseWhole(bytes, start);
    if (whole) return whole;
  }
  return readPieceByPiece(bytes, start);
}

/** The document in one JSON.parse, shaped as readPieceByPiece gives it; undefined when it does not parse to an object. */
function parseWhole(bytes: Uint8Array, start: number): ResultsDocument | undefined {
  let root: unknown;
  try {
    root = JSON.parse(decoder.decode(bytes.subarray(start)));
  } catch {
    return undefined;
  }
  if (typeof root !== 'object' || root === null || Array.isArray(root)) return undefined;
  const members = root as JsonObject;
  let laps: unknown[] | undefined;
  for (const key of Object.keys(members)) {
    const value = members[key];
    if (!Array.isArray(value) || KEPT_ARRAYS.has(key)) continue;
    if (key === 'Laps') laps = value as unknown[];
    delete members[key];
  }
  keepShapes(members, laps);
  return { root: members, laps };
}

/**
 * One lap, car and result row of the last file parsed, kept alive so their hidden classes are too.
 * JSON.parse gives every file's laps the same shape only while an object of that shape lives; under
 * the memory-first node flags (--optimize-for-size) the garbage collector drops unused shapes at
 * once, and the optimised code that reads laps was thrown away and rebuilt after nearly every file
 * of a backlog. A few hundred bytes keep it.
 */
const shapes: unknown[] = [];

function keepShapes(root: JsonObject, laps: unknown[] | undefined): void {
  shapes.length = 0;
  shapes.push(laps?.[0]);
  for (const key of KEPT_ARRAYS) {
    const rows = root[key];
    if (Array.isArray(rows)) shapes.push(rows[0]);
  }
}

function readPieceByPiece(bytes: Uint8Array, start: number): ResultsDocument {
  if (!isObjectAt(bytes, start)) {
    const end = skipValue(bytes, start);
    checkNothingAfter(bytes, end);
    throw new JsonFieldError(`top level is ${describeJson(parseRange(bytes, start, end))}, expected an object`);
  }
  const { members, end } = scanObject(bytes, start);
  checkNothingAfter(bytes, end);
  const root: JsonObject = {};
  let laps: Iterable<unknown> | undefined;
  for (const [key, { start: from, end: to }] of members) {
    if (!isArrayAt(bytes, from) || KEPT_ARRAYS.has(key)) root[key] = parseRange(bytes, from, to);
    else if (key === 'Laps') laps = { [Symbol.iterator]: () => arrayElements(bytes, from, to) };
    else for (const _ of arrayElements(bytes, from, to));
  }
  return { root, laps };
}

function checkNothingAfter(bytes: Uint8Array, end: number): void {
  const rest = skipSpace(bytes, end);
  if (rest < bytes.length) throw new JsonSyntaxError(rest, false, 'unexpected data after the top-level value');
}

/** What a syntax error means for an admin: a file caught mid-write, broken JSON, or not JSON at all. */
export function syntaxErrorReason(e: JsonSyntaxError, bytes: Uint8Array): string {
  if (e.truncated) return `invalid JSON at position ${e.position} (file truncated or still being written?)`;
  const start = documentStart(bytes);
  // Results files are objects: something that does not even start like one is not JSON (text, binary, noise).
  if (!isObjectAt(bytes, start) && !isArrayAt(bytes, start)) {
    const head = Array.from(bytes.subarray(start, start + 8), (c) => c.toString(16).padStart(2, '0')).join(' ');
    return `not JSON: it starts with the bytes ${head}, where a results file starts with "{"`;
  }
  return `invalid JSON at position ${e.position} (${e.detail}; not a truncation)`;
}
