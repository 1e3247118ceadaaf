import type { LapCompletedMessage, LapLeaderboardEntry } from './messages';
import type { PacketReader } from './PacketReader';

const GRIP_BYTES = 4;

/**
 * The entry size is not announced, so it is inferred from what is left after the count byte:
 * exactly count x 8 + 4 is current acServer (8-byte entries, then grip), exactly count x 7 + 4 is
 * the old Kunos example (no completed flag). Any other length is read as 8-byte entries for as
 * long as whole entries fit, then grip if 4 bytes are left; leaderboardComplete says whether every
 * declared entry was there. carId, lapTimeMs and cuts never depend on the guess.
 * Known ambiguities, both settled towards a layout a real server sends: 32 bytes for 4 slots is
 * read as 7-byte + grip (not 8-byte without grip), and an 8-byte datagram cut to exactly
 * count x 7 + 4 bytes would be read as 7-byte entries. UDP delivers whole datagrams, so cuts only
 * come from a too-small receive buffer.
 */
export function readLapCompleted(r: PacketReader): LapCompletedMessage {
  const carId = r.u8();
  const lapTimeMs = r.u32();
  const cuts = r.u8();
  const msg: LapCompletedMessage = {
    type: 'LAP_COMPLETED',
    carId,
    lapTimeMs,
    cuts,
    leaderboard: [],
    leaderboardComplete: false,
  };
  if (r.remaining < 1) return msg;

  const count = r.u8();
  const rest = r.remaining;
  const size: 7 | 8 = rest === count * 7 + GRIP_BYTES && rest !== count * 8 + GRIP_BYTES ? 7 : 8;
  const fit = Math.min(count, Math.floor(rest / size));
  msg.declaredCount = count;
  msg.entrySize = size;
  msg.leaderboard = readEntries(r, fit, size);
  msg.leaderboardComplete = fit === count;
  if (msg.leaderboardComplete && r.remaining >= GRIP_BYTES) msg.gripLevel = r.f32();
  return msg;
}

function readEntries(r: PacketReader, n: number, size: 7 | 8): LapLeaderboardEntry[] {
  const out: LapLeaderboardEntry[] = [];
  for (let i = 0; i < n; i++) {
    const entry: LapLeaderboardEntry = { carId: r.u8(), bestLapMs: r.u32(), laps: r.u16() };
    if (size === 8) entry.completed = r.bool();
    out.push(entry);
  }
  return out;
}
