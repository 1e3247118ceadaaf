import { planLapKeys } from '../domain/lapKeys';
import type { Lap } from '../domain/types';
import type { LapStore } from './ports';

export interface KeyedLaps {
  /** The laps with keys no different stored lap holds (src/domain/lapKeys.ts). */
  laps: Lap[];
  /** Every key looked up on the way, with the lap stored there (null: free). */
  stored: ReadonlyMap<string, Lap | null>;
}

/**
 * Keys the laps of one results file in one event: looks up the few keys each lap may take (a
 * point read per key, one BatchGetItem per 100 on DynamoDB) until every lap has its own.
 */
export async function keyLaps(store: Pick<LapStore, 'lapsWithKeys'>, laps: readonly Lap[]): Promise<KeyedLaps> {
  const stored = new Map<string, Lap | null>();
  const eventId = laps[0]?.eventId;
  if (eventId === undefined) return { laps: [], stored };
  for (;;) {
    const plan = planLapKeys(laps, stored);
    if (plan.done) return { laps: plan.laps, stored };
    for (const key of plan.lookup) stored.set(key, null);
    for (const lap of await store.lapsWithKeys(eventId, plan.lookup)) stored.set(lap.lapKey, lap);
  }
}

/** Keys under which `file`'s own laps are stored in `eventId` (to move them to another event). */
export async function storedKeysOfFile(store: Pick<LapStore, 'lapsWithKeys'>, laps: readonly Lap[], eventId: string, file: string): Promise<string[]> {
  const { laps: there, stored } = await keyLaps(store, laps.map((l) => ({ ...l, eventId })));
  return there.filter((l) => stored.get(l.lapKey)?.resultFile === file).map((l) => l.lapKey);
}
