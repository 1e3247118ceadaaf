import type { Lap } from '../types';

// lapKey = <driverGuid>#<Timestamp>, but Timestamp is acServer uptime and restarts at 0 with
// acServer, so a later session can hold a different lap under the same key. The first lap keeps
// that key (compatible with the original suite's table); a different lap that meets it takes the
// next candidate: the key plus its results file's name, then a counter. A lap always looks for
// itself first, so reading any file again, in any order, finds the keys its laps already have.

/**
 * The same lap: same driver and Timestamp, and either read from the same results file (read
 * again, perhaps edited: it replaces its own laps) or with every timed fact equal (a copy).
 */
export function sameLap(a: Lap, b: Lap): boolean {
  if (a.driverGuid !== b.driverGuid || a.lapTimestamp !== b.lapTimestamp) return false;
  if (a.resultFile === b.resultFile) return true;
  return (
    a.carModel === b.carModel &&
    a.lapTimeMs === b.lapTimeMs &&
    a.cuts === b.cuts &&
    a.sectorsMs.length === b.sectorsMs.length &&
    a.sectorsMs.every((ms, i) => ms === b.sectorsMs[i])
  );
}

/** `#` in the suffix could spell a live lap's `#live#`; the counter uses `~` for the same reason. */
function fileSuffix(resultFile: string): string {
  return resultFile
    .replace(/\.json$/i, '')
    .replace(/#/g, '_')
    .slice(0, 200);
}

function candidate(lapKey: string, suffix: string, n: number): string {
  if (n === 0) return lapKey;
  return n === 1 ? `${lapKey}#${suffix}` : `${lapKey}#${suffix}~${n}`;
}

/** The n-th key a lap may take: 0 its own, 1 with its file's name, then a counter. */
export function lapKeyCandidate(lap: Lap, n: number): string {
  return candidate(lap.lapKey, fileSuffix(lap.resultFile), n);
}

/** Candidates of one lap; the suffix is worked out once per file (a backlog keys thousands of laps). */
function candidatesOf(suffixes: Map<string, string>, lap: Lap): (n: number) => string {
  let suffix = suffixes.get(lap.resultFile);
  if (suffix === undefined) suffixes.set(lap.resultFile, (suffix = fileSuffix(lap.resultFile)));
  return (n) => candidate(lap.lapKey, suffix, n);
}

export type LapKeyPlan = { done: true; laps: Lap[] } | { done: false; lookup: string[] };

/**
 * Gives each lap (all of one event) a key no different lap holds. `stored` maps the keys looked up
 * so far to the lap stored there, or null when free. Until every lap is placed, the plan names
 * keys to look up before calling again. The first round asks for each lap's own key and its file
 * key, so a lap already stored under either is found even when the other is free.
 */
export function planLapKeys(laps: readonly Lap[], stored: ReadonlyMap<string, Lap | null>): LapKeyPlan {
  const suffixes = new Map<string, string>();
  const lookup = new Set<string>();
  for (const lap of laps) {
    const key = candidatesOf(suffixes, lap);
    if (!stored.has(lap.lapKey)) lookup.add(lap.lapKey);
    if (!stored.has(key(1))) lookup.add(key(1));
  }
  if (lookup.size > 0) return { done: false, lookup: [...lookup] };

  const taken = new Set<string>();
  const keyed: Lap[] = [];
  for (const lap of laps) {
    const step = keyFor(lap, candidatesOf(suffixes, lap), stored, taken);
    if ('lookup' in step) {
      lookup.add(step.lookup);
      continue;
    }
    taken.add(step.key);
    keyed.push(step.key === lap.lapKey ? lap : { ...lap, lapKey: step.key });
  }
  return lookup.size > 0 ? { done: false, lookup: [...lookup] } : { done: true, laps: keyed };
}

/** The key where this lap already is, else its first free candidate; or the next key to look up. */
function keyFor(
  lap: Lap,
  candidateKey: (n: number) => string,
  stored: ReadonlyMap<string, Lap | null>,
  taken: ReadonlySet<string>,
): { key: string } | { lookup: string } {
  let free: string | undefined;
  for (let n = 0; ; n++) {
    const key = candidateKey(n);
    if (!stored.has(key)) return free !== undefined ? { key: free } : { lookup: key };
    if (taken.has(key)) continue; // another lap of this batch
    const there = stored.get(key) ?? null;
    if (there === null) free ??= key;
    else if (sameLap(there, lap)) return { key };
  }
}
