import { isLiveLap } from './liveLap';
import type { Lap } from '../types';
import { lapOrder } from '../results/lapOrder';

/** The plugin reports the same integer ms as the file; the slack covers managers that re-time laps. */
export const LAP_TIME_TOLERANCE_MS = 2;

export interface LiveLapMatch {
  live: Lap;
  file: Lap;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function fits(file: Lap, live: Lap, toleranceMs: number): boolean {
  return (
    live.driverGuid === file.driverGuid &&
    Math.abs(live.lapTimeMs - file.lapTimeMs) <= toleranceMs &&
    same(live.track, file.track) &&
    same(live.trackConfig, file.trackConfig) &&
    same(live.carModel, file.carModel) &&
    (live.sessionType === 'UNKNOWN' || live.sessionType === file.sessionType)
  );
}

/**
 * Which live laps a results file's laps replace (docs/live-laps.md). A file lap replaces at most
 * one live lap and a live lap is replaced at most once: same event, same driver GUID, same car,
 * same track and layout, same session type (when the live lap knows it), lap time within
 * `toleranceMs`. File laps are taken in the file's Timestamp order; each takes the closest lap
 * time among the live laps still free, the earliest received on a tie.
 */
export function matchLiveLaps(
  fileLaps: readonly Lap[],
  liveLaps: readonly Lap[],
  toleranceMs = LAP_TIME_TOLERANCE_MS,
): LiveLapMatch[] {
  const free = new Map<string, Lap[]>();
  for (const live of [...liveLaps].filter(isLiveLap).sort(lapOrder)) {
    const key = `${live.eventId}\u0000${live.driverGuid}`;
    const list = free.get(key);
    if (list) list.push(live);
    else free.set(key, [live]);
  }
  const matches: LiveLapMatch[] = [];
  const ordered = [...fileLaps].filter((l) => !isLiveLap(l)).sort((a, b) => a.lapTimestamp - b.lapTimestamp);
  for (const file of ordered) {
    const list = free.get(`${file.eventId}\u0000${file.driverGuid}`);
    if (!list) continue;
    let best = -1;
    for (let i = 0; i < list.length; i++) {
      const candidate = list[i]!;
      if (!fits(file, candidate, toleranceMs)) continue;
      if (best < 0 || Math.abs(candidate.lapTimeMs - file.lapTimeMs) < Math.abs(list[best]!.lapTimeMs - file.lapTimeMs))
        best = i;
    }
    if (best < 0) continue;
    matches.push({ live: list[best]!, file });
    list.splice(best, 1);
  }
  return matches;
}
