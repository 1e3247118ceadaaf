import {
  ServerMessageId,
  decodePluginCommand,
  decodeServerMessage,
  encodePluginCommand,
  encodeServerMessage,
  type DecodeFailureReason,
} from '../../../src/domain/acPlugin';
import { commandSamples, serverSamples } from './samples';
import { prng } from '../../support/prng';

const REASONS: DecodeFailureReason[] = ['empty', 'unknown-id', 'short', 'malformed'];

describe('acPlugin decoder robustness', () => {
  it('when the datagram is empty, then the result is "empty"', () => {
    expect(decodeServerMessage(Buffer.alloc(0))).toMatchObject({ ok: false, reason: 'empty' });
    expect(decodePluginCommand(Buffer.alloc(0))).toMatchObject({ ok: false, reason: 'empty' });
  });

  it.each([0, 1, 49, 61, 72, 74, 129, 131, 200, 209, 255])(
    'when the id is %i, then the server decoder says unknown-id',
    (id) => {
      const res = decodeServerMessage(Buffer.from([id, 1, 2, 3]));
      expect(res).toMatchObject({ ok: false, reason: 'unknown-id', id });
    },
  );

  it.each([50, 73, 199, 210, 255])(
    'when a command datagram has id %i, then the command decoder says unknown-id',
    (id) => {
      expect(decodePluginCommand(Buffer.from([id, 0]))).toMatchObject({ ok: false, reason: 'unknown-id', id });
    },
  );

  it('when CLIENT_EVENT has a subtype other than 10 or 11, then it is malformed (its layout is unknown)', () => {
    const res = decodeServerMessage(Buffer.from([0x82, 12, 3, ...new Array(28).fill(0)]));
    expect(res).toMatchObject({ ok: false, reason: 'malformed', id: 130 });
  });

  it('when a string length runs past the end, then the result is "short" with the offset in the detail', () => {
    const res = decodeServerMessage(Buffer.from([0x37, 0x05, 0x41, 0, 0, 0]));
    expect(res).toMatchObject({ ok: false, reason: 'short', id: 55 });
    expect(!res.ok && res.detail).toMatch(/offset 2/);
  });

  it.each(serverSamples.map((m, i) => [`${i} ${m.type}`, m] as const))(
    'when server message %s is cut at every length, then decoding never throws and reports short',
    (_n, msg) => {
      const full = encodeServerMessage(msg);
      for (let len = 0; len < full.length; len++) {
        const res = decodeServerMessage(full.subarray(0, len));
        if (len === 0) expect(res).toMatchObject({ ok: false, reason: 'empty' });
        else if (msg.type === 'LAP_COMPLETED' && len >= 7) {
          // The lap itself survives any cut after the cuts byte.
          expect(res).toMatchObject({
            ok: true,
            message: { carId: msg.carId, lapTimeMs: msg.lapTimeMs, cuts: msg.cuts },
          });
        } else expect(res).toMatchObject({ ok: false, reason: 'short', id: ServerMessageId[msg.type] });
      }
    },
  );

  it('when a LAP_COMPLETED is cut after its count, then the leaderboard is complete only once every entry is there', () => {
    const lap = serverSamples.find((m) => m.type === 'LAP_COMPLETED')!;
    const full = encodeServerMessage(lap);
    const count = full[7]!;
    const entriesEnd = 8 + count * 8;
    for (let len = 8; len < full.length; len++) {
      // A cut landing exactly on the old 7-byte layout length cannot be told from one (documented ambiguity).
      if (len - 8 === count * 7 + 4) continue;
      const res = decodeServerMessage(full.subarray(0, len));
      if (!res.ok || res.message.type !== 'LAP_COMPLETED') throw new Error(`len ${len}: not a lap`);
      expect(res.message.leaderboardComplete).toBe(len >= entriesEnd);
      expect(res.message.leaderboard).toHaveLength(Math.min(count, Math.floor((len - 8) / 8)));
      expect(res.message.gripLevel).toBeUndefined();
    }
  });

  it.each(commandSamples.map((c, i) => [`${i} ${c.type}`, c] as const))(
    'when command %s is cut at every length, then decoding never throws',
    (_n, cmd) => {
      const full = encodePluginCommand(cmd);
      for (let len = 0; len < full.length; len++) {
        const res = decodePluginCommand(full.subarray(0, len));
        expect(res).toMatchObject({ ok: false, reason: len === 0 ? 'empty' : 'short' });
      }
    },
  );

  it('when 10,000 random datagrams are decoded, then none throws and every failure has a known reason', () => {
    const rand = prng(0xac5e7);
    const ids = [...Object.values(ServerMessageId), 200, 205, 209];
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const len = Math.floor(rand() * 300);
      const buf = Buffer.alloc(len);
      for (let j = 0; j < len; j++) buf[j] = Math.floor(rand() * 256);
      // Bias half of them towards real ids so the per-message parsers are exercised, not just the id switch.
      if (len > 0 && rand() < 0.5) buf[0] = ids[Math.floor(rand() * ids.length)]!;
      for (const res of [decodeServerMessage(buf), decodePluginCommand(buf)]) {
        if (res.ok) seen.add('ok');
        else {
          expect(REASONS).toContain(res.reason);
          expect(typeof res.detail).toBe('string');
          seen.add(res.reason);
        }
      }
    }
    expect([...seen].sort()).toEqual(['empty', 'malformed', 'ok', 'short', 'unknown-id']);
  });
});
