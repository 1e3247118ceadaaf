import {
  PluginCommandId,
  ServerMessageId,
  decodePluginCommand,
  decodeServerMessage,
  encodePluginCommand,
  encodeServerMessage,
} from '../../../src/domain/acPlugin';
import { commandSamples, serverSamples } from './samples';

describe('acPlugin codec round trip', () => {
  it('when the samples are listed, then every server message id and command id has one', () => {
    expect(new Set(serverSamples.map((m) => m.type))).toEqual(new Set(Object.keys(ServerMessageId)));
    expect(new Set(commandSamples.map((c) => c.type))).toEqual(new Set(Object.keys(PluginCommandId)));
  });

  it.each(serverSamples.map((m, i) => [`${i} ${m.type}`, m] as const))(
    'when server message %s is encoded and decoded, then it comes back unchanged',
    (_name, msg) => {
      const buf = encodeServerMessage(msg);
      expect(buf[0]).toBe(ServerMessageId[msg.type]);
      expect(decodeServerMessage(buf)).toEqual({ ok: true, message: msg });
    },
  );

  it.each(commandSamples.map((c, i) => [`${i} ${c.type}`, c] as const))(
    'when command %s is encoded and decoded, then it comes back unchanged',
    (_name, cmd) => {
      const buf = encodePluginCommand(cmd);
      expect(buf[0]).toBe(PluginCommandId[cmd.type]);
      expect(decodePluginCommand(buf)).toEqual({ ok: true, command: cmd });
    },
  );

  it('when a LAP_COMPLETED is given without the decoder bookkeeping, then the decoder fills it in', () => {
    const buf = encodeServerMessage({
      type: 'LAP_COMPLETED',
      carId: 1,
      lapTimeMs: 60000,
      cuts: 0,
      leaderboard: [{ carId: 1, bestLapMs: 60000, laps: 1, completed: false }],
      gripLevel: 1,
    });
    expect(buf).toHaveLength(1 + 1 + 4 + 1 + 1 + 8 + 4);
    const res = decodeServerMessage(buf);
    expect(res.ok && res.message).toMatchObject({ declaredCount: 1, entrySize: 8, leaderboardComplete: true });
  });

  it('when a value does not fit its wire type, then the encoder refuses instead of wrapping it', () => {
    expect(() => encodePluginCommand({ type: 'KICK_USER', carId: 256 })).toThrow(RangeError);
    expect(() => encodePluginCommand({ type: 'GET_SESSION_INFO', sessionIndex: 40000 })).toThrow(RangeError);
    expect(() => encodePluginCommand({ type: 'BROADCAST_CHAT', text: 'x'.repeat(256) })).toThrow(RangeError);
    expect(() =>
      encodeServerMessage({
        type: 'NEW_CONNECTION',
        driverName: 'a',
        driverGuid: 'b',
        carId: 1,
        carModel: 'car_日本',
        carSkin: 's',
      }),
    ).toThrow(RangeError);
  });
});
