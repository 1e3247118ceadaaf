// The standings rules that depend on how results files become laps (docs/standings.md):
// kicked drivers' laps, what "first set" compares, exact fractional points in the files.
import { readFileSync, writeFileSync } from 'node:fs';
import { makeLeague } from '../../support/leagueFixture';
import { sessionResults, type SessionCar, type SessionLap } from '../../support/sessionResults';
import { Standings, currentStandingsPath } from '../../../src/app/standings/Standings';
import { standingsMessage } from '../../../src/app/posts/standingsMessage';
import { lazyPointsChart } from '../../../src/adapters/chart/lazyPointsChart';
import { KICKED_GUID } from '../../../src/domain/types';
import { silentLogger } from '../../../src/logger';
import { present } from '../../support/present';
import { OutputFiles } from '../../../src/adapters/files/OutputFiles';

type Ctx = Awaited<ReturnType<typeof makeLeague>>;

const G = (n: number) => `7656119800000000${n}`;
const TRACKS = ['monza', 'spa', 'imola'];

/** One season, one event per track, a week apart from 1 May 2024 (UTC). */
function seasonConfig(rules: Record<string, unknown> = {}, events = 2): string {
  const list = TRACKS.slice(0, events).map((track, i) => ({
    id: `event${i + 1}`,
    name: `Round ${i + 1}`,
    track,
    cars: ['ks_mazda_mx5_cup'],
    start: `2024-05-0${1 + i * 7}T00:00`,
  }));
  return JSON.stringify({ timeZone: 'UTC', seasons: [{ id: 'season1', name: 'Season 1', ...rules, events: list }] });
}

async function ingest(
  ctx: Ctx,
  fileName: string,
  track: string,
  cars: SessionCar[],
  laps: SessionLap[],
): Promise<void> {
  const bytes = sessionResults({ track, cars, laps });
  const outcome = await ctx.league.onResultsFile({
    path: `/results/${fileName}`,
    bytes,
    mtime: new Date('2030-01-01T00:00:00Z'),
  });
  expect(outcome).toMatchObject({ status: 'ingested' });
}

function standingsOf(ctx: Ctx): Standings {
  return new Standings({
    league: ctx.league,
    state: ctx.state,
    season: () => ctx.config,
    dataDir: ctx.dir,
    outputs: new OutputFiles(ctx.dir, ctx.state),
    log: silentLogger,
    windowMs: 5000,
  });
}

