import type { Lap } from '../../../src/domain/types';
import type { IngestOutcome } from '../../../src/app/results/ingestResultsFile';
import { StoreRejectedError } from '../../../src/app/results/storeErrors';
import { startDynalite, type LocalDynamo } from '../../support/dynalite';
import { freshDynamoStore } from '../../support/dynamoStoreFactory';
import { makeLeague } from '../../support/leagueFixture';
import { rawLap, resultsBytes, type RawLap } from '../../support/resultsFile';

// A backlog's new files are stored together (putNewLaps, one write); the stored laps, their keys
// and each file's outcome must be exactly those of reading the files one at a time with key lookups.
const G = '76561198000000001';
const H = '76561198000000002';
const EVENT = 'season1#event2';
const lapsA = [
  rawLap({ DriverGuid: G, Timestamp: 100_000, LapTime: 125_000, Sectors: [40_000, 45_000, 40_000] }),
  rawLap({ DriverGuid: G, Timestamp: 230_000, LapTime: 129_000, Sectors: [40_000, 49_000, 40_000] }),
  rawLap({ DriverGuid: H, DriverName: 'H', CarId: 1, Timestamp: 100_000, LapTime: 131_000 }),
];
// acServer restarted: same GUID and Timestamp, different laps.
const lapsB = [
  rawLap({ DriverGuid: G, Timestamp: 100_000, LapTime: 140_000, Sectors: [40_000, 60_000, 40_000] }),
  rawLap({ DriverGuid: H, DriverName: 'H', CarId: 1, Timestamp: 150_000, LapTime: 130_500, Cuts: 2 }),
];
// Two rows with one key in one file, and a lap of A again.
const lapsC = [
  rawLap({ DriverGuid: H, DriverName: 'H', CarId: 1, Timestamp: 400_000, LapTime: 128_000 }),
  rawLap({ DriverGuid: H, DriverName: 'H', CarId: 1, Timestamp: 400_000, LapTime: 128_500 }),
  lapsA[1]!,
];
type File = { name: string; laps: RawLap[] };
const A: File = { name: '2019_3_2_20_0_PRACTICE.json', laps: lapsA };
const B: File = { name: '2019_3_2_22_0_PRACTICE.json', laps: lapsB };
const A_COPY: File = { name: '2019_3_2_20_0_PRACTICE (1).json', laps: lapsA };
const C: File = { name: '2019_3_3_10_0_PRACTICE.json', laps: lapsC };
const A_EDITED: File = { name: A.name, laps: [lapsA[0]!, { ...lapsA[2]!, LapTime: 127_000 }] };
const input = (f: File) => ({ path: `/results/${f.name}`, bytes: resultsBytes(f.laps), mtime: new Date('2019-03-03') });

const byKey = (laps: Lap[]) => [...laps].sort((x, y) => (x.lapKey < y.lapKey ? -1 : 1));
const outcomeFacts = (o: IngestOutcome) => JSON.stringify(o);

let server: LocalDynamo;
beforeAll(async () => (server = await startDynalite()));
afterAll(() => server.close());

type Ctx = Awaited<ReturnType<typeof makeLeague>>;

/** The same league over a store that has no putNewLaps: every file keyed by lookups, one at a time. */
async function oneAtATime(files: File[][]): Promise<{ laps: Lap[]; outcomes: string[]; board: unknown }> {
  const real = await makeLeague();
  const store = Object.assign(Object.create(real.store) as typeof real.store, { putNewLaps: undefined });
  const ctx = await makeLeague({ dir: real.dir, store });
  try {
    const outcomes: string[] = [];
    for (const f of files.flat()) outcomes.push(outcomeFacts(await ctx.league.onResultsFile(input(f))));
    return { laps: byKey(await real.store.lapsForEvent(EVENT)), outcomes, board: await ctx.league.leaderboard(EVENT) };
  } finally {
    await ctx.league.flush();
    await real.close();
  }
}

async function inBatches(ctx: Ctx, files: File[][]) {
  const outcomes: string[] = [];
  for (const batch of files) {
    const got = await ctx.league.onResultsFiles(batch.map(input));
    expect(got.map((o) => o.file)).toEqual(batch.map((f) => f.name));
    outcomes.push(...got.map(outcomeFacts));
  }
  return { laps: byKey(await ctx.store.lapsForEvent(EVENT)), outcomes, board: await ctx.league.leaderboard(EVENT) };
}

