import {
  PluginCommandId,
  ServerMessageId,
  type ConnectionPayload,
  type LapCompletedMessage,
  type PluginCommand,
  type ServerMessage,
  type SessionInfoPayload,
} from './messages';
import { PacketWriter } from './PacketWriter';

/** LAP_COMPLETED as a sender describes it: the decoder's bookkeeping fields are optional. */
export type LapCompletedInput = Omit<LapCompletedMessage, 'declaredCount' | 'leaderboardComplete' | 'entrySize'> & {
  /** 8 (current acServer, default) or 7 (old Kunos example, no completed flag). */
  entrySize?: 7 | 8;
};

export type EncodableServerMessage = Exclude<ServerMessage, LapCompletedMessage> | LapCompletedInput;

function writeSessionInfo(w: PacketWriter, m: SessionInfoPayload): void {
  w.u8(m.protocolVersion).u8(m.sessionIndex).u8(m.currentSessionIndex).u8(m.sessionCount);
  w.sW(m.serverName).s8(m.track).s8(m.trackConfig).s8(m.name);
  w.u8(m.sessionType).u16(m.timeMinutes).u16(m.laps).u16(m.waitTime);
  w.u8(m.ambientTemp).u8(m.roadTemp).s8(m.weatherGraphics).i32(m.elapsedMs);
}

function writeConnection(w: PacketWriter, m: ConnectionPayload): void {
  w.sW(m.driverName).sW(m.driverGuid).u8(m.carId).s8(m.carModel).s8(m.carSkin);
}

function writeLapCompleted(w: PacketWriter, m: LapCompletedInput): void {
  const size = m.entrySize ?? 8;
  w.u8(m.carId).u32(m.lapTimeMs).u8(m.cuts).u8(m.leaderboard.length);
  for (const e of m.leaderboard) {
    w.u8(e.carId).u32(e.bestLapMs).u16(e.laps);
    if (size === 8) w.bool(e.completed ?? false);
  }
  if (m.gripLevel !== undefined) w.f32(m.gripLevel);
}

/** Builds the datagram acServer would send for `msg` (for tests, the fake acServer and relays). */
export function encodeServerMessage(msg: EncodableServerMessage): Buffer {
  const w = new PacketWriter().u8(ServerMessageId[msg.type]);
  switch (msg.type) {
    case 'NEW_SESSION':
    case 'SESSION_INFO':
      writeSessionInfo(w, msg);
      break;
    case 'NEW_CONNECTION':
    case 'CONNECTION_CLOSED':
      writeConnection(w, msg);
      break;
    case 'CAR_UPDATE':
      w.u8(msg.carId)
        .vec3(msg.position)
        .vec3(msg.velocity)
        .u8(msg.gear)
        .u16(msg.engineRpm)
        .f32(msg.normalizedSplinePos);
      break;
    case 'CAR_INFO':
      w.u8(msg.carId).bool(msg.connected).sW(msg.carModel).sW(msg.carSkin);
      w.sW(msg.driverName).sW(msg.driverTeam).sW(msg.driverGuid);
      break;
    case 'END_SESSION':
      w.sW(msg.resultsPath);
      break;
    case 'VERSION':
      w.u8(msg.protocolVersion);
      break;
    case 'CHAT':
      w.u8(msg.carId).sW(msg.text);
      break;
    case 'CLIENT_LOADED':
      w.u8(msg.carId);
      break;
    case 'ERROR':
      w.sW(msg.text);
      break;
    case 'LAP_COMPLETED':
      writeLapCompleted(w, msg);
      break;
    case 'CLIENT_EVENT':
      w.u8(msg.subtype).u8(msg.carId);
      if (msg.subtype === 10) w.u8(msg.otherCarId);
      w.f32(msg.impactSpeed).vec3(msg.worldPos).vec3(msg.relPos);
      break;
  }
  return w.toBuffer();
}

/** Builds the datagram for a plugin -> acServer command. Chat text should go through toSafeChat first. */
export function encodePluginCommand(cmd: PluginCommand): Buffer {
  const w = new PacketWriter(16).u8(PluginCommandId[cmd.type]);
  switch (cmd.type) {
    case 'REALTIMEPOS_INTERVAL':
      w.u16(cmd.intervalMs);
      break;
    case 'GET_CAR_INFO':
    case 'KICK_USER':
      w.u8(cmd.carId);
      break;
    case 'SEND_CHAT':
      w.u8(cmd.carId).sW(cmd.text);
      break;
    case 'BROADCAST_CHAT':
      w.sW(cmd.text);
      break;
    case 'GET_SESSION_INFO':
      w.i16(cmd.sessionIndex);
      break;
    case 'SET_SESSION_INFO':
      w.u8(cmd.sessionIndex).sW(cmd.name).u8(cmd.sessionType);
      w.u32(cmd.laps).u32(cmd.timeSeconds).u32(cmd.waitTimeSeconds);
      break;
    case 'NEXT_SESSION':
    case 'RESTART_SESSION':
      break;
    case 'ADMIN_COMMAND':
      w.sW(cmd.command);
      break;
  }
  return w.toBuffer();
}