describe('Standings rules as applied to results files', () => {
  let ctx: Ctx | undefined;
  afterEach(() => ctx?.close());

  it('when a lap is under the kicked marker, then it counts if Cars/Result give its car and driver name one GUID, and not otherwise', async () => {
    ctx = await makeLeague({ season: seasonConfig() });
    const cars = [
      { carId: 0, name: 'Ann', guid: G(1) },
      { carId: 1, name: 'Bob', guid: G(2) },
      { carId: 2, name: 'Ghost', guid: '' },
    ];
    await ingest(ctx, '2024_5_1_20_0_PRACTICE.json', 'monza', cars, [
      { carId: 0, name: 'Ann', guid: G(1), ms: 100_000, ts: 1000 },
      { carId: 1, name: 'Bob', guid: KICKED_GUID, ms: 99_000, ts: 2000 }, // recovered: car 1 is Bob's
      { carId: 1, name: 'Carl', guid: KICKED_GUID, ms: 98_000, ts: 3000 }, // car 1 is not Carl's
      { carId: 2, name: 'Ghost', guid: KICKED_GUID, ms: 97_000, ts: 4000 }, // no GUID to recover
    ]);
    const s = await standingsOf(ctx).compute('season1');
    expect(s?.rows.map((r) => [r.driverGuid, r.driver, r.results[0]?.position, r.results[0]?.lapTimeMs])).toEqual([
      [G(2), 'Bob', 1, 99_000],
      [G(1), 'Ann', 2, 100_000],
    ]);
    expect(s?.events[0]?.fastestLapMs).toBe(99_000);
  });

  it('when equal drivers set their first result in different sessions, then the session time in the file name decides, not the lap within it', async () => {
    ctx = await makeLeague({ season: seasonConfig({ pointsTable: [10, 5] }) });
    const cars = [
      { carId: 0, name: 'Amy', guid: G(1) },
      { carId: 1, name: 'Ben', guid: G(2) },
    ];
    // Amy drove her lap 1 s into the 21:00 session; Ben near the end of the 20:00 session.
    await ingest(ctx, '2024_5_1_21_0_PRACTICE.json', 'monza', cars, [
      { carId: 0, name: 'Amy', guid: G(1), ms: 100_000, ts: 1000 },
    ]);
    await ingest(ctx, '2024_5_1_20_0_PRACTICE.json', 'monza', cars, [
      { carId: 1, name: 'Ben', guid: G(2), ms: 100_000, ts: 3_500_000 },
    ]);
    await ingest(ctx, '2024_5_8_20_0_PRACTICE.json', 'spa', cars, [
      { carId: 0, name: 'Amy', guid: G(1), ms: 100_000, ts: 1000 },
      { carId: 1, name: 'Ben', guid: G(2), ms: 100_000, ts: 2000 },
    ]);
    const s = await standingsOf(ctx).compute('season1');
    expect(s?.rows.map((r) => [r.driver, r.rank, r.total, r.tieBreak.firstSetAt, r.tieBreak.decidedBy])).toEqual([
      ['Ben', 1, 15, '2024-05-01T20:00:00.000Z', 'firstSet'],
      ['Amy', 2, 15, '2024-05-01T21:00:00.000Z', 'firstSet'],
    ]);
  });

  it('when equal drivers set their laps in the same sessions, then neither was first: they share the rank', async () => {
    ctx = await makeLeague({ season: seasonConfig({ pointsTable: [10, 5] }) });
    const cars = [
      { carId: 0, name: 'Amy', guid: G(1) },
      { carId: 1, name: 'Ben', guid: G(2) },
    ];
    await ingest(ctx, '2024_5_1_20_0_PRACTICE.json', 'monza', cars, [
      { carId: 0, name: 'Amy', guid: G(1), ms: 100_000, ts: 1000 },
      { carId: 1, name: 'Ben', guid: G(2), ms: 100_000, ts: 3_000_000 },
    ]);
    await ingest(ctx, '2024_5_8_20_0_PRACTICE.json', 'spa', cars, [
      { carId: 1, name: 'Ben', guid: G(2), ms: 100_000, ts: 1000 },
      { carId: 0, name: 'Amy', guid: G(1), ms: 100_000, ts: 3_000_000 },
    ]);
    const s = await standingsOf(ctx).compute('season1');
    expect(s?.rows.map((r) => [r.driver, r.rank, r.tieBreak.firstSetAt, r.tieBreak.decidedBy])).toEqual([
      ['Amy', 1, '2024-05-01T20:00:00.000Z', 'tied'],
      ['Ben', 1, '2024-05-01T20:00:00.000Z', 'tied'],
    ]);
  });

  it('when currentEvent.json names an event no longer in the config, then seasonStandings.json holds the last season with a result', async () => {
    const config = JSON.parse(seasonConfig({}, 1));
    config.seasons.push({
      id: 'season2',
      name: 'Season 2',
      events: [{ id: 'event1', name: 'Later', track: 'spa', cars: ['ks_mazda_mx5_cup'], start: '2030-06-01T00:00' }],
    });
    ctx = await makeLeague({ season: JSON.stringify(config) });
    writeFileSync(ctx.currentEventFile, JSON.stringify({ eventId: 'season0#gone' }));
    const standings = standingsOf(ctx);
    expect(await standings.currentSeasonId()).toBe('season2'); // no result anywhere: the last season
    await ingest(
      ctx,
      '2024_5_1_20_0_PRACTICE.json',
      'monza',
      [{ carId: 0, name: 'Amy', guid: G(1) }],
      [{ carId: 0, name: 'Amy', guid: G(1), ms: 100_000, ts: 1000 }],
    );
    await standings.flush();
    expect(JSON.parse(readFileSync(currentStandingsPath(ctx.dir), 'utf8')).seasonId).toBe('season1');
  });

  it('when the points table is fractional ([0.3, 0.2, 0.1]), then seasonStandings.json and the post hold exact points and 0.2 + 0.1 ties with 0.3', async () => {
    ctx = await makeLeague({ season: seasonConfig({ pointsTable: [0.3, 0.2, 0.1] }) });
    const names = ['Ash', 'Bea', 'Dee', 'Fay'];
    const cars = names.map((name, i) => ({ carId: i, name, guid: G(i + 1) }));
    const lap = (i: number, ms: number, ts: number) => ({ ...present(cars[i], `car ${i}`), ms, ts });
    const standings = standingsOf(ctx);
    await ingest(ctx, '2024_5_1_20_0_PRACTICE.json', 'monza', cars, [
      lap(0, 100_000, 1),
      lap(2, 100_500, 2),
      lap(3, 100_650, 3),
    ]);
    await ingest(ctx, '2024_5_8_20_0_PRACTICE.json', 'spa', cars, [
      lap(1, 100_000, 1),
      lap(3, 100_700, 2),
      lap(2, 100_800, 3),
      lap(0, 105_000, 4),
    ]);
    await standings.flush();

    const text = readFileSync(currentStandingsPath(ctx.dir), 'utf8');
    expect(text).not.toMatch(/\d\.\d{5,}/);
    const file = JSON.parse(text);
    // Bea 100 %; Dee 100.5 and 100.8 %; Fay 100.65 and 100.7 %; Ash 100 and 105 %: all 0.3, so the average orders them.
    expect(
      file.rows.map((r: { driver: string; total: number; tieBreak: { decidedBy: string } }) => [
        r.driver,
        r.total,
        r.tieBreak.decidedBy,
      ]),
    ).toEqual([
      ['Bea', 0.3, 'averagePercent'],
      ['Dee', 0.3, 'averagePercent'],
      ['Fay', 0.3, 'averagePercent'],
      ['Ash', 0.3, 'averagePercent'],
    ]);
    const post = (await standingsMessage(file, lazyPointsChart)).content;
    expect(post).toContain('2\\. Dee — 0.3 pts · R1 P2 0.2 · R2 P3 0.1');
    expect(post).not.toMatch(/\d\.\d{4,}/);
  });
});
