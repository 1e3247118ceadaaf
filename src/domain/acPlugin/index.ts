// Pure codec for the acServer UDP plugin protocol (version 4): no sockets, no clock.
export * from './messages';
export { decodeServerMessage, decodePluginCommand } from './decode';
export { encodeServerMessage, encodePluginCommand } from './encode';
export type { EncodableServerMessage, LapCompletedInput } from './encode';
export { PacketReader, ShortPacketError, MalformedPacketError } from './PacketReader';
export { PacketWriter } from './PacketWriter';
export { toSafeChat } from './toSafeChat';
export { sessionTypeName } from './sessionTypeName';
export { impossibleMessage, sessionInfoProblem } from './impossibleMessage';
