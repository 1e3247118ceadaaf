import { KICKED_GUID, NO_LAP_TIME } from '../types';

/** A GUID that names a real driver: not an empty entry-list slot, not acServer's kicked marker. */
export function isRealGuid(guid: string): boolean {
  return guid.trim() !== '' && guid !== KICKED_GUID;
}

/** Bounds of a believable lap: no track is lapped under a second, none needs more than an hour. */
export const MIN_LAP_MS = 1_000;
export const MAX_LAP_MS = 3_600_000;

export interface LapToJudge {
  cuts: number;
  lapTimeMs: number;
  sectorsMs?: readonly number[];
  /** false when the GUID is empty or the kicked marker and could not be recovered. */
  identified: boolean;
}

/** Why a lap time read from a file or the plugin is not a real one, or null. acServer times are whole ms. */
export function lapTimeProblem(ms: number): string | null {
  if (ms === NO_LAP_TIME) return `no lap time (${NO_LAP_TIME})`;
  if (!Number.isFinite(ms)) return `lap time ${ms} is not a number of milliseconds`;
  if (!Number.isInteger(ms)) return `lap time ${ms} ms is not a whole number of milliseconds`;
  if (ms < MIN_LAP_MS) return `lap time ${ms} ms is shorter than 1 s`;
  if (ms > MAX_LAP_MS) return `lap time ${ms} ms is longer than 1 h`;
  return null;
}

function sectorProblem(ms: number, i: number): string | null {
  if (Number.isInteger(ms) && ms >= 0 && ms <= MAX_LAP_MS) return null; // the common case, without building text
  const what = `sector ${i + 1} time ${ms} ms`;
  if (!Number.isFinite(ms) || !Number.isInteger(ms)) return `${what} is not a whole number of milliseconds`;
  if (ms < 0) return `${what} is negative`;
  return `${what} is longer than 1 h`;
}

/**
 * Why a lap does not count, or null when it does. A lap counts only when it was clean (acServer's
 * own BestLap ignores cut laps), has a real time in whole ms (a fractional or absurd time comes
 * from a broken or edited file and would rank first) and belongs to a driver we can name.
 */
export function lapInvalidReason(lap: LapToJudge): string | null {
  // Every lap of every file passes here: a clean one costs no allocation.
  if (lap.identified && lap.cuts === 0) return lapTimesProblem(lap);
  const reasons: string[] = [];
  if (!lap.identified)
    reasons.push('driver not identified (empty slot, or a kicked driver whose GUID could not be recovered)');
  if (lap.cuts !== 0) reasons.push(`${lap.cuts} cut${lap.cuts === 1 ? '' : 's'}`);
  const times = lapTimesProblem(lap);
  if (times !== null) reasons.push(times);
  return reasons.length === 0 ? null : reasons.join('; ');
}

/**
 * Sector problems named one by one in a reason; the rest are counted. A lap may hold 64 sectors,
 * and naming each would make the reason longer than a store keeps (lapLimits.ts): the whole file
 * would be refused for one odd lap.
 */
const SECTORS_NAMED = 3;

/** What is wrong with a lap's lap and sector times, or null. */
export function lapTimesProblem(lap: Pick<LapToJudge, 'lapTimeMs' | 'sectorsMs'>): string | null {
  let problems: string[] | undefined;
  const lapTime = lapTimeProblem(lap.lapTimeMs);
  if (lapTime !== null) problems = [lapTime];
  const sectors = lap.sectorsMs ?? [];
  let named = 0;
  let unnamed = 0;
  for (let i = 0; i < sectors.length; i++) {
    const problem = sectorProblem(sectors[i]!, i);
    if (problem === null) continue;
    if (named++ < SECTORS_NAMED) (problems ??= []).push(problem);
    else unnamed++;
  }
  if (unnamed > 0) problems!.push(`and ${unnamed} more sector${unnamed === 1 ? '' : 's'} with times that are not real`);
  return problems === undefined ? null : problems.join('; ');
}

export function isValidLap(lap: LapToJudge): boolean {
  return lapInvalidReason(lap) === null;
}
