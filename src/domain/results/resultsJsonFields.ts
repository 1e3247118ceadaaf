// Typed reads from untrusted JSON that name the exact path when something has the wrong type,
// so an operator can open the file and find the problem (`Laps[3].LapTime is not a number`).

export type JsonObject = Record<string, unknown>;

/** Thrown by the readers below; parseResults turns it into a ResultsParseError with the file name. */
export class JsonFieldError extends Error {}

export function isJsonObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function describeJson(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `string ${JSON.stringify(v.length > 24 ? `${v.slice(0, 24)}…` : v)}`;
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'number' || typeof v === 'boolean') return `${typeof v} ${String(v)}`;
  return typeof v; // parsed JSON has nothing else
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function wrongType(path: string, what: string, v: unknown): never {
  throw new JsonFieldError(`${path} is not ${what} (got ${describeJson(v)})`);
}

export function expectObject(v: unknown, path: string): JsonObject {
  return isJsonObject(v) ? v : wrongType(path, 'an object', v);
}

/** Missing or null gives `fallback`; with fallback `undefined` the field is required. */
export function readString<F extends string | null | undefined>(
  o: JsonObject,
  key: string,
  path: string,
  fallback?: F,
): string | Exclude<F, undefined> {
  const v = o[key];
  if (v === undefined || v === null) {
    if (fallback === undefined) throw new JsonFieldError(`${join(path, key)} is missing`);
    return fallback;
  }
  return typeof v === 'string' ? v : wrongType(join(path, key), 'a string', v);
}

export function checkNumber(v: unknown, path: string): number {
  if (typeof v !== 'number') return wrongType(path, 'a number', v);
  // JSON.parse turns 1e999 into Infinity; no acServer field can hold that.
  return Number.isFinite(v) ? v : wrongType(path, 'a finite number', v);
}

export function readNumber(o: JsonObject, key: string, path: string, fallback?: number): number {
  const v = o[key];
  if (v === undefined || v === null) {
    if (fallback === undefined) throw new JsonFieldError(`${join(path, key)} is missing`);
    return fallback;
  }
  return checkNumber(v, join(path, key));
}

/** Missing or null gives undefined: callers decide whether an absent array matters. */
export function readArray(o: JsonObject, key: string, path: string): unknown[] | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  return Array.isArray(v) ? (v as unknown[]) : wrongType(join(path, key), 'an array', v);
}
