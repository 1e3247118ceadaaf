import { StoreRejectedError } from '../../../src/app/results/storeErrors';
import { startDynalite, type LocalDynamo } from '../../support/dynalite';
import { freshDynamoStore } from '../../support/dynamoStoreFactory';
import { rawLap, resultsBytes } from '../../support/resultsFile';
import { makeLeague } from '../../support/leagueFixture';

let server: LocalDynamo;
beforeAll(async () => {
  server = await startDynalite();
});
afterAll(() => server.close());

const input = (name: string, bytes: Buffer) => ({
  path: `/results/${name}`,
  bytes,
  mtime: new Date('2019-03-02T21:00:00Z'),
});
const B = '76561198000000002';

describe('League: lap and sector times that are not real times', () => {
  let ctx: Awaited<ReturnType<typeof makeLeague>>;
  beforeEach(async () => (ctx = await makeLeague()));
  afterEach(() => ctx.close());

  it('when a lap time is fractional (LapTime 1000.5), then it is stored invalid with the reason and never ranks', async () => {
    const bytes = resultsBytes([
      rawLap({ LapTime: 1000.5, Sectors: [300, 300, 400.5], Timestamp: 10 }),
      rawLap({
        DriverGuid: B,
        DriverName: 'Driver B',
        LapTime: 90_000,
        Sectors: [30_000, 30_000, 30_000],
        Timestamp: 20,
      }),
    ]);
    const outcome = await ctx.league.onResultsFile(input('2019_3_2_20_0_PRACTICE.json', bytes));
    expect(outcome).toMatchObject({ status: 'ingested', eventId: 'season1#event2', lapCount: 2, validLapCount: 1 });
    const board = await ctx.league.leaderboard('season1#event2');
    expect(board.rows.map((r) => [r.driverGuid, r.lapTimeMs])).toEqual([[B, 90_000]]);
    const stored = (await ctx.store.lapsForEvent('season1#event2')).find((l) => l.lapTimestamp === 10)!;
    expect(stored).toMatchObject({ lapTimeMs: 1000.5, valid: false });
    expect(stored.invalidReason).toMatch(/^lap time 1000\.5 ms is not a whole number of milliseconds/);
  });

  it('when a store already holds such a lap marked valid (written before this rule), then it does not rank either', async () => {
    const [lap] = await (async () => {
      await ctx.league.onResultsFile(
        input('2019_3_2_20_0_PRACTICE.json', resultsBytes([rawLap({ LapTime: 1000, Sectors: [] })])),
      );
      return ctx.store.lapsForEvent('season1#event2');
    })();
    await ctx.store.putLaps([{ ...lap!, lapTimeMs: 1000.5, valid: true }]);
    ctx.league.changedElsewhere(['season1#event2']);
    expect((await ctx.league.leaderboard('season1#event2')).rows).toEqual([]);
  });
});

describe.each([
  ['SQLite', async () => undefined],
  ['DynamoDB (dynalite)', async () => (await freshDynamoStore(server.endpoint)).store],
])('League over %s: a results file with values no store can keep', (_name, storeFor) => {
  let ctx: Awaited<ReturnType<typeof makeLeague>>;
  beforeEach(async () => (ctx = await makeLeague({ store: await storeFor() })));
  afterEach(() => ctx.close());

  it.each([
    [
      'LapTime 1e300',
      rawLap({ LapTime: 1e300 }),
      'Laps[1].LapTime is 1e+300: a number in a lap must be 0 or between 0.000001 and 9007199254740991 in size',
    ],
    [
      'a 500 KB driver name',
      rawLap({ DriverName: 'é'.repeat(250_000) }),
      'Laps[1].DriverName is 500000 bytes long: at most 1024',
    ],
    ['a 2 KB GUID', rawLap({ DriverGuid: '7'.repeat(2048) }), 'Laps[1].DriverGuid is 2048 bytes long: at most 512'],
  ])(
    'when a lap holds %s, then the file is recorded failed with the reason, not retried, and the next file is ingested',
    async (_what, bad, reason) => {
      const bytes = resultsBytes([rawLap({ Timestamp: 1 }), bad]);
      const outcome = await ctx.league.onResultsFile(input('2019_3_2_20_0_PRACTICE.json', bytes));
      expect(outcome).toEqual({
        status: 'failed',
        file: '2019_3_2_20_0_PRACTICE.json',
        error: `results file 2019_3_2_20_0_PRACTICE.json: ${reason}`,
      });
      expect(await ctx.state.processedFile('2019_3_2_20_0_PRACTICE.json')).toMatchObject({
        status: 'failed',
        error: outcome.status === 'failed' ? outcome.error : '',
      });
      expect(await ctx.league.onResultsFile(input('2019_3_2_20_0_PRACTICE.json', bytes))).toMatchObject({
        status: 'skipped',
      });
      expect(await ctx.store.lapsForEvent('season1#event2')).toEqual([]);
      const next = await ctx.league.onResultsFile(input('2019_3_2_20_30_PRACTICE.json', resultsBytes([rawLap()])));
      expect(next).toMatchObject({ status: 'ingested', lapCount: 1 });
    },
  );
});

describe('League: a store that refuses laps', () => {
  /** A real SQLite store whose lap writes fail with `error`: the one way to reach a refusal the parser did not foresee. */
  async function leagueRefusing(error: Error) {
    const ctx = await makeLeague();
    const real = ctx.store;
    const refuse = async () => Promise.reject(error);
    const refusing = Object.assign(Object.create(real) as typeof real, { putLaps: refuse, putNewLaps: refuse });
    const league = await makeLeague({ dir: ctx.dir, store: refusing });
    return { ...league, close: () => real.close() };
  }

  it('when the store refuses them for good (StoreRejectedError), then the file is recorded failed with the reason', async () => {
    const ctx = await leagueRefusing(
      new StoreRejectedError('DynamoDB refused the laps: Item size has exceeded the maximum allowed size'),
    );
    try {
      const outcome = await ctx.league.onResultsFile(input('2019_3_2_20_0_PRACTICE.json', resultsBytes([rawLap()])));
      expect(outcome).toEqual({
        status: 'failed',
        file: '2019_3_2_20_0_PRACTICE.json',
        error:
          'results file 2019_3_2_20_0_PRACTICE.json: the store refused its laps: DynamoDB refused the laps: Item size has exceeded the maximum allowed size',
      });
      expect(await ctx.state.processedFile('2019_3_2_20_0_PRACTICE.json')).toMatchObject({ status: 'failed' });
    } finally {
      await ctx.close();
    }
  });

  it('when the store is only unavailable, then ingest throws so the file is tried again, and nothing is recorded', async () => {
    const ctx = await leagueRefusing(new Error('connect ECONNREFUSED 127.0.0.1:8000'));
    try {
      await expect(
        ctx.league.onResultsFile(input('2019_3_2_20_0_PRACTICE.json', resultsBytes([rawLap()]))),
      ).rejects.toThrow(/ECONNREFUSED/);
      expect(await ctx.state.processedFile('2019_3_2_20_0_PRACTICE.json')).toBeUndefined();
    } finally {
      await ctx.close();
    }
  });
});
