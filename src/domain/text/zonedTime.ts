import type { LocalDateTime } from '../types';

// Wall-clock <-> instant conversion using only Intl, so the domain needs no tz library.

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** true when `timeZone` is an IANA zone (or UTC) that this runtime's Intl knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time (to the minute; seconds are dropped) at `date` in `timeZone`. */
export function instantToLocal(date: Date, timeZone: string): LocalDateTime {
  const p = fields(date.getTime(), timeZone);
  return { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute };
}

/**
 * The instant a wall-clock time in `timeZone` stands for.
 * DST, the same way as Temporal's "compatible" disambiguation:
 * - a time that does not exist (spring-forward gap) moves forward by the gap:
 *   01:30 on the day London jumps 01:00 -> 02:00 is 02:30 BST (01:30Z);
 * - a time that happens twice (fall-back) is the earlier of the two instants:
 *   01:30 on the day London goes 02:00 -> 01:00 is 01:30 BST (00:30Z).
 * Throws RangeError for an impossible date (month 13, 31 April, ...) or an unknown zone.
 */
export function localToInstant(local: LocalDateTime, timeZone: string): Date {
  assertValidLocal(local);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  // One transition at most lies within a day of any local time, so the offsets a day either
  // side are the only candidates.
  const before = offsetAt(asUtc - DAY, timeZone);
  const after = offsetAt(asUtc + DAY, timeZone);
  const matches = [...new Set([before, after, offsetAt(asUtc, timeZone)])]
    .map((offset) => asUtc - offset)
    .filter((instant) => asUtc - instant === offsetAt(instant, timeZone));
  if (matches.length > 0) return new Date(Math.min(...matches));
  // In the gap: read the wall clock with the offset in force before the jump.
  return new Date(asUtc - before);
}

/** Offset of `timeZone` from UTC in ms at `instant` (positive east of Greenwich). */
export function offsetAt(instant: number, timeZone: string): number {
  const p = fields(instant, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

/** true when the fields name a real calendar date and clock time. */
export function isValidLocal(l: LocalDateTime): boolean {
  const ints = [l.year, l.month, l.day, l.hour, l.minute].every(Number.isInteger);
  if (!ints || l.month < 1 || l.month > 12 || l.hour < 0 || l.hour > 23) return false;
  if (l.minute < 0 || l.minute > 59 || l.day < 1 || l.year < 1 || l.year > 9999) return false;
  return l.day <= new Date(Date.UTC(l.year, l.month, 0)).getUTCDate();
}

function assertValidLocal(local: LocalDateTime): void {
  if (!isValidLocal(local)) throw new RangeError(`not a valid local date-time: ${JSON.stringify(local)}`);
}

function fields(instant: number, timeZone: string) {
  const out: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return {
    year: out.year!,
    month: out.month!,
    day: out.day!,
    hour: out.hour!,
    minute: out.minute!,
    second: out.second!,
  };
}

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}
