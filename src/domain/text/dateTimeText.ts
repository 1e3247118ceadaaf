import type { LocalDateTime } from '../types';
import { isValidLocal, localToInstant } from './zonedTime';

/** A date-time as written in a config or results file, not yet tied to a zone. */
export interface DateTimeText {
  local: LocalDateTime;
  second: number;
  /** minutes east of UTC when the text carries `Z` or `±HH:mm`; null = local wall-clock time */
  offsetMinutes: number | null;
}

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/i;

/**
 * Reads `2026-01-05T20:00` (wall-clock) or `2026-01-05T20:00:00+01:00` / `...Z` (an instant).
 * Seconds and fractions are optional (fractions are dropped). Returns null for anything else,
 * including impossible dates such as 2026-02-30.
 */
export function parseDateTimeText(text: string): DateTimeText | null {
  const m = PATTERN.exec(text.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  const local = { year, month, day, hour, minute };
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (!isValidLocal(local) || second > 59) return null;
  const offsetMinutes = m[7] === undefined ? null : parseOffset(m[7]);
  if (offsetMinutes !== null && !(Math.abs(offsetMinutes) <= 18 * 60)) return null; // NaN too
  return { local, second, offsetMinutes };
}

/** The instant `text` names; a wall-clock text is read in `timeZone` (see localToInstant for DST). */
export function dateTimeTextToInstant(text: DateTimeText, timeZone: string): Date {
  const extra = text.second * 1000;
  if (text.offsetMinutes === null) return new Date(localToInstant(text.local, timeZone).getTime() + extra);
  const { year, month, day, hour, minute } = text.local;
  return new Date(Date.UTC(year, month - 1, day, hour, minute) + extra - text.offsetMinutes * 60_000);
}

function parseOffset(s: string): number {
  if (s.toUpperCase() === 'Z') return 0;
  const sign = s.startsWith('-') ? -1 : 1;
  const minutes = Number(s.slice(1, 3)) * 60 + Number(s.slice(4, 6));
  return Number(s.slice(4, 6)) > 59 ? Number.NaN : sign * minutes;
}
