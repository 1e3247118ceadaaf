import { rawLap, resultsBytes } from '../support/resultsFile';
import { makeLeague } from '../support/leagueFixture';

const input = (name: string, bytes: Buffer) => ({ path: `/results/${name}`, bytes, mtime: new Date('2019-03-02T21:00:00Z') });
const B = '76561198000000002';

describe('League: lap and sector times that are not real times', () => {
  let ctx: Awaited<ReturnType<typeof makeLeague>>;
  beforeEach(async () => (ctx = await makeLeague()));
  afterEach(() => ctx.close());

  it('when a lap time is fractional (LapTime 1000.5), then it is stored invalid with the reason and never ranks', async () => {
    const bytes = resultsBytes([
      rawLap({ LapTime: 1000.5, Sectors: [300, 300, 400.5], Timestamp: 10 }),
      rawLap({ DriverGuid: B, DriverName: 'Driver B', LapTime: 90_000, Sectors: [30_000, 30_000, 30_000], Timestamp: 20 }),
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
    const [lap] = (await (async () => {
      await ctx.league.onResultsFile(input('2019_3_2_20_0_PRACTICE.json', resultsBytes([rawLap({ LapTime: 1000, Sectors: [] })])));
      return ctx.store.lapsForEvent('season1#event2');
    })());
    await ctx.store.putLaps([{ ...lap!, lapTimeMs: 1000.5, valid: true }]);
    ctx.league.changedElsewhere(['season1#event2']);
    expect((await ctx.league.leaderboard('season1#event2')).rows).toEqual([]);
  });
});
