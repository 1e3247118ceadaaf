import { NO_LAP_TIME } from '../types';

/** Shown instead of a time for acServer's "no lap" sentinel or anything that is not a duration. */
export const NO_TIME_TEXT = '—';

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function clock(ms: number): string {
  const total = Math.round(ms);
  const millis = total % 1000;
  const seconds = Math.floor(total / 1000) % 60;
  const minutes = Math.floor(total / 60_000) % 60;
  const hours = Math.floor(total / 3_600_000);
  if (hours > 0) return `${hours}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(millis, 3)}`;
  return `${minutes}:${pad(seconds, 2)}.${pad(millis, 3)}`;
}

/** `m:ss.mmm` (1:02.345, 0:59.900); `h:mm:ss.mmm` from one hour; NO_TIME_TEXT for no time. */
export function formatLapTime(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0 || ms >= NO_LAP_TIME) return NO_TIME_TEXT;
  return clock(ms);
}

/**
 * Gap to the leader: `+0.123`, `+12.345`, `+1:02.345`. The leader gets '' so the column stays
 * empty on the first row. Pass `isLeader` when known: a driver tied with the leader then shows
 * `+0.000` instead of looking like a second leader.
 */
export function formatGap(ms: number, isLeader: boolean = ms === 0): string {
  if (isLeader) return '';
  if (!Number.isFinite(ms) || ms < 0) return NO_TIME_TEXT;
  const rounded = Math.round(ms);
  if (rounded < 60_000) return `+${Math.floor(rounded / 1000)}.${pad(rounded % 1000, 3)}`;
  return `+${clock(rounded)}`;
}
