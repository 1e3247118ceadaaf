/**
 * Orders two ISO 8601 instants. Parsed rather than compared as text because laps from different
 * sources may carry different offsets or precisions; two `toISOString()` values (the bot's own, the
 * common case in the ranking's hot loop) compare as text without parsing, which orders them the
 * same. Text order is the fallback for a value that does not parse, so the order stays total.
 */
export function compareInstants(a: string, b: string): number {
  if (a === b) return 0;
  if (isCanonical(a) && isCanonical(b)) return a < b ? -1 : 1;
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (!Number.isNaN(ta) && !Number.isNaN(tb)) return Math.sign(ta - tb);
  return a < b ? -1 : 1;
}

/** `YYYY-MM-DDTHH:mm:ss.sssZ`, the shape `toISOString()` writes for years 0 to 9999. */
function isCanonical(s: string): boolean {
  // 90 'Z', 84 'T', 46 '.'
  return s.length === 24 && s.charCodeAt(23) === 90 && s.charCodeAt(10) === 84 && s.charCodeAt(19) === 46;
}
