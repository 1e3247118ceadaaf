/** The value, or a test failure naming what is missing (rather than a TypeError a few lines on). */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`expected ${what}, found none`);
  return value;
}
