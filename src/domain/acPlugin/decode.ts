import type {
  CommandDecodeResult,
  ConnectionPayload,
  DecodeFailure,
  DecodeResult,
  PluginCommand,
  ServerMessage,
  SessionInfoPayload,
} from './messages';
import { readLapCompleted } from './readLapCompleted';
import { MalformedPacketError, PacketReader, ShortPacketError } from './PacketReader';

type Parser<T> = (r: PacketReader) => T;

function readSessionInfo(r: PacketReader): SessionInfoPayload {
  return {
    protocolVersion: r.u8(),
    sessionIndex: r.u8(),
    currentSessionIndex: r.u8(),
    sessionCount: r.u8(),
    serverName: r.sW(),
    track: r.s8(),
    trackConfig: r.s8(),
    name: r.s8(),
    sessionType: r.u8(),
    timeMinutes: r.u16(),
    laps: r.u16(),
    waitTime: r.u16(),
    ambientTemp: r.u8(),
    roadTemp: r.u8(),
    weatherGraphics: r.s8(),
    elapsedMs: r.i32(),
  };
}

function readConnection(r: PacketReader): ConnectionPayload {
  return { driverName: r.sW(), driverGuid: r.sW(), carId: r.u8(), carModel: r.s8(), carSkin: r.s8() };
}

// Property order inside the object literals is the wire order: reads happen left to right.
const serverParsers: Record<number, Parser<ServerMessage>> = {
  50: (r) => ({ type: 'NEW_SESSION', ...readSessionInfo(r) }),
  51: (r) => ({ type: 'NEW_CONNECTION', ...readConnection(r) }),
  52: (r) => ({ type: 'CONNECTION_CLOSED', ...readConnection(r) }),
  53: (r) => ({
    type: 'CAR_UPDATE',
    carId: r.u8(),
    position: r.vec3(),
    velocity: r.vec3(),
    gear: r.u8(),
    engineRpm: r.u16(),
    normalizedSplinePos: r.f32(),
  }),
  54: (r) => ({
    type: 'CAR_INFO',
    carId: r.u8(),
    connected: r.bool(),
    carModel: r.sW(),
    carSkin: r.sW(),
    driverName: r.sW(),
    driverTeam: r.sW(),
    driverGuid: r.sW(),
  }),
  55: (r) => ({ type: 'END_SESSION', resultsPath: r.sW() }),
  56: (r) => ({ type: 'VERSION', protocolVersion: r.u8() }),
  57: (r) => ({ type: 'CHAT', carId: r.u8(), text: r.sW() }),
  58: (r) => ({ type: 'CLIENT_LOADED', carId: r.u8() }),
  59: (r) => ({ type: 'SESSION_INFO', ...readSessionInfo(r) }),
  60: (r) => ({ type: 'ERROR', text: r.sW() }),
  73: readLapCompleted,
  130: (r) => {
    const subtype = r.u8();
    const carId = r.u8();
    if (subtype === 10) {
      return {
        type: 'CLIENT_EVENT',
        subtype,
        carId,
        otherCarId: r.u8(),
        impactSpeed: r.f32(),
        worldPos: r.vec3(),
        relPos: r.vec3(),
      };
    }
    if (subtype === 11) {
      return { type: 'CLIENT_EVENT', subtype, carId, impactSpeed: r.f32(), worldPos: r.vec3(), relPos: r.vec3() };
    }
    // The layout depends on the subtype, so the rest cannot be read.
    throw new MalformedPacketError(`CLIENT_EVENT subtype ${subtype} is neither 10 (car) nor 11 (environment)`);
  },
};

const commandParsers: Record<number, Parser<PluginCommand>> = {
  200: (r) => ({ type: 'REALTIMEPOS_INTERVAL', intervalMs: r.u16() }),
  201: (r) => ({ type: 'GET_CAR_INFO', carId: r.u8() }),
  202: (r) => ({ type: 'SEND_CHAT', carId: r.u8(), text: r.sW() }),
  203: (r) => ({ type: 'BROADCAST_CHAT', text: r.sW() }),
  204: (r) => ({ type: 'GET_SESSION_INFO', sessionIndex: r.i16() }),
  205: (r) => ({
    type: 'SET_SESSION_INFO',
    sessionIndex: r.u8(),
    name: r.sW(),
    sessionType: r.u8(),
    laps: r.u32(),
    timeSeconds: r.u32(),
    waitTimeSeconds: r.u32(),
  }),
  206: (r) => ({ type: 'KICK_USER', carId: r.u8() }),
  207: () => ({ type: 'NEXT_SESSION' }),
  208: () => ({ type: 'RESTART_SESSION' }),
  209: (r) => ({ type: 'ADMIN_COMMAND', command: r.sW() }),
};

function run<T>(buf: Uint8Array, parsers: Record<number, Parser<T>>): { ok: true; value: T } | DecodeFailure {
  if (buf.length === 0) return { ok: false, reason: 'empty', detail: 'empty datagram' };
  const bytes = Buffer.isBuffer(buf) ? buf : Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  const id = bytes[0]!;
  const parse = parsers[id];
  if (!parse)
    return { ok: false, reason: 'unknown-id', id, detail: `unknown message id ${id} (${bytes.length} bytes)` };
  try {
    return { ok: true, value: parse(new PacketReader(bytes, 1)) };
  } catch (err) {
    if (err instanceof ShortPacketError) {
      return { ok: false, reason: 'short', id, detail: `id ${id}, ${bytes.length} bytes: ${err.message}` };
    }
    const why = err instanceof Error ? err.message : String(err);
    return { ok: false, reason: 'malformed', id, detail: `id ${id}, ${bytes.length} bytes: ${why}` };
  }
}

/** Decodes one acServer -> plugin datagram. Never throws: bad input is a failure value to count and log. */
export function decodeServerMessage(buf: Buffer): DecodeResult {
  const res = run(buf, serverParsers);
  return res.ok ? { ok: true, message: res.value } : res;
}

/** Decodes one plugin -> acServer datagram (what a fake acServer or a relay receives). Never throws. */
export function decodePluginCommand(buf: Buffer): CommandDecodeResult {
  const res = run(buf, commandParsers);
  return res.ok ? { ok: true, command: res.value } : res;
}
