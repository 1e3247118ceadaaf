import type { Store } from '../../src/app/ports';
import { StoreRejectedError } from '../../src/app/results/storeErrors';
import type { Lap } from '../../src/domain/types';
import { liveLapKey, LIVE_RESULT_FILE } from '../../src/domain/liveLaps/liveLap';

export interface StoreUnderTest {
  store: Store;
  cleanup(): Promise<void>;
}

export function lap(overrides: Partial<Lap> = {}): Lap {
  const driverGuid = overrides.driverGuid ?? '76561198000000001';
  const lapTimestamp = overrides.lapTimestamp ?? 123456;
  return {
    eventId: 'season1#event2',
    lapKey: `${driverGuid}#${lapTimestamp}`,
    driverGuid,
    driverName: 'Jérôme 小林',
    carModel: 'ks_mazda_mx5_cup',
    lapTimeMs: 101234,
    sectorsMs: [33001, 34002, 34231],
    cuts: 0,
    valid: true,
    tyre: 'SM',
    sessionType: 'PRACTICE',
    track: 'ks_nordschleife',
    trackConfig: '',
    resultFile: '2024_5_12_20_30_PRACTICE.json',
    lapTimestamp,
    sessionTime: '2024-05-12T19:30:00.000Z',
    recordedAt: '2024-05-12T19:30:00.000Z',
    ...overrides,
  };
}

const byKey = (a: Lap, b: Lap) => (a.lapKey < b.lapKey ? -1 : a.lapKey > b.lapKey ? 1 : 0);
const sorted = (laps: Lap[]) => [...laps].sort(byKey);

/** `count` laps of one event over 40 drivers; fields vary so a mixed-up row would show. */
function manyLaps(eventId: string, count: number): Lap[] {
  return Array.from({ length: count }, (_, i) =>
    lap({
      eventId,
      driverGuid: `7656119800${String(i % 40).padStart(7, '0')}`,
      driverName: `Driver ${i % 40} Ł`,
      lapTimestamp: 1000 + i,
      lapKey: `7656119800${String(i % 40).padStart(7, '0')}#${1000 + i}`,
      lapTimeMs: 100000 + i,
      sectorsMs: [30000 + i, 35000, 35000 - i],
      cuts: i % 3,
      valid: i % 3 === 0,
      tyre: i % 5 === 0 ? null : 'SM',
    }),
  );
}

/**
 * One behaviour, every backend: SQLite, dynalite and DynamoDB Local all run these tests.
 * `makeStore` gives a fresh, empty store each time.
 */
