// Points are counted in integer thousandths: floats would make 0.2 + 0.1 = 0.30000000000000004,
// show that in the post and rank it above a 0.3. The season config allows at most 3 decimals.

/** Thousandths in one point: the finest step a points value in seasonConfig.json may have. */
export const POINT_STEPS = 1000;

/** Points as a whole number of thousandths (nearest: 0.1 is not exact as a double). */
export function toMilli(points: number): number {
  return Math.round(points * POINT_STEPS);
}

/** Thousandths back to points: the double nearest the decimal, so it prints as written (0.3). */
export function fromMilli(milli: number): number {
  return milli / POINT_STEPS;
}

/** The exact sum of point values of at most 3 decimals. */
export function sumPoints(values: readonly number[]): number {
  return fromMilli(values.reduce((sum, v) => sum + toMilli(v), 0));
}

/** True when the value has at most 3 decimals (0.125 yes, 0.1234 no). */
export function hasPointPrecision(points: number): boolean {
  return Number.isFinite(points) && fromMilli(toMilli(points)) === points;
}

/** Points for people: at most 3 decimals, no trailing zeros, no float noise ("0.3", "12.5", "25"). */
export function formatPoints(points: number): string {
  return String(fromMilli(toMilli(points)));
}
