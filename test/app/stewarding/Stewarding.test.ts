import { readFileSync } from 'node:fs';
import { Stewarding } from '../../../src/app/stewarding/Stewarding';
import { Standings } from '../../../src/app/standings/Standings';
import { eventLeaderboardPath, type LeaderboardJson } from '../../../src/app/leaderboard/leaderboardFiles';
import { liveLap } from '../../../src/domain/liveLaps/liveLap';
import type { Actor, AuditEntry } from '../../../src/domain/stewarding/types';
import { silentLogger } from '../../../src/logger';
import { startDynalite, type LocalDynamo } from '../../support/dynalite';
import { freshDynamoStore } from '../../support/dynamoStoreFactory';
import { makeLeague } from '../../support/leagueFixture';
import { rawLap, resultsBytes, type RawLap } from '../../support/resultsFile';
import { OutputFiles } from '../../../src/adapters/files/OutputFiles';

const G = '76561198000000001';
const H = '76561198000000002';
const EVENT = 'season1#event2';
const steward: Actor = { kind: 'cli', id: 'alice', name: 'alice' };
// Two sessions of event2; acServer restarted in between, so G's Timestamp 100000 comes twice (lap keys get a file suffix).
const A = {
  name: '2019_3_2_20_0_PRACTICE.json',
  laps: [
    rawLap({ DriverGuid: G, DriverName: 'Gina', Timestamp: 100_000, LapTime: 125_000 }),
    rawLap({ DriverGuid: G, DriverName: 'Gina', Timestamp: 230_000, LapTime: 129_000 }),
    rawLap({ DriverGuid: H, DriverName: 'Hugo', CarId: 1, Timestamp: 100_000, LapTime: 127_000 }),
  ],
};
const B = {
  name: '2019_3_2_22_0_PRACTICE.json',
  laps: [rawLap({ DriverGuid: G, DriverName: 'Gina', Timestamp: 100_000, LapTime: 124_000 })],
};
const input = (f: { name: string; laps: RawLap[] }) => ({
  path: `/results/${f.name}`,
  bytes: resultsBytes(f.laps),
  mtime: new Date('2019-03-03T00:00:00Z'),
});

let server: LocalDynamo;
beforeAll(async () => {
  server = await startDynalite();
});
afterAll(() => server.close());

