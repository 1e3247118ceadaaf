import { StoreRejectedError } from '../app/results/storeErrors';
import { lapsStorageProblem, MAX_LAP_KEY_BYTES, textProblem } from '../domain/results/lapLimits';
import type { Lap } from '../domain/types';

// Rules both stores apply, so code that works on one backend works on the other.

/** A DynamoDB item holds at most 400 KB; a state value stays well below with its key. */
export const MAX_STATE_VALUE_BYTES = 350_000;

/** DynamoDB refuses empty key attributes and sort keys over 1024 bytes; SQLite is held to the same rules. */
export function checkKey(value: string, what: string): string {
  if (value === '') throw new Error(`state ${what} must not be empty`);
  const problem = textProblem(value, MAX_LAP_KEY_BYTES);
  if (problem !== null) throw new StoreRejectedError(`state ${what} "${value.slice(0, 40)}..." ${problem}`);
  return value;
}

/** State values are kept as JSON text, which round-trips any JSON shape exactly. */
export function toJson(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new Error('state value must be JSON-serialisable (got undefined or a function)');
  const problem = textProblem(json, MAX_STATE_VALUE_BYTES);
  if (problem !== null) throw new StoreRejectedError(`state value ${problem}`);
  return json;
}

/** Refuses the whole call when one lap is beyond what every store can keep, before anything is written. */
export function checkLaps(laps: readonly Lap[]): void {
  const problem = lapsStorageProblem(laps);
  if (problem !== null) throw new StoreRejectedError(`cannot store ${problem}`);
}
