import { liveLap } from '../../../src/domain/liveLaps/liveLap';
import type { Lap } from '../../../src/domain/types';
import { startDynalite, type LocalDynamo } from '../../support/dynalite';
import { freshDynamoStore } from '../../support/dynamoStoreFactory';
import { makeLeague } from '../../support/leagueFixture';
import { rawLap, resultsBytes, type RawLap } from '../../support/resultsFile';

// acServer's Laps[].Timestamp is server uptime: it restarts at 0 with acServer, so two sessions
// of one event can hold laps with the same GUID and Timestamp that are different laps.
const G = '76561198000000001';
const H = '76561198000000002';
const EVENT = 'season1#event2';
const A_LAPS = [
  rawLap({ DriverGuid: G, Timestamp: 100_000, LapTime: 125_000, Sectors: [40_000, 45_000, 40_000] }), // G's real best
  rawLap({ DriverGuid: G, Timestamp: 230_000, LapTime: 129_000, Sectors: [40_000, 49_000, 40_000] }),
  rawLap({
    DriverGuid: H,
    DriverName: 'Driver H',
    CarId: 1,
    Timestamp: 100_000,
    LapTime: 131_000,
    Sectors: [40_000, 51_000, 40_000],
  }),
];
const B_LAPS = [
  rawLap({ DriverGuid: G, Timestamp: 100_000, LapTime: 140_000, Sectors: [40_000, 60_000, 40_000] }),
  rawLap({ DriverGuid: G, Timestamp: 230_000, LapTime: 129_000, Sectors: [40_000, 48_000, 41_000], Cuts: 1 }),
  rawLap({
    DriverGuid: H,
    DriverName: 'Driver H',
    CarId: 1,
    Timestamp: 150_000,
    LapTime: 130_500,
    Sectors: [40_000, 50_500, 40_000],
  }),
];
const A = { name: '2019_3_2_20_0_PRACTICE.json', laps: A_LAPS };
const B = { name: '2019_3_2_22_0_PRACTICE.json', laps: B_LAPS };
const input = (f: { name: string; laps: RawLap[] }) => ({
  path: `/results/${f.name}`,
  bytes: resultsBytes(f.laps),
  mtime: new Date('2019-03-03T00:00:00Z'),
});

/** What identifies a stored lap apart from its key, sorted: equal lists mean the same laps, once each. */
const content = (laps: Lap[]) =>
  laps.map((l) => `${l.resultFile} ${l.driverGuid} ${l.lapTimestamp} ${l.lapTimeMs} ${l.cuts}`).sort();
const expected = [...A_LAPS.map((l) => ({ ...l, f: A.name })), ...B_LAPS.map((l) => ({ ...l, f: B.name }))]
  .map((l) => `${l.f} ${l.DriverGuid} ${l.Timestamp} ${l.LapTime} ${l.Cuts}`)
  .sort();

let server: LocalDynamo;
beforeAll(async () => {
  server = await startDynalite();
});
afterAll(() => server.close());

