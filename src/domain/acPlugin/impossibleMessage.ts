import { PROTOCOL_VERSION, SessionTypeCode, type ServerMessage, type SessionInfoPayload } from './messages';

// acServer's names are folder names and config values: control characters never occur in them,
// path separators never in a folder name. A datagram with them is garbage or forged.
// eslint-disable-next-line no-control-regex -- control characters are what this detects
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- control characters are what this detects
const NOT_A_FOLDER = /[\u0000-\u001f\u007f-\u009f/\\]/;
const SESSION_TYPES = new Set<number>(Object.values(SessionTypeCode));

/** Quoted for a log line, every control character escaped. */
const shown = (text: string) =>
  JSON.stringify(text).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * Why a NEW_SESSION / SESSION_INFO cannot come from acServer (protocol version, session type or
 * index out of range, a track name that is no folder name), or null when it can.
 */
export function sessionInfoProblem(s: SessionInfoPayload): string | null {
  if (s.protocolVersion !== PROTOCOL_VERSION)
    return `protocol version ${s.protocolVersion} (the bot speaks ${PROTOCOL_VERSION})`;
  if (s.sessionCount < 1) return `session count ${s.sessionCount}`;
  const index = Math.max(s.sessionIndex, s.currentSessionIndex);
  if (index >= s.sessionCount) return `session index ${index} of ${s.sessionCount}`;
  if (!SESSION_TYPES.has(s.sessionType))
    return `session type ${s.sessionType} (0 booking, 1 practice, 2 qualify, 3 race)`;
  if (s.track === '' || NOT_A_FOLDER.test(s.track)) return `track name ${shown(s.track)} is no folder name`;
  if (NOT_A_FOLDER.test(s.trackConfig)) return `layout name ${shown(s.trackConfig)} is no folder name`;
  for (const [what, text] of [
    ['session name', s.name],
    ['server name', s.serverName],
    ['weather', s.weatherGraphics],
  ] as const) {
    if (CONTROL.test(text)) return `${what} ${shown(text)} holds control characters`;
  }
  return null;
}

/**
 * Why acServer cannot have sent `msg` (a forged or garbled datagram that still decodes), or null.
 * Only the messages that change what the bot believes are checked: sessions and VERSION.
 */
export function impossibleMessage(msg: ServerMessage): string | null {
  if (msg.type === 'NEW_SESSION' || msg.type === 'SESSION_INFO') return sessionInfoProblem(msg);
  if (msg.type === 'VERSION' && msg.protocolVersion !== PROTOCOL_VERSION)
    return `protocol version ${msg.protocolVersion} (the bot speaks ${PROTOCOL_VERSION})`;
  return null;
}
