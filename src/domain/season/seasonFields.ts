import { z } from 'zod';
import { parseDateTimeText } from '../text/dateTimeText';
import { show } from '../text/schemaKit';
import { isTimeZone } from '../text/zonedTime';
import { hasPointPrecision } from '../standings/points';

// The single values of seasonConfig.json (ids, folder names, times, ...) and their messages.

/** Checks a string with `problem`, which returns what is wrong or null. */
const checked = (problem: (s: string) => string | null) =>
  z.string().superRefine((s, ctx) => {
    const message = problem(s);
    if (message !== null) ctx.addIssue({ code: 'custom', message });
  });

export const id = (what: string) =>
  checked((s) => {
    if (/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(s)) return null;
    const why = s.includes('#')
      ? "must not contain '#' (the full event id is <seasonId>#<eventId>)"
      : 'use 1-64 letters, digits, - or _, starting with a letter or digit';
    return `${show(s)} is not a valid ${what} id: ${why}`;
  });

// Folder names end up in paths and in server_cfg.ini / entry_list.ini values.
const folderProblem = (s: string): string | null => {
  if (!/^[A-Za-z0-9_.-]{1,100}$/.test(s)) return 'use letters, digits, _, - and . only';
  if (s.includes('..') || s === '.') return "must not contain '..'";
  return null;
};
export const folder = (what: string) =>
  checked((s) => {
    const why = folderProblem(s);
    return why === null ? null : `${show(s)} is not a valid ${what} folder name: ${why}`;
  });
export const layout = checked((s) => {
  const why = s === '' ? null : folderProblem(s);
  return why === null ? null : `${show(s)} is not a valid layout folder name: ${why} ("" for none)`;
});

export const singleLine = (max: number) =>
  checked((s) => {
    if (s.trim() === '') return 'must not be empty';
    if (/[\r\n]/.test(s)) return 'must be a single line';
    return s.length > max ? `must be at most ${max} characters` : null;
  });

export const timeZone = checked((s) =>
  isTimeZone(s)
    ? null
    : `${show(s)} is not a time zone: use an IANA name such as Europe/London, America/New_York or UTC`,
);

export const start = checked((s) =>
  parseDateTimeText(s) !== null
    ? null
    : `${show(s)} is not a date-time (use 2026-01-05T20:00, or with an offset: 2026-01-05T20:00+01:00)`,
);

export const regex = checked((s) => {
  try {
    new RegExp(s, 'i');
    return null;
  } catch (e) {
    return `${show(s)} is not a valid regular expression: ${e instanceof Error ? e.message : String(e)}`;
  }
});

// Points are summed in thousandths (see standings/points.ts), so a finer value could not be kept.
// At most MAX_POINTS: far above any real table, low enough to print as plain digits.
export const MAX_POINTS = 100_000;
export const pointValue = z
  .number()
  .min(0)
  .max(MAX_POINTS)
  .refine(hasPointPrecision, (n) => ({
    message: `must have at most 3 decimals (points are counted in thousandths), got ${show(n)}`,
  }));
export const points = z.array(pointValue).min(1);
/** acServer reports session time (min), laps and wait time (s) in 16 bits (UDP plugin SESSION_INFO). */
export const MAX_SESSION_VALUE = 65_535;
/** A whole number in min..max: a huge one (1e21) would only fail later, at rotation. */
export const wholeNumber = (min: number, max: number) => z.number().int().min(min).max(max);