describe.each([
  ['SQLite', async () => undefined],
  ['DynamoDB (dynalite)', async () => (await freshDynamoStore(server.endpoint)).store],
])('stewarding over %s', (_name, storeFor) => {
  let ctx: Awaited<ReturnType<typeof makeLeague>>;
  let stewards: Stewarding;
  let recorded: AuditEntry[];
  beforeEach(async () => {
    ctx = await makeLeague({ store: await storeFor() });
    recorded = [];
    stewards = new Stewarding({
      league: ctx.league,
      state: ctx.stewarding,
      season: () => ctx.config,
      clock: { now: () => new Date('2019-03-03T12:00:00Z') },
      log: silentLogger,
      recorded: (e) => recorded.push(e),
    });
    await ctx.league.onResultsFile(input(A));
  });
  afterEach(() => ctx.close());
  const board = async () => (await ctx.league.leaderboard(EVENT)).rows.map((r) => [r.driverName, r.lapTimeMs]);

  it("when a driver's best lap is struck, then the next best counts everywhere; restoring it puts it back", async () => {
    const standings = new Standings({
      league: ctx.league,
      state: ctx.state,
      season: () => ctx.config,
      dataDir: ctx.dir,
      outputs: new OutputFiles(ctx.dir, ctx.state),
      log: silentLogger,
    });
    expect(await board()).toEqual([
      ['Gina', 125_000],
      ['Hugo', 127_000],
    ]);
    const out = await stewards.strike({ eventId: EVENT, driver: 'gina', reason: 'cut at the chicane', by: steward });
    expect(out).toMatchObject({
      status: 'done',
      value: { lapKey: `${G}#100000`, lapTimeMs: 125_000, reason: 'cut at the chicane' },
    });
    expect(await board()).toEqual([
      ['Hugo', 127_000],
      ['Gina', 129_000],
    ]);
    expect((await ctx.league.carLeaderboard(EVENT, 'ks_mazda_mx5_cup')).rows[0]!.driverGuid).toBe(H);
    expect((await standings.compute('season1'))!.rows.map((r) => [r.driverGuid, r.results[1]!.position])).toEqual([
      [H, 1],
      [G, 2],
    ]);
    await ctx.league.flush();
    const file = JSON.parse(readFileSync(eventLeaderboardPath(ctx.dir, EVENT), 'utf8')) as LeaderboardJson;
    expect(file.rows.map((r) => [r.driverGuid, r.lapTimeMs])).toEqual([
      [H, 127_000],
      [G, 129_000],
    ]);
    const counted = await ctx.league.countedLaps(EVENT);
    expect(counted.find((l) => l.lapKey === `${G}#100000`)).toMatchObject({
      valid: false,
      invalidReason: 'struck by the stewards: cut at the chicane',
    });

    expect(await stewards.restore({ eventId: EVENT, driver: G, by: steward })).toMatchObject({ status: 'done' });
    expect(await board()).toEqual([
      ['Gina', 125_000],
      ['Hugo', 127_000],
    ]);
    expect(recorded.map((e) => [e.action, e.driverGuid, e.lapKey, e.by.id])).toEqual([
      ['strike', G, `${G}#100000`, 'alice'],
      ['restore', G, `${G}#100000`, 'alice'],
    ]);
    expect(await stewards.audit()).toEqual(recorded);
  });

  it('when the same lap is struck twice at once, then one lap is struck and one action recorded', async () => {
    const outs = await Promise.all(
      [1, 2, 3].map(() => stewards.strike({ eventId: EVENT, driver: G, reason: 'twice', by: steward })),
    );
    expect(outs.map((o) => o.status).sort()).toEqual(['already', 'already', 'done']);
    expect(await ctx.stewarding.struck(EVENT)).toHaveLength(1);
    expect(await stewards.audit()).toHaveLength(1);
    expect(await board()).toEqual([
      ['Hugo', 127_000],
      ['Gina', 129_000],
    ]);
  });

  it("when the struck lap's file is read again, even while striking, then the lap stays struck", async () => {
    const [out] = await Promise.all([
      stewards.strike({ eventId: EVENT, driver: G, reason: 'exploit', by: steward }),
      ctx.league.onResultsFile(input(A), { reingest: true }),
    ]);
    expect(out.status).toBe('done');
    await ctx.league.onResultsFile(input(A), { reingest: true });
    expect(await board()).toEqual([
      ['Hugo', 127_000],
      ['Gina', 129_000],
    ]);
    // A copy under another name is new to the bot: its laps are merged into the cached ranking, judged there too.
    expect(await ctx.league.onResultsFile(input({ ...A, name: '2019_3_2_20_0_PRACTICE (1).json' }))).toMatchObject({
      status: 'ingested',
      reread: false,
    });
    expect(await board()).toEqual([
      ['Hugo', 127_000],
      ['Gina', 129_000],
    ]);
    expect(await ctx.stewarding.struck(EVENT)).toHaveLength(1);
  });

  it('when a lap whose key carries a file suffix is struck, then only that lap is struck', async () => {
    await ctx.league.onResultsFile(input(B));
    expect(await board()).toEqual([
      ['Gina', 124_000],
      ['Hugo', 127_000],
    ]);
    const out = await stewards.strike({ eventId: EVENT, driver: G, reason: 'wrong car', by: steward });
    expect(out).toMatchObject({ status: 'done', value: { lapKey: `${G}#100000#2019_3_2_22_0_PRACTICE` } });
    expect(await board()).toEqual([
      ['Gina', 125_000],
      ['Hugo', 127_000],
    ]);
    for (const f of [A, B]) await ctx.league.onResultsFile(input(f), { reingest: true });
    expect(await board()).toEqual([
      ['Gina', 125_000],
      ['Hugo', 127_000],
    ]);
  });

  it('when a driver is excluded from the season, then none of their laps count in any of its events until included again', async () => {
    await ctx.league.onResultsFile({
      path: '/results/2019_2_15_21_0_PRACTICE.json',
      bytes: resultsBytes([rawLap({ DriverGuid: G, DriverName: 'Gina', LapTime: 90_000 })], {
        TrackName: 'ks_red_bull_ring',
        TrackConfig: 'layout_national',
      }),
      mtime: new Date(),
    });
    expect((await ctx.league.leaderboard('season1#event1')).rows).toHaveLength(1);
    const out = await stewards.exclude({
      scope: { kind: 'season', seasonId: 'season1' },
      driver: 'Gina',
      reason: 'banned',
      by: steward,
    });
    expect(out).toMatchObject({
      status: 'done',
      value: { driverGuid: G },
      entry: { action: 'exclude', seasonId: 'season1', reason: 'banned' },
    });
    expect((await ctx.league.leaderboard('season1#event1')).rows).toEqual([]);
    expect(await board()).toEqual([['Hugo', 127_000]]);
    expect(
      (
        await stewards.exclude({
          scope: { kind: 'season', seasonId: 'season1' },
          driver: G,
          reason: 'again',
          by: steward,
        })
      ).status,
    ).toBe('already');
    expect(
      await stewards.include({ scope: { kind: 'season', seasonId: 'season1' }, driver: G, by: steward }),
    ).toMatchObject({ status: 'done' });
    expect(await board()).toEqual([
      ['Gina', 125_000],
      ['Hugo', 127_000],
    ]);
  });

  it('when a reason is missing or the lap does not exist, then nothing is decided and the steward is told why', async () => {
    expect(await stewards.strike({ eventId: EVENT, driver: G, reason: '  ', by: steward })).toEqual({
      status: 'refused',
      message: 'a reason is required',
    });
    expect(
      await stewards.strike({ eventId: EVENT, driver: G, lap: `${H}#100000`, reason: 'x', by: steward }),
    ).toMatchObject({ status: 'refused' });
    expect(await stewards.restore({ eventId: EVENT, lapKey: `${G}#100000`, by: steward })).toMatchObject({
      status: 'refused',
    });
    expect(await stewards.audit()).toEqual([]);
  });

  it("when a struck live lap is replaced by its results file's copy, then the copy is struck", async () => {
    const live = liveLap({
      eventId: EVENT,
      driverGuid: H,
      driverName: 'Hugo',
      carModel: 'ks_mazda_mx5_cup',
      lapTimeMs: 120_000,
      cuts: 0,
      track: 'suzuka',
      trackConfig: 'suzukagp',
      sessionType: 'PRACTICE',
      receivedAt: new Date('2019-03-02T21:05:00Z'),
      stamp: 1,
      sessionStart: null,
    });
    await ctx.league.recordLiveLap(live);
    expect(
      await stewards.strike({ eventId: EVENT, driver: H, lap: live.lapKey, reason: 'pit lane exploit', by: steward }),
    ).toMatchObject({ status: 'done' });
    await ctx.league.onResultsFile(
      input({
        name: '2019_3_2_21_0_PRACTICE.json',
        laps: [rawLap({ DriverGuid: H, DriverName: 'Hugo', Timestamp: 500_000, LapTime: 120_000 })],
      }),
    );
    const laps = await ctx.store.lapsForEvent(EVENT);
    expect(laps.some((l) => l.lapKey === live.lapKey)).toBe(false);
    expect((await ctx.stewarding.struck(EVENT)).map((s) => [s.lapKey, s.reason])).toEqual([
      [`${H}#500000`, 'pit lane exploit'],
    ]);
    expect(await board()).toEqual([
      ['Gina', 125_000],
      ['Hugo', 127_000],
    ]);
  });

  it('when a file with a struck lap is filed under another event, then the lap stays struck there', async () => {
    await stewards.strike({ eventId: EVENT, driver: G, reason: 'exploit', by: steward });
    await ctx.league.onResultsFile(input(A), { forcedEventId: 'season1#event3' });
    expect((await ctx.league.leaderboard('season1#event3')).rows.map((r) => [r.driverGuid, r.lapTimeMs])).toEqual([
      [H, 127_000],
      [G, 129_000],
    ]);
    expect(await ctx.stewarding.struck(EVENT)).toEqual([]);
    expect((await ctx.stewarding.struck('season1#event3')).map((s) => s.lapKey)).toEqual([`${G}#100000`]);
  });
});
