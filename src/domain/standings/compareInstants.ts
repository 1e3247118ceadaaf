/**
 * Orders two ISO 8601 instants. Parsed rather than compared as text because laps from
 * different sources may carry different offsets or precisions; text order is the fallback
 * for a value that does not parse, so the order stays total.
 */
export function compareInstants(a: string, b: string): number {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (!Number.isNaN(ta) && !Number.isNaN(tb) && ta !== tb) return ta - tb;
  if (!Number.isNaN(ta) && !Number.isNaN(tb)) return 0;
  return a < b ? -1 : a > b ? 1 : 0;
}
