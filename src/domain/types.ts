// Shared shapes of the league's domain. Pure data: no I/O, no clocks.

export type SessionType = 'PRACTICE' | 'QUALIFY' | 'RACE' | 'BOOKING' | 'UNKNOWN';

/** GUID acServer writes for a driver who was kicked. */
export const KICKED_GUID = '$#@@!$kicked';
/** BestLap value acServer uses for "no valid lap". */
export const NO_LAP_TIME = 999999999;
/** eventId under which laps are kept that no event could claim (never ranked). */
export const UNATTRIBUTED_EVENT_ID = 'unattributed';

/** One lap as read from a results file (before it belongs to an event). */
export interface ResultsLap {
  driverGuid: string;
  driverName: string;
  carId: number;
  carModel: string;
  /** Laps[].Timestamp: ms of acServer uptime, not wall-clock. */
  timestamp: number;
  lapTimeMs: number;
  sectorsMs: number[];
  cuts: number;
  tyre: string | null;
  /** false when the GUID is empty or the kicked marker and could not be recovered. */
  identified: boolean;
}

/** Wall-clock fields from a results file name (acServer local time, no zone). */
export interface LocalDateTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
}

export interface ResultsDriver {
  guid: string;
  name: string;
  carModel: string;
}

/** A parsed acServer results file. */
export interface ParsedResults {
  fileName: string;
  track: string;
  trackConfig: string;
  sessionType: SessionType;
  /** From the file name `Y_M_D_h_m_TYPE.json`; null when the name has another shape. */
  sessionLocalTime: LocalDateTime | null;
  /** The `Date` key some managers add when re-saving (ISO string), else null. */
  dateField: string | null;
  drivers: ResultsDriver[];
  laps: ResultsLap[];
  /** Things worth a log line that did not stop parsing (e.g. duplicate driver rows). */
  warnings: string[];
}

/** A lap as stored (DynamoDB `Results` item / SQLite row). */
export interface Lap {
  eventId: string;
  /** `${driverGuid}#${lapTimestamp}`, with a suffix when a different lap holds that key (lapKeys.ts). */
  lapKey: string;
  driverGuid: string;
  driverName: string;
  carModel: string;
  lapTimeMs: number;
  sectorsMs: number[];
  cuts: number;
  valid: boolean;
  /** Why the lap does not count (cuts, unknown driver, a time that is not a real lap time); absent when valid. */
  invalidReason?: string;
  tyre: string | null;
  sessionType: SessionType;
  track: string;
  trackConfig: string;
  resultFile: string;
  lapTimestamp: number;
  /** Instant of the session (ISO 8601, from the file name) or null; used to order laps across sessions. */
  sessionTime: string | null;
  /** ISO 8601 instant used for "who set it first": sessionTime, or when it was seen for live laps. */
  recordedAt: string;
  /** The acServer (servers.json id) that ran the session; absent = the default server. */
  server?: string;
}

export interface Alias {
  /** A driver GUID or a driver name as acServer reports it. */
  key: string;
  name: string;
}

export interface LeaderboardRow {
  position: number;
  driverGuid: string;
  /** Display name: alias by GUID, else alias by name, else the name on the lap. */
  driverName: string;
  carModel: string;
  lapTimeMs: number;
  /** ms behind the leader; 0 for the leader. */
  gapMs: number;
  sectorsMs: number[];
  tyre: string | null;
  recordedAt: string;
  lapKey: string;
  /** Where the lap was set (servers.json id); absent = the default server. */
  server?: string;
}

export interface Leaderboard {
  eventId: string;
  rows: LeaderboardRow[];
  /** Laps considered (valid or not). */
  lapCount: number;
}