describe.each([
  ['SQLite', async () => undefined],
  ['DynamoDB (dynalite)', async () => (await freshDynamoStore(server.endpoint)).store],
])('lap keys over %s: no lap overwrites a different lap', (_name, storeFor) => {
  let ctx: Awaited<ReturnType<typeof makeLeague>>;
  beforeEach(async () => (ctx = await makeLeague({ store: await storeFor() })));
  afterEach(() => ctx.close());
  const stored = () => ctx.store.lapsForEvent(EVENT);

  it('when a later file holds laps with the same GUID and Timestamp, then every lap is kept and the first keeps <guid>#<Timestamp>', async () => {
    await ctx.league.onResultsFile(input(A));
    await ctx.league.onResultsFile(input(B));
    const laps = await stored();
    expect(content(laps)).toEqual(expected);
    const keyOf = (file: string, guid: string, ts: number) =>
      laps.find((l) => l.resultFile === file && l.driverGuid === guid && l.lapTimestamp === ts)!.lapKey;
    expect(keyOf(A.name, G, 100_000)).toBe(`${G}#100000`);
    expect(keyOf(B.name, G, 100_000)).toBe(`${G}#100000#2019_3_2_22_0_PRACTICE`);
    expect(keyOf(B.name, H, 150_000)).toBe(`${H}#150000`);
    const board = await ctx.league.leaderboard(EVENT);
    expect(board.rows.map((r) => [r.driverGuid, r.lapTimeMs])).toEqual([
      [G, 125_000],
      [H, 130_500],
    ]);
    expect(board.lapCount).toBe(6);
  });

  it('when either file is read again, in any order, then the stored laps do not change', async () => {
    await ctx.league.onResultsFile(input(A));
    await ctx.league.onResultsFile(input(B));
    const before = (await stored()).map((l) => l.lapKey).sort();
    for (const f of [A, B, A, B]) {
      expect(await ctx.league.onResultsFile(input(f), { reingest: true })).toMatchObject({
        status: 'ingested',
        reread: true,
      });
    }
    const after = await stored();
    expect(after.map((l) => l.lapKey).sort()).toEqual(before);
    expect(content(after)).toEqual(expected);
  });

  it('when the later file is read first, then it keeps the plain keys and the earlier one is suffixed, with the same laps', async () => {
    await ctx.league.onResultsFile(input(B));
    await ctx.league.onResultsFile(input(A));
    await ctx.league.onResultsFile(input(B), { reingest: true });
    const laps = await stored();
    expect(content(laps)).toEqual(expected);
    expect(laps.find((l) => l.resultFile === A.name && l.lapTimestamp === 100_000 && l.driverGuid === G)!.lapKey).toBe(
      `${G}#100000#2019_3_2_20_0_PRACTICE`,
    );
  });

  it('when a live lap of the later session was stored, then the file copy under its suffixed key replaces it', async () => {
    await ctx.league.onResultsFile(input(A));
    await ctx.league.recordLiveLap(
      liveLap({
        eventId: EVENT,
        driverGuid: G,
        driverName: 'Driver A',
        carModel: 'ks_mazda_mx5_cup',
        lapTimeMs: 140_000,
        cuts: 0,
        track: 'suzuka',
        trackConfig: 'suzukagp',
        sessionType: 'PRACTICE',
        receivedAt: new Date('2019-03-02T21:50:00Z'),
        stamp: 1551563400000,
        sessionStart: null,
      }),
    );
    expect(await stored()).toHaveLength(4);
    await ctx.league.onResultsFile(input(B));
    expect(content(await stored())).toEqual(expected);
    expect((await ctx.league.leaderboard(EVENT)).lapCount).toBe(6);
  });

  it('when the later file is filed under another event, then exactly its laps move and the colliding laps of the first stay', async () => {
    await ctx.league.onResultsFile(input(A));
    await ctx.league.onResultsFile(input(B));
    const moved = await ctx.league.onResultsFile(input(B), { forcedEventId: 'season1#event1' });
    expect(moved).toMatchObject({ status: 'ingested', eventId: 'season1#event1', movedFrom: EVENT });
    expect(content(await stored())).toEqual(expected.filter((l) => l.startsWith(A.name)));
    expect(content(await ctx.store.lapsForEvent('season1#event1'))).toEqual(
      expected.filter((l) => l.startsWith(B.name)),
    );
    expect((await ctx.store.lapsForEvent('season1#event1')).map((l) => l.lapKey).sort()).toEqual([
      `${G}#100000`,
      `${G}#230000`,
      `${H}#150000`,
    ]);
  });
});

// Keying works a chunk of laps at a time (a 200,000-lap file must not hold every looked-up key at
// once); the chunks are the store's business only through lapsWithKeys, so SQLite shows it.
describe('lap keys of large files', () => {
  let ctx: Awaited<ReturnType<typeof makeLeague>>;
  beforeEach(async () => (ctx = await makeLeague()));
  afterEach(() => ctx.close());
  const stored = () => ctx.store.lapsForEvent(EVENT);

  it('when files hold more laps than are keyed in one round, then every lap is still kept once and reading one again changes nothing', async () => {
    // 5,200 laps a file: two rounds of keying; every lap of the second file meets one of the first.
    const many = (lapTime: number) =>
      Array.from({ length: 5200 }, (_, i) =>
        rawLap({ DriverGuid: i % 2 ? G : H, Timestamp: 1000 + i, LapTime: lapTime + i }),
      );
    const second = { name: '2019_3_2_22_0_PRACTICE.json', laps: many(150_000) };
    const big = [{ name: '2019_3_2_20_0_PRACTICE.json', laps: many(130_000) }, second];
    for (const f of big) await ctx.league.onResultsFile(input(f));
    const laps = await stored();
    expect(laps).toHaveLength(10_400);
    expect(new Set(laps.map((l) => `${l.resultFile} ${l.lapTimestamp} ${l.lapTimeMs}`)).size).toBe(10_400);
    await ctx.league.onResultsFile(input(second), { reingest: true });
    expect((await stored()).map((l) => l.lapKey).sort()).toEqual(laps.map((l) => l.lapKey).sort());
  }, 60_000);
});
