import type { SessionType } from '../types';

const NAMES: Record<number, SessionType> = { 0: 'BOOKING', 1: 'PRACTICE', 2: 'QUALIFY', 3: 'RACE' };

/** Maps the wire's u8 session type to the league's SessionType. */
export function sessionTypeName(code: number): SessionType {
  return NAMES[code] ?? 'UNKNOWN';
}
