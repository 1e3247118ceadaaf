// Message shapes of the acServer UDP plugin protocol, version 4 (as in Kunos' acServer plugin example).
// Every datagram is one message: u8 id, then the payload, little-endian.

export const PROTOCOL_VERSION = 4;

export const ServerMessageId = {
  NEW_SESSION: 50,
  NEW_CONNECTION: 51,
  CONNECTION_CLOSED: 52,
  CAR_UPDATE: 53,
  CAR_INFO: 54,
  END_SESSION: 55,
  VERSION: 56,
  CHAT: 57,
  CLIENT_LOADED: 58,
  SESSION_INFO: 59,
  ERROR: 60,
  LAP_COMPLETED: 73,
  CLIENT_EVENT: 130,
} as const;

export const PluginCommandId = {
  REALTIMEPOS_INTERVAL: 200,
  GET_CAR_INFO: 201,
  SEND_CHAT: 202,
  BROADCAST_CHAT: 203,
  GET_SESSION_INFO: 204,
  SET_SESSION_INFO: 205,
  KICK_USER: 206,
  NEXT_SESSION: 207,
  RESTART_SESSION: 208,
  ADMIN_COMMAND: 209,
} as const;

export const ClientEventType = { COLLISION_WITH_CAR: 10, COLLISION_WITH_ENV: 11 } as const;

/** The u8 session type on the wire: 0 booking, 1 practice, 2 qualify, 3 race. */
export const SessionTypeCode = { BOOKING: 0, PRACTICE: 1, QUALIFY: 2, RACE: 3 } as const;

export interface Vec3 {
  x: number;
  y: number;
  z: number;
}

/** Payload shared by NEW_SESSION (50) and SESSION_INFO (59). */
export interface SessionInfoPayload {
  protocolVersion: number;
  /** The session this message describes. */
  sessionIndex: number;
  /** The session running now. */
  currentSessionIndex: number;
  sessionCount: number;
  serverName: string;
  track: string;
  trackConfig: string;
  name: string;
  /** See SessionTypeCode. */
  sessionType: number;
  timeMinutes: number;
  laps: number;
  waitTime: number;
  ambientTemp: number;
  roadTemp: number;
  weatherGraphics: string;
  /** May be negative while a race is still in its wait time. */
  elapsedMs: number;
}

export interface ConnectionPayload {
  driverName: string;
  driverGuid: string;
  carId: number;
  carModel: string;
  carSkin: string;
}

export interface LapLeaderboardEntry {
  carId: number;
  bestLapMs: number;
  laps: number;
  /** Absent in the 7-byte entries of the old Kunos example. */
  completed?: boolean;
}

export interface LapCompletedMessage {
  type: 'LAP_COMPLETED';
  carId: number;
  lapTimeMs: number;
  cuts: number;
  /** The entries actually read; one per slot of the entry list, not per connected car. */
  leaderboard: LapLeaderboardEntry[];
  /** The u8 count as sent; undefined when the datagram stops before it. */
  declaredCount?: number;
  entrySize?: 7 | 8;
  gripLevel?: number;
  /** False when the length matched no known layout: trust carId, lapTimeMs and cuts only. */
  leaderboardComplete: boolean;
}

export type ClientEventMessage =
  | {
      type: 'CLIENT_EVENT';
      subtype: 10;
      carId: number;
      otherCarId: number;
      impactSpeed: number;
      worldPos: Vec3;
      relPos: Vec3;
    }
  | { type: 'CLIENT_EVENT'; subtype: 11; carId: number; impactSpeed: number; worldPos: Vec3; relPos: Vec3 };

export type ServerMessage =
  | ({ type: 'NEW_SESSION' } & SessionInfoPayload)
  | ({ type: 'SESSION_INFO' } & SessionInfoPayload)
  | ({ type: 'NEW_CONNECTION' } & ConnectionPayload)
  | ({ type: 'CONNECTION_CLOSED' } & ConnectionPayload)
  | {
      type: 'CAR_UPDATE';
      carId: number;
      position: Vec3;
      velocity: Vec3;
      gear: number;
      engineRpm: number;
      normalizedSplinePos: number;
    }
  | {
      type: 'CAR_INFO';
      carId: number;
      connected: boolean;
      carModel: string;
      carSkin: string;
      driverName: string;
      driverTeam: string;
      driverGuid: string;
    }
  | { type: 'END_SESSION'; resultsPath: string }
  | { type: 'VERSION'; protocolVersion: number }
  | { type: 'CHAT'; carId: number; text: string }
  | { type: 'CLIENT_LOADED'; carId: number }
  | { type: 'ERROR'; text: string }
  | LapCompletedMessage
  | ClientEventMessage;

export type ServerMessageType = ServerMessage['type'];

export type PluginCommand =
  | { type: 'REALTIMEPOS_INTERVAL'; intervalMs: number }
  | { type: 'GET_CAR_INFO'; carId: number }
  | { type: 'SEND_CHAT'; carId: number; text: string }
  | { type: 'BROADCAST_CHAT'; text: string }
  /** sessionIndex -1 asks for the current session. */
  | { type: 'GET_SESSION_INFO'; sessionIndex: number }
  | {
      type: 'SET_SESSION_INFO';
      sessionIndex: number;
      name: string;
      sessionType: number;
      laps: number;
      timeSeconds: number;
      waitTimeSeconds: number;
    }
  | { type: 'KICK_USER'; carId: number }
  | { type: 'NEXT_SESSION' }
  | { type: 'RESTART_SESSION' }
  /** e.g. `/kick name`, `/next_session`. */
  | { type: 'ADMIN_COMMAND'; command: string };

export type PluginCommandType = PluginCommand['type'];

export type DecodeFailureReason = 'empty' | 'unknown-id' | 'short' | 'malformed';

export interface DecodeFailure {
  ok: false;
  reason: DecodeFailureReason;
  id?: number;
  detail: string;
}

export type DecodeResult = { ok: true; message: ServerMessage } | DecodeFailure;
export type CommandDecodeResult = { ok: true; command: PluginCommand } | DecodeFailure;