export function describeStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`Store contract: ${name}`, () => {
    let sut: StoreUnderTest;
    let store: Store;
    beforeEach(async () => {
      sut = await makeStore();
      store = sut.store;
    });
    afterEach(async () => {
      await sut.cleanup();
    });

    describe('laps', () => {
      it('when an event holds file laps and provisional live laps, then liveLapsForEvent returns the live ones only', async () => {
        const live = lap({
          lapKey: liveLapKey('76561198000000001', 1700000000000),
          resultFile: LIVE_RESULT_FILE,
          lapTimestamp: 0,
        });
        await store.putLaps([
          lap(),
          live,
          lap({ eventId: 'season1#event3', lapKey: liveLapKey('76561198000000001', 5), resultFile: LIVE_RESULT_FILE }),
        ]);
        expect(await store.liveLapsForEvent!('season1#event2')).toEqual([live]);
        expect(await store.liveLapsForEvent!('season1#event9')).toEqual([]);
      });

      it('when laps are put, then lapsForEvent returns exactly those laps with every field intact', async () => {
        const laps = [
          lap(),
          lap({
            lapTimestamp: 223456,
            lapKey: '76561198000000001#223456',
            tyre: null,
            valid: false,
            cuts: 3,
            invalidReason: '3 cuts',
          }),
          lap({
            driverGuid: '76561198000000002',
            lapKey: '76561198000000002#5',
            lapTimestamp: 5,
            driverName: 'Ærø "Quotes" \'n\' emoji 🏁',
            sectorsMs: [],
            sessionType: 'QUALIFY',
            trackConfig: 'layout_gp',
            sessionTime: null,
            recordedAt: '2024-05-13T10:00:00.000Z',
          }),
        ];
        await store.putLaps(laps);
        const got = await store.lapsForEvent('season1#event2');
        expect(sorted(got)).toEqual(sorted(laps));
        const nullTyre = got.find((l) => l.lapTimestamp === 223456)!;
        expect(nullTyre.tyre).toBeNull();
        expect(nullTyre.valid).toBe(false);
        expect(nullTyre.invalidReason).toBe('3 cuts');
        expect('invalidReason' in got.find((l) => l.lapTimestamp === 5)!).toBe(false);
      });

      it('when two servers hold laps with the same GUID and Timestamp, then both are kept, each with its server', async () => {
        const onA = lap({ server: 'a' });
        const onB = lap({ server: 'b', lapKey: `${onA.lapKey}@b`, lapTimeMs: 99999 });
        const noServer = lap({ lapKey: '76561198000000001#7', lapTimestamp: 7 });
        await store.putLaps([onA, onB, noServer]);
        const got = sorted(await store.lapsForEvent('season1#event2'));
        expect(got).toEqual(sorted([onA, onB, noServer]));
        expect(got.map((l) => l.server)).toEqual(sorted([onA, onB, noServer]).map((l) => l.server));
        expect('server' in got.find((l) => l.lapTimestamp === 7)!).toBe(false);
        expect(await store.lapsWithKeys('season1#event2', [onB.lapKey])).toEqual([onB]);
      });

      it('when the same laps are put twice, then count and content do not change', async () => {
        const laps = manyLaps('season1#event2', 60);
        await store.putLaps(laps);
        const first = sorted(await store.lapsForEvent('season1#event2'));
        await store.putLaps(laps);
        const second = sorted(await store.lapsForEvent('season1#event2'));
        expect(second).toHaveLength(60);
        expect(second).toEqual(first);
        expect(second).toEqual(sorted(laps));
      });

      it('when a lap is put again with the same key, then the new content replaces the old', async () => {
        await store.putLaps([lap({ valid: true, lapTimeMs: 101234, tyre: 'SM', cuts: 0 })]);
        await store.putLaps([lap({ valid: false, lapTimeMs: 99999, tyre: null, cuts: 2, sectorsMs: [1, 2] })]);
        const got = await store.lapsForEvent('season1#event2');
        expect(got).toEqual([lap({ valid: false, lapTimeMs: 99999, tyre: null, cuts: 2, sectorsMs: [1, 2] })]);
      });

      it('when laps of several events are stored, then each event returns only its own', async () => {
        const a = lap({ eventId: 'season1#event1' });
        const b = lap({ eventId: 'season1#event2', driverName: 'B' });
        const c = lap({ eventId: 'season1#event10', driverName: 'C' });
        await store.putLaps([a, b, c]);
        expect(await store.lapsForEvent('season1#event1')).toEqual([a]);
        expect(await store.lapsForEvent('season1#event2')).toEqual([b]);
        expect(await store.lapsForEvent('season1#event10')).toEqual([c]);
        expect(await store.lapsForEvent('season1#event3')).toEqual([]);
      });

      it('when 2,500 laps are put in one call, then all 2,500 come back (pagination)', async () => {
        const laps = manyLaps('season2#event1', 2500);
        await store.putLaps(laps);
        await store.putLaps([lap({ eventId: 'season2#event2' })]);
        const got = await store.lapsForEvent('season2#event1');
        expect(got).toHaveLength(2500);
        expect(sorted(got)).toEqual(sorted(laps));
      }, 90_000); // DynamoDB Local on a cold JVM takes ~10 s for this

      it('when one call holds the same key twice, then one lap is stored and the last one wins', async () => {
        await store.putLaps([
          lap({ lapTimeMs: 1 }),
          lap({ driverGuid: 'other', lapKey: 'other#1' }),
          lap({ lapTimeMs: 2 }),
        ]);
        const got = sorted(await store.lapsForEvent('season1#event2'));
        expect(got).toHaveLength(2);
        expect(got.find((l) => l.lapKey === '76561198000000001#123456')!.lapTimeMs).toBe(2);
      });

      it('when laps are deleted by key, then only those are gone; unknown keys and other events are untouched', async () => {
        const keep = lap({ lapKey: '76561198000000001#1', lapTimestamp: 1 });
        const live = [
          lap({ lapKey: '76561198000000001#live#1700000000000' }),
          lap({ lapKey: '76561198000000001#live#1700000000001' }),
        ];
        const otherEvent = lap({ eventId: 'season1#event3', lapKey: live[0]!.lapKey });
        await store.putLaps([keep, ...live, otherEvent]);
        await store.deleteLaps('season1#event2', [live[0]!.lapKey, live[1]!.lapKey, 'never#there']);
        expect(await store.lapsForEvent('season1#event2')).toEqual([keep]);
        expect(await store.lapsForEvent('season1#event3')).toEqual([otherEvent]);
      });

      it('when more keys than one batch are deleted, some twice, then every one is gone', async () => {
        const laps = manyLaps('season2#event3', 60);
        await store.putLaps(laps);
        const keys = laps.slice(0, 55).map((l) => l.lapKey);
        await store.deleteLaps('season2#event3', [...keys, keys[0]!]);
        expect(sorted(await store.lapsForEvent('season2#event3'))).toEqual(sorted(laps.slice(55)));
        await store.deleteLaps('season2#event3', []);
        expect(await store.lapsForEvent('season2#event3')).toHaveLength(5);
      });

      it('when laps are asked for by key, then exactly the stored ones of that event come back, intact, past one batch', async () => {
        const laps = manyLaps('season2#event4', 150);
        const otherEvent = lap({ eventId: 'season2#event5', lapKey: laps[0]!.lapKey, driverName: 'other event' });
        await store.putLaps([...laps, otherEvent]);
        const wanted = laps.filter((_, i) => i % 5 !== 0);
        const keys = [...wanted.map((l) => l.lapKey), wanted[0]!.lapKey, 'never#there', `${laps[0]!.lapKey}#suffix`];
        expect(sorted(await store.lapsWithKeys('season2#event4', keys))).toEqual(sorted(wanted));
        expect(await store.lapsWithKeys('season2#event5', [laps[0]!.lapKey, laps[1]!.lapKey])).toEqual([otherEvent]);
        expect(await store.lapsWithKeys('season2#event4', [])).toEqual([]);
        expect(await store.lapsWithKeys('season2#event6', ['never#there'])).toEqual([]);
      });

      it('when no laps are put, then nothing happens', async () => {
        await store.putLaps([]);
        expect(await store.lapsForEvent('season1#event2')).toEqual([]);
      });
    });

    describe('limits: every store keeps and refuses the same laps', () => {
      const bytes = (n: number, unit = 'é') =>
        unit.repeat(Math.floor(n / Buffer.byteLength(unit))) + 'x'.repeat(n % Buffer.byteLength(unit));
      it('when a lap is at every limit, then it is stored intact', async () => {
        const driverGuid = bytes(512, '7');
        const lapKey = `${driverGuid}#${bytes(1024 - 513, '9')}`;
        const big = lap({
          driverGuid,
          lapKey,
          driverName: bytes(1024, '小'),
          carModel: bytes(1024),
          tyre: bytes(1024),
          track: bytes(1024),
          trackConfig: bytes(1024),
          resultFile: bytes(255),
          lapTimeMs: Number.MAX_SAFE_INTEGER,
          lapTimestamp: -Number.MAX_SAFE_INTEGER,
          cuts: 1e-6,
          sectorsMs: Array.from({ length: 64 }, (_, i) => (i % 2 ? 1e-6 * (i + 1) : 1e15 + i)),
          valid: false,
          invalidReason: bytes(1024),
        });
        expect(Buffer.byteLength(big.lapKey)).toBe(1024);
        await store.putLaps([big]);
        expect(await store.lapsForEvent('season1#event2')).toEqual([big]);
      });

      const beyond: Array<[string, Partial<Lap>, RegExp]> = [
        ['a lap time of 1e300', { lapTimeMs: 1e300 }, /lapTimeMs is 1e\+300/],
        ['a sector of -1e-200', { sectorsMs: [1, -1e-200] }, /sectorsMs\[1\] is -1e-200/],
        ['a Timestamp beyond 2^53', { lapTimestamp: 2 ** 53 }, /lapTimestamp is 9007199254740992/],
        ['a 500 KB driver name', { driverName: bytes(500_000) }, /driverName is 500000 bytes long/],
        [
          'a 2 KB GUID',
          { driverGuid: bytes(2048, '7'), lapKey: `${bytes(2048, '7')}#1` },
          /driverGuid is 2048 bytes long/,
        ],
        ['a lapKey of 1025 bytes', { lapKey: bytes(1025) }, /lapKey is 1025 bytes long/],
        ['65 sectors', { sectorsMs: Array.from({ length: 65 }, () => 1000) }, /sectorsMs has 65 entries/],
      ];
      it.each(beyond)(
        'when a lap holds %s, then putLaps refuses the whole call as StoreRejectedError and stores nothing',
        async (_what, bad, message) => {
          const good = lap({ lapKey: 'g#1', lapTimestamp: 1 });
          const err = await store.putLaps([good, lap({ ...bad })]).catch((e: unknown) => e);
          expect(err).toBeInstanceOf(StoreRejectedError);
          expect((err as Error).message).toMatch(message);
          expect(await store.lapsForEvent('season1#event2')).toEqual([]);
        },
      );

      it('when a state key or value is beyond the limits, then put refuses it as StoreRejectedError and keeps the old value', async () => {
        await store.put('ns', 'k', 'small');
        await expect(store.put('ns', 'k', bytes(350_001))).rejects.toThrow(StoreRejectedError);
        await expect(store.put('ns', bytes(1025), 1)).rejects.toThrow(StoreRejectedError);
        await store.put('ns', bytes(1024), bytes(350_000 - 2));
        expect(await store.get('ns', 'k')).toBe('small');
        expect(await store.get('ns', bytes(1024))).toBe(bytes(350_000 - 2));
      });
    });

    describe('state', () => {
      it('when a key was never put, then get gives undefined and list gives nothing', async () => {
        expect(await store.get('message', 'leaderboard')).toBeUndefined();
        expect(await store.list('message')).toEqual([]);
      });

      it('when values are put, then get returns them per namespace, nested JSON intact', async () => {
        const nested = {
          channelId: '123456789012345678',
          list: [1, 'two', null, { deep: [true, false, ''] }],
          empty: {},
          text: 'Jérôme 小林 🏁',
          float: 1.5,
          negative: -3,
        };
        await store.put('message', 'leaderboard', nested);
        await store.put('alias', 'leaderboard', 'a plain string');
        await store.put('rotation', 'last', null);
        await store.put('counter', 'n', 0);
        await store.put('flags', 'list', [false]);
        expect(await store.get('message', 'leaderboard')).toEqual(nested);
        expect(await store.get('alias', 'leaderboard')).toBe('a plain string');
        expect(await store.get('rotation', 'last')).toBeNull();
        expect(await store.get('counter', 'n')).toBe(0);
        expect(await store.get('flags', 'list')).toEqual([false]);
      });

      it('when a key is put again, then the new value replaces the old', async () => {
        await store.put('alias', '7656119', { name: 'Old' });
        await store.put('alias', '7656119', { name: 'New' });
        expect(await store.get('alias', '7656119')).toEqual({ name: 'New' });
        expect(await store.list('alias')).toEqual([{ key: '7656119', value: { name: 'New' } }]);
      });

      it('when keys are listed, then only that namespace comes back, every entry', async () => {
        const keys = Array.from({ length: 230 }, (_, i) => `2024_5_${i}_20_30_PRACTICE.json`);
        for (const key of keys) await store.put('processedFile', key, { file: key, hash: 'h' + key.length });
        await store.put('processedFileX', 'other', 1);
        await store.put('alias', 'x#y Ł', 'n');
        const listed = await store.list<{ file: string }>('processedFile');
        expect(listed.map((e) => e.key).sort()).toEqual([...keys].sort());
        for (const e of listed) expect(e.value.file).toBe(e.key);
        expect(await store.list('alias')).toEqual([{ key: 'x#y Ł', value: 'n' }]);
      });

      it('when a key is deleted, then it is gone from get and list and other keys stay', async () => {
        await store.put('message', 'a', 1);
        await store.put('message', 'b', 2);
        await store.put('other', 'a', 3);
        await store.delete('message', 'a');
        await store.delete('message', 'never-there');
        expect(await store.get('message', 'a')).toBeUndefined();
        expect(await store.list('message')).toEqual([{ key: 'b', value: 2 }]);
        expect(await store.get('other', 'a')).toBe(3);
      });

      it('when a key is inserted, then only the first insert stores it and says so; the value stays the first one', async () => {
        expect(await store.insert('struck:season1#event2', 'g#1', { reason: 'first' })).toBe(true);
        expect(await store.insert('struck:season1#event2', 'g#1', { reason: 'second' })).toBe(false);
        expect(await store.get('struck:season1#event2', 'g#1')).toEqual({ reason: 'first' });
        expect(await store.insert('struck:season1#event3', 'g#1', 1)).toBe(true);
      });

      it('when the same key is inserted many times at once, then exactly one insert wins', async () => {
        const results = await Promise.all(
          Array.from({ length: 8 }, (_, i) => store.insert('link', '76561198000000001', { userId: String(i) })),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        const winner = results.indexOf(true);
        expect(await store.get('link', '76561198000000001')).toEqual({ userId: String(winner) });
      });

      it('when a key is taken, then its value comes back once and the key is gone; a missing key gives undefined', async () => {
        await store.put('request', 'r1', { guid: 'g', n: [1, 2] });
        await store.put('request', 'r2', 2);
        expect(await store.take('request', 'r1')).toEqual({ guid: 'g', n: [1, 2] });
        expect(await store.take('request', 'r1')).toBeUndefined();
        expect(await store.take('request', 'never')).toBeUndefined();
        expect(await store.list('request')).toEqual([{ key: 'r2', value: 2 }]);
      });

      it('when the same key is taken many times at once, then exactly one take gets the value', async () => {
        await store.put('request', 'r1', 'once');
        const results = await Promise.all(Array.from({ length: 8 }, () => store.take('request', 'r1')));
        expect(results.filter((r) => r !== undefined)).toEqual(['once']);
      });

      it('when an insert is beyond the limits or empty, then it is refused like put', async () => {
        await expect(store.insert('ns', '', 1)).rejects.toThrow(/must not be empty/);
        await expect(store.insert('ns', 'k', 'x'.repeat(350_001))).rejects.toThrow(StoreRejectedError);
        expect(await store.get('ns', 'k')).toBeUndefined();
      });

      it('when a namespace or key is empty, then put refuses it', async () => {
        await expect(store.put('', 'k', 1)).rejects.toThrow(/must not be empty/);
        await expect(store.put('ns', '', 1)).rejects.toThrow(/must not be empty/);
      });

      it('when a value is not JSON, then put refuses it', async () => {
        await expect(store.put('ns', 'k', undefined)).rejects.toThrow(/JSON/);
      });
    });

    it('when closed twice, then the second close is harmless', async () => {
      await store.put('ns', 'k', 1);
      await store.close();
      await expect(store.close()).resolves.toBeUndefined();
    });
  });
}
