import type { LocalDateTime, SessionType } from '../types';

// Anchored at the end only: copies of results files often carry a prefix (backups, fixtures named
// `Owner__repo__2019_3_2_17_27_PRACTICE.json`); the `_` before the year keeps `x12019_...` out.
// A file downloaded or copied twice gets ` (1)` before `.json`: still the same session's time.
const RESULTS_NAME = /(?:^|_)(\d{4})_(\d{1,2})_(\d{1,2})_(\d{1,2})_(\d{1,2})_([A-Za-z]+)(?: \(\d+\))?\.json$/i;

const FILE_TYPES: ReadonlySet<string> = new Set(['PRACTICE', 'QUALIFY', 'RACE', 'BOOKING']);

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** Last path segment, for `/` and `\` separated paths (acServer often runs on Windows). */
export function baseName(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut >= 0 ? path.slice(cut + 1) : path;
}

/**
 * Reads `<Y>_<M>_<D>_<h>_<m>_<TYPE>.json` (acServer local time, no zone). Directories are ignored.
 * Returns null for any other name, an unknown TYPE, or a date that cannot exist (month 13, Feb 30,
 * hour 24), so a watcher can use it to decide whether a file is a results file at all.
 */
export function parseResultsFileName(fileName: string): { local: LocalDateTime; type: SessionType } | null {
  const match = RESULTS_NAME.exec(baseName(fileName));
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number) as [number, number, number, number, number];
  const type = (match[6] as string).toUpperCase();
  if (!FILE_TYPES.has(type)) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59) return null;
  return { local: { year, month, day, hour, minute }, type: type as SessionType };
}
