import { planLapKeys } from '../../domain/results/lapKeys';
import type { Lap } from '../../domain/types';
import type { LapStore } from '../ports';

export interface KeyedLaps {
  /** The laps with keys no different stored lap holds (src/domain/lapKeys.ts). */
  laps: Lap[];
  /** The keys looked up on the way that hold a lap, with that lap. */
  stored: ReadonlyMap<string, Lap>;
  /** Keys of `laps` that hold a lap already (the same lap, read again or copied): storing replaces it. */
  replacing: ReadonlySet<string>;
}

/** Laps keyed per round: a 200,000-lap file must not hold 400,000 looked-up keys at once. */
const CHUNK = 5000;

/**
 * Keys the laps of one results file in one event: looks up the few keys each lap may take (a
 * point read per key, one BatchGetItem per 100 on DynamoDB) until every lap has its own. Laps of
 * one file never compete for a key (each key starts with the lap's own, unique in its file), so
 * they are keyed a chunk at a time.
 */
export async function keyLaps(store: Pick<LapStore, 'lapsWithKeys'>, laps: readonly Lap[]): Promise<KeyedLaps> {
  const keyed: Lap[] = [];
  const found = new Map<string, Lap>();
  for (let i = 0; i < laps.length; i += CHUNK) {
    const stored = new Map<string, Lap | null>();
    const chunk = laps.slice(i, i + CHUNK);
    const eventId = chunk[0]!.eventId;
    for (;;) {
      const plan = planLapKeys(chunk, stored);
      if (plan.done) {
        for (const lap of plan.laps) keyed.push(lap);
        break;
      }
      for (const key of plan.lookup) stored.set(key, null);
      for (const lap of await store.lapsWithKeys(eventId, plan.lookup)) {
        stored.set(lap.lapKey, lap);
        found.set(lap.lapKey, lap);
      }
    }
  }
  return {
    laps: keyed,
    stored: found,
    replacing: new Set(keyed.filter((l) => found.has(l.lapKey)).map((l) => l.lapKey)),
  };
}

/**
 * Where `file`'s own laps are stored in `eventId` (to move them to another event), each with the
 * key its copy got in the new event (`keyed`, in the order of `laps`), so decisions about a lap follow it.
 */
export async function storedKeysOfFile(
  store: Pick<LapStore, 'lapsWithKeys'>,
  laps: readonly Lap[],
  eventId: string,
  file: string,
  keyed: readonly Lap[],
): Promise<Array<{ from: string; to: string }>> {
  const { laps: there, stored } = await keyLaps(
    store,
    laps.map((l) => ({ ...l, eventId })),
  );
  return there.flatMap((l, i) =>
    stored.get(l.lapKey)?.resultFile === file ? [{ from: l.lapKey, to: keyed[i]!.lapKey }] : [],
  );
}
