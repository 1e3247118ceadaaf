import { rankLaps } from '../leaderboard/rankLaps';
import { formatLapTime } from '../leaderboard/formatLapTime';
import type { Lap } from '../types';
import { lapOrder } from '../results/lapOrder';

/**
 * The lap a steward means: the driver's lap stored under the key `lap`, or with that time
 * (`2:05.123`, the first valid one set); by default their best valid lap as the data has it
 * (struck or not), so striking "their best" twice strikes the same lap.
 */
export function pickLap(eventId: string, laps: readonly Lap[], driverGuid: string, lap?: string): Lap | undefined {
  const own = laps.filter((l) => l.eventId === eventId && l.driverGuid === driverGuid);
  if (lap !== undefined) {
    const byKey = own.find((l) => l.lapKey === lap);
    if (byKey) return byKey;
    const timed = own.filter((l) => formatLapTime(l.lapTimeMs) === lap.trim());
    // The one ranking would pick among laps of that time (valid, set first), else any of them.
    const best = rankLaps(eventId, timed, []).rows[0];
    return (best && timed.find((l) => l.lapKey === best.lapKey)) ?? timed[0];
  }
  const best = rankLaps(eventId, own, []).rows[0];
  return best && own.find((l) => l.lapKey === best.lapKey);
}

/** A lap as a steward picks it from a list: time first, then session and when. */
export function lapLabel(lap: Lap): string {
  const when = lap.recordedAt.slice(0, 16).replace('T', ' ');
  return `${formatLapTime(lap.lapTimeMs)} · ${lap.carModel} · ${lap.sessionType.toLowerCase()} ${when} UTC`;
}

/** A driver's laps that count by the data, fastest first: what a steward can strike. */
export function strikableLaps(laps: readonly Lap[], driverGuid: string): Lap[] {
  return laps
    .filter((l) => l.driverGuid === driverGuid && l.valid)
    .sort((a, b) => a.lapTimeMs - b.lapTimeMs || lapOrder(a, b));
}