describe.each([
  ['SQLite (one write per batch)', async () => undefined],
  ['DynamoDB (dynalite: one file at a time)', async () => (await freshDynamoStore(server.endpoint)).store],
])('results files stored in batches over %s', (_name, storeFor) => {
  let ctx: Ctx;
  beforeEach(async () => (ctx = await makeLeague({ store: await storeFor() })));
  afterEach(() => ctx.close());

  it.each([
    ['colliding, copied and repeated laps in one batch', [[A, B, A_COPY, C]]],
    ['the same files in another order', [[C, A_COPY, B, A]]],
    [
      'a file read before, changed, in the middle of a batch',
      [
        [A, B],
        [C, A_EDITED, A_COPY],
      ],
    ],
    ['every file in its own batch', [[A], [B], [A_COPY], [C]]],
  ])(
    'when %s, then laps, keys, outcomes and leaderboard equal reading the files one at a time',
    async (_what, files) => {
      const expected = await oneAtATime(files);
      const got = await inBatches(ctx, files);
      expect(got).toEqual(expected);
      // A copy's laps replace the same laps: the count is of laps stored, not of laps read.
      expect((got.board as { lapCount: number }).lapCount).toBe(got.laps.length);
    },
  );
});

describe('a batch the store refuses', () => {
  /** A SQLite store that refuses for good any write holding a lap of `badFile`. */
  async function leagueRefusing(badFile: string, error: Error) {
    const real = await makeLeague();
    const writes: number[] = [];
    const guard =
      <T>(write: (laps: readonly Lap[]) => Promise<T>) =>
      async (laps: readonly Lap[]) => {
        writes.push(laps.length);
        if (laps.some((l) => l.resultFile === badFile)) throw error;
        return write(laps);
      };
    const store = Object.assign(Object.create(real.store) as typeof real.store, {
      putLaps: guard((laps) => real.store.putLaps(laps)),
      putNewLaps: guard((laps) => real.store.putNewLaps!(laps)),
    });
    const ctx = await makeLeague({ dir: real.dir, store });
    return { ...ctx, writes, close: () => real.close() };
  }

  it('when one file holds a lap no store keeps, then only that file fails and the others of the batch are stored', async () => {
    const ctx = await leagueRefusing(B.name, new StoreRejectedError('lap too large'));
    try {
      const outcomes = await ctx.league.onResultsFiles([A, B, C].map(input));
      expect(outcomes.map((o) => o.status)).toEqual(['ingested', 'failed', 'ingested']);
      expect(outcomes[1]).toMatchObject({
        error: expect.stringContaining('the store refused its laps: lap too large'),
      });
      const files = new Set((await ctx.store.lapsForEvent(EVENT)).map((l) => l.resultFile));
      expect([...files].sort()).toEqual([A.name, C.name]);
      expect(await ctx.state.processedFile(B.name)).toMatchObject({ status: 'failed' });
      expect(ctx.writes[0]).toBe(lapsA.length + lapsB.length + lapsC.length); // tried as one write first
    } finally {
      await ctx.close();
    }
  });

  it('when the store is down, then the batch throws and none of its files is recorded, so all are tried again', async () => {
    const ctx = await leagueRefusing(C.name, new Error('SQLITE_IOERR: disk I/O error'));
    try {
      await expect(ctx.league.onResultsFiles([A, B, C].map(input))).rejects.toThrow(/SQLITE_IOERR/);
      for (const f of [A, B, C]) expect(await ctx.state.processedFile(f.name)).toBeUndefined();
      expect(await ctx.store.lapsForEvent(EVENT)).toEqual([]);
    } finally {
      await ctx.close();
    }
  });

  it('when the store fails partway (DynamoDB down after two files), then the files done before are told to the leaderboard and not lost', async () => {
    const real = await makeLeague();
    let puts = 0;
    const store = Object.assign(Object.create(real.store) as typeof real.store, {
      putNewLaps: undefined, // one file at a time, as on DynamoDB
      putLaps: async (laps: readonly Lap[]) => {
        if (++puts === 3) throw new Error('ECONNRESET');
        return real.store.putLaps(laps);
      },
    });
    const ctx = await makeLeague({ dir: real.dir, store });
    const told: string[] = [];
    ctx.league.onLeaderboardChanged({ leaderboardChanged: (eventId) => told.push(eventId) });
    try {
      await expect(ctx.league.onResultsFiles([A, B, C].map(input))).rejects.toThrow(/ECONNRESET/);
      expect(told).toEqual([EVENT, EVENT]);
      expect(await ctx.state.processedFile(A.name)).toMatchObject({ status: 'ingested' });
      expect(await ctx.state.processedFile(B.name)).toMatchObject({ status: 'ingested' });
      expect(await ctx.state.processedFile(C.name)).toBeUndefined();
    } finally {
      await ctx.league.flush();
      await real.close();
    }
  });
});
