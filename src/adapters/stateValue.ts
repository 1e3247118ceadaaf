// Rules both stores apply to state, so code that works on one backend works on the other.

/** DynamoDB refuses empty key attributes; SQLite is held to the same rule. */
export function checkKey(value: string, what: string): string {
  if (value === '') throw new Error(`state ${what} must not be empty`);
  return value;
}

/** State values are kept as JSON text, which round-trips any JSON shape exactly. */
export function toJson(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new Error('state value must be JSON-serialisable (got undefined or a function)');
  return json;
}
