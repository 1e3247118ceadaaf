import { RankingCache } from '../../../src/app/leaderboard/RankingCache';
import type { LapStore } from '../../../src/app/ports';
import type { Lap } from '../../../src/domain/types';

const lap = (n: number, time = 90_000 + n): Lap => ({
  eventId: 'e',
  lapKey: `g${n % 3}#${n}`,
  driverGuid: `7656119800000000${n % 3}`,
  driverName: `D${n % 3}`,
  carModel: 'car',
  lapTimeMs: time,
  sectorsMs: [time],
  cuts: 0,
  valid: true,
  tyre: null,
  sessionType: 'PRACTICE',
  track: 't',
  trackConfig: '',
  resultFile: 'f',
  lapTimestamp: n,
  sessionTime: null,
  recordedAt: '2026-01-01T00:00:00.000Z',
});

/** A store in memory whose reads take a while, like DynamoDB under load. */
class SlowStore implements LapStore {
  laps = new Map<string, Lap>();
  failNextRead = false;
  async putLaps(laps: readonly Lap[]) {
    await new Promise((r) => setTimeout(r, 5));
    for (const l of laps) this.laps.set(l.lapKey, l);
  }
  async lapsForEvent() {
    await new Promise((r) => setTimeout(r, 20));
    if (this.failNextRead) {
      this.failNextRead = false;
      throw new Error('ProvisionedThroughputExceededException');
    }
    return [...this.laps.values()];
  }
  async lapsWithKeys(_e: string, keys: readonly string[]) {
    return keys.flatMap((k) => this.laps.get(k) ?? []);
  }
  async deleteLaps(_e: string, keys: readonly string[]) {
    for (const k of keys) this.laps.delete(k);
  }
}

/** The same store read only page by page (7 laps a page): reading every lap at once fails the test. */
class PagedStore extends SlowStore {
  override async lapsForEvent(): Promise<Lap[]> {
    throw new Error('read whole');
  }
  async *lapPagesForEvent(): AsyncIterable<Lap[]> {
    const all = [...this.laps.values()];
    for (let i = 0; i < all.length; i += 7) yield all.slice(i, i + 7);
  }
}

/** A store that stores new laps in one write (putNewLaps), counting its reads of whole events. */
class NewLapsStore extends SlowStore {
  reads = 0;
  override async lapsForEvent(): Promise<Lap[]> {
    this.reads++;
    return super.lapsForEvent();
  }
  async putNewLaps(laps: readonly Lap[]) {
    const taken = laps.filter((l) => this.laps.has(l.lapKey));
    await this.putLaps(laps.filter((l) => !this.laps.has(l.lapKey)));
    return taken;
  }
}

describe('RankingCache', () => {
  it('when new laps of an event not read yet are stored, then it is read once before the first write and never read back', async () => {
    const store = new NewLapsStore();
    const cache = new RankingCache(store);
    const writer = cache.writingThrough();
    for (let batch = 0; batch < 3; batch++)
      await writer.putNewLaps!(Array.from({ length: 10 }, (_, i) => lap(batch * 10 + i, 90_000 - batch * 10 - i)));
    expect(await writer.putNewLaps!([lap(5, 1)])).toEqual([lap(5, 1)]); // key taken: not stored, not counted
    const ranking = await cache.get('e');
    expect(store.reads).toBe(1);
    expect(ranking.lapCount).toBe(30);
    const fromStore = await new RankingCache(store).get('e');
    expect(new Set(ranking.laps)).toEqual(new Set(fromStore.laps));
  });

  it('when the store reads an event page by page, then the ranking and lap count are those of reading it whole', async () => {
    const laps = Array.from({ length: 50 }, (_, i) => lap(i, 90_000 + ((i * 37) % 41)));
    const whole = new SlowStore();
    const paged = new PagedStore();
    await whole.putLaps(laps);
    await paged.putLaps(laps);
    const fromWhole = await new RankingCache(whole).get('e');
    const fromPages = await new RankingCache(paged).get('e');
    expect(fromPages.lapCount).toBe(50);
    expect(new Set(fromPages.laps)).toEqual(new Set(fromWhole.laps));
  });

  it('when a first read is asked for while a write is queued, then the laps are counted once', async () => {
    const store = new SlowStore();
    const cache = new RankingCache(store);
    const writer = cache.writingThrough();
    const write = writer.putLaps([lap(1), lap(2), lap(3)]);
    const read = cache.get('e');
    await write;
    expect((await read).lapCount).toBe(3);
    await writer.putLaps([lap(4)]);
    expect((await cache.get('e')).lapCount).toBe(4);
  });

  it('when a read fails while writes go on, then nothing is left unhandled and the next read tries again', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      const store = new SlowStore();
      const cache = new RankingCache(store);
      store.failNextRead = true;
      const read = cache.get('e');
      const write = cache.writingThrough().putLaps([lap(1)]);
      await expect(read).rejects.toThrow(/Throughput/);
      await write;
      await new Promise((r) => setTimeout(r, 20));
      expect(unhandled).toEqual([]);
      expect((await cache.get('e')).lapCount).toBe(1);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
