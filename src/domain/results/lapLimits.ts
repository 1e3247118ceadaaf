import type { Lap } from '../types';

// What a lap may hold so that every store keeps it exactly. DynamoDB sets the hard limits (400 KB
// per item, 1024 bytes per sort key, no number beyond 2^53 through the SDK, none smaller than
// 1e-130); these bounds sit well inside them and far outside anything acServer writes, and SQLite
// is held to the same ones so both stores accept or refuse the same results files.

/** Largest magnitude of a number in a lap: beyond it numbers are no longer exact integers. */
export const MAX_LAP_NUMBER = Number.MAX_SAFE_INTEGER;
/** Smallest non-zero magnitude of a number in a lap (a millionth of a millisecond). */
export const MIN_LAP_FRACTION = 1e-6;
/** A GUID is part of the lap key, which also holds the Timestamp and a results file name. */
export const MAX_GUID_BYTES = 512;
export const MAX_LAP_KEY_BYTES = 1024;
/** Names, car, tyre, track, layout and reasons. */
export const MAX_TEXT_BYTES = 1024;
export const MAX_SECTORS = 64;

/** What is wrong with a number in a lap, as the end of a sentence starting with its name, or null. */
export function lapNumberProblem(n: number): string | null {
  const size = Math.abs(n);
  if (Number.isFinite(n) && size <= MAX_LAP_NUMBER && (n === 0 || size >= MIN_LAP_FRACTION)) return null;
  return `is ${n}: a number in a lap must be 0 or between ${MIN_LAP_FRACTION} and ${MAX_LAP_NUMBER} in size`;
}

/** UTF-8 length; most text is short enough to need no count (a UTF-16 unit is at most 3 bytes). */
function utf8Bytes(s: string, max: number): number {
  return s.length * 3 <= max ? s.length : Buffer.byteLength(s, 'utf8');
}

export function textProblem(s: string, maxBytes = MAX_TEXT_BYTES): string | null {
  const size = utf8Bytes(s, maxBytes);
  return size <= maxBytes ? null : `is ${size} bytes long: at most ${maxBytes}`;
}

export function sectorCountProblem(count: number): string | null {
  return count <= MAX_SECTORS ? null : `has ${count} entries: at most ${MAX_SECTORS}`;
}

const TEXT_FIELDS: ReadonlyArray<[keyof Lap, number]> = [
  ['driverGuid', MAX_GUID_BYTES],
  ['lapKey', MAX_LAP_KEY_BYTES],
  ['eventId', MAX_TEXT_BYTES],
  ['driverName', MAX_TEXT_BYTES],
  ['carModel', MAX_TEXT_BYTES],
  ['tyre', MAX_TEXT_BYTES],
  ['track', MAX_TEXT_BYTES],
  ['trackConfig', MAX_TEXT_BYTES],
  ['resultFile', MAX_TEXT_BYTES],
  ['invalidReason', MAX_TEXT_BYTES],
  ['sessionTime', MAX_TEXT_BYTES],
  ['recordedAt', MAX_TEXT_BYTES],
  ['server', MAX_TEXT_BYTES],
];
const NUMBER_FIELDS: ReadonlyArray<keyof Lap> = ['lapTimeMs', 'lapTimestamp', 'cuts'];

/** Why no store may keep this lap, naming the field, or null. Both stores check it before writing. */
export function lapStorageProblem(lap: Lap): string | null {
  for (const [field, max] of TEXT_FIELDS) {
    const value = lap[field];
    const problem = typeof value === 'string' ? textProblem(value, max) : null;
    if (problem !== null) return `${field} ${problem}`;
  }
  for (const field of NUMBER_FIELDS) {
    const problem = lapNumberProblem(lap[field] as number);
    if (problem !== null) return `${field} ${problem}`;
  }
  const count = sectorCountProblem(lap.sectorsMs.length);
  if (count !== null) return `sectorsMs ${count}`;
  for (let i = 0; i < lap.sectorsMs.length; i++) {
    const problem = lapNumberProblem(lap.sectorsMs[i]!);
    if (problem !== null) return `sectorsMs[${i}] ${problem}`;
  }
  return null;
}

/** The first lap no store may keep, described for a log line and the processed-file record, or null. */
export function lapsStorageProblem(laps: readonly Lap[]): string | null {
  for (const lap of laps) {
    const problem = lapStorageProblem(lap);
    if (problem !== null) {
      const key = lap.lapKey.length > 60 ? `${lap.lapKey.slice(0, 57)}...` : lap.lapKey;
      return `lap ${key} of ${lap.eventId.slice(0, 130)}: ${problem}`;
    }
  }
  return null;
}
