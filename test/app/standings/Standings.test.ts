import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeLeague, FIXTURE_SEASON } from '../../support/leagueFixture';
import { resultsFixture, acServerName } from '../../support/fixtures';
import { Standings, currentStandingsPath, seasonStandingsPath } from '../../../src/app/standings/Standings';
import { silentLogger } from '../../../src/logger';
import type { SeasonStandings } from '../../../src/domain/standings/types';
import { expectedTable, type FixtureEvent } from '../../support/standingsExpected';
import { present } from '../../support/present';
import { OutputFiles } from '../../../src/adapters/files/OutputFiles';
import type { League } from '../../../src/app/League';
import type { SeasonConfig } from '../../../src/domain/season/season';
import { computeStandings } from '../../../src/domain/standings/computeStandings';
import { toStandingsFile } from '../../../src/domain/standings/standingsFile';

// event1 (Red Bull Ring National): the 15 Feb evening by schedule, plus the 2 Mar RBR sessions forced in.
// event2 (Suzuka GP): the 2 Mar practice sessions, by schedule.
const EVENT1: FixtureEvent = {
  eventId: 'season1#event1',
  files: ['2019_2_15_22_3_QUALIFY.json', '2019_2_15_22_10_RACE.json'],
  forced: ['2019_3_2_21_49_QUALIFY.json', '2019_3_2_22_3_RACE.json'],
};
const EVENT2: FixtureEvent = {
  eventId: 'season1#event2',
  files: ['2019_3_2_14_41_PRACTICE.json', '2019_3_2_17_27_PRACTICE.json', '2019_3_2_19_30_PRACTICE.json'],
  forced: [],
};
// event3 (Gilles-Villeneuve, 2030) scores but has no laps yet.
const EVENT3: FixtureEvent = { eventId: 'season1#event3', files: [], forced: [] };

type Ctx = Awaited<ReturnType<typeof makeLeague>>;

async function ingest(ctx: Ctx, ev: FixtureEvent): Promise<void> {
  for (const [suffix, forced] of [
    ...ev.files.map((f) => [f, false] as const),
    ...ev.forced.map((f) => [f, true] as const),
  ]) {
    const fx = resultsFixture(suffix);
    const outcome = await ctx.league.onResultsFile(
      { path: `/results/${acServerName(fx.name)}`, bytes: fx.bytes, mtime: new Date('2019-03-03T00:00:00Z') },
      forced ? { forcedEventId: ev.eventId } : {},
    );
    expect(outcome).toMatchObject({ status: 'ingested', eventId: ev.eventId });
  }
}

/** Standings over a test league, as the bot wires them, silent. */
const standingsOf = (ctx: Ctx, opts: { season?: () => SeasonConfig; windowMs?: number } = {}) =>
  new Standings({
    league: ctx.league,
    state: ctx.state,
    season: opts.season ?? (() => ctx.config),
    dataDir: ctx.dir,
    outputs: new OutputFiles(ctx.dir, ctx.state),
    log: silentLogger,
    ...(opts.windowMs === undefined ? {} : { windowMs: opts.windowMs }),
  });

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as SeasonStandings;

describe('Standings: laps in the store -> seasonStandings.json', () => {
  let ctx: Ctx;
  let standings: Standings;
  const changed: string[] = [];

  beforeEach(async () => {
    ctx = await makeLeague();
    standings = standingsOf(ctx, { windowMs: 5000 }); // flush() runs it: a long window keeps the burst in one run on a slow machine
    changed.length = 0;
    standings.onChanged((s) => changed.push(s.seasonId));
  });
  afterEach(() => ctx.close());

  it('when results of two events are ingested, then seasonStandings.json holds the table computed from the raw files', async () => {
    await ingest(ctx, EVENT1);
    await ingest(ctx, EVENT2);
    await standings.flush();

    const file = readJson(currentStandingsPath(ctx.dir));
    expect(readJson(seasonStandingsPath(ctx.dir, 'season1'))).toEqual(file);
    // The file lists a driver's results only in the events they have one in.
    const expected = expectedTable([EVENT1, EVENT2, EVENT3]).map((row) => ({
      ...row,
      results: row.results.filter(([position]) => position !== null),
    }));
    expect(
      file.rows.map((r) => ({
        driverGuid: r.driverGuid,
        driver: r.driver,
        total: r.total,
        results: r.results.map((x) => [x.position, x.points, x.lapTimeMs]),
      })),
    ).toEqual(expected);
    expect(file.rows.map((r) => r.rank)).toEqual(expected.map((_, i) => i + 1)); // no full ties in this data
    expect(file.events.map((e) => e.eventId)).toEqual(['season1#event1', 'season1#event2', 'season1#event3']); // preseason left out
    // Rania Aziz (event2 only) and Dario Conti (both events) have 12 points: the lower average % of the winner's lap decides.
    const tied = file.rows.filter((r) => r.total === 12);
    expect(tied.map((r) => r.driver)).toEqual(['Rania Aziz', 'Dario Conti']);
    expect(tied[0]?.tieBreak.decidedBy).toBe('averagePercent');
    const stored =
      (await ctx.store.lapsForEvent(EVENT1.eventId)).length + (await ctx.store.lapsForEvent(EVENT2.eventId)).length;
    expect(file.generatedFrom.lapCount).toBe(stored);
  });

  it('when a burst of files changes a season, then its files are written once for the burst', async () => {
    await ingest(ctx, EVENT2);
    await standings.flush();
    expect(changed).toEqual(['season1']);
    expect(readJson(currentStandingsPath(ctx.dir)).rows[0]?.total).toBe(25);
  });

  it('when an alias is set and the standings are refreshed, then the file shows the alias', async () => {
    await ingest(ctx, EVENT2);
    await standings.flush();
    const leader = present(readJson(currentStandingsPath(ctx.dir)).rows[0], 'a leader');
    await ctx.state.setAlias(leader.driverGuid, 'Rob Macaroni');
    standings.refreshAll();
    await standings.flush();
    const after = readJson(currentStandingsPath(ctx.dir)).rows[0];
    expect(after).toMatchObject({ driverGuid: leader.driverGuid, driver: 'Rob Macaroni', alias: 'Rob Macaroni' });
  });

  it('when laps arrive in a preseason event, then the standings are not recomputed', async () => {
    ctx.league.leaderboardChanged('season1#preseason1');
    ctx.league.leaderboardChanged('season9#nowhere');
    await standings.flush();
    expect(changed).toEqual([]);
    expect(existsSync(currentStandingsPath(ctx.dir))).toBe(false);
  });
});

describe('Standings: several seasons', () => {
  const two = (firstStart: string, secondStart: string) => {
    const base = JSON.parse(FIXTURE_SEASON);
    const s1 = {
      ...base.seasons[0],
      events: base.seasons[0].events.map((e: Record<string, unknown>) => ({ ...e, start: firstStart })),
    };
    const s2 = {
      id: 'season2',
      name: 'Season 2',
      events: [{ id: 'event1', name: 'S2 Event 1', track: 'monza', cars: ['ks_mazda_mx5_cup'], start: secondStart }],
    };
    return JSON.stringify({ ...base, seasons: [s1, s2] });
  };

  it('when the current event is in season 2, then seasonStandings.json is season 2 and each season has its own file', async () => {
    const ctx = await makeLeague({ season: two('2019-02-15T00:00', '2030-01-01T00:00') });
    try {
      const standings = standingsOf(ctx);
      await ingest(ctx, { ...EVENT1, files: [], forced: EVENT1.files });
      writeFileSync(ctx.currentEventFile, JSON.stringify({ eventId: 'season2#event1' }));
      standings.refreshAll();
      await standings.flush();
      expect(readJson(seasonStandingsPath(ctx.dir, 'season1')).rows.length).toBe(
        expectedTable([{ ...EVENT1, files: [], forced: EVENT1.files }]).length,
      );
      expect(readJson(seasonStandingsPath(ctx.dir, 'season2')).rows).toEqual([]);
      expect(readJson(currentStandingsPath(ctx.dir)).seasonId).toBe('season2');
      expect(await standings.currentSeasonId()).toBe('season2');
      expect(path.basename(seasonStandingsPath(ctx.dir, 'a#b c'))).toBe('a_b_c.json');
    } finally {
      await ctx.close();
    }
  });

  it('when no event is running, then the current season is the latest with results, else the last one', async () => {
    const ctx = await makeLeague({ season: two('2030-01-01T00:00', '2031-01-01T00:00') });
    try {
      const standings = standingsOf(ctx);
      expect(await standings.currentSeasonId()).toBe('season2');
      await ingest(ctx, { ...EVENT1, files: [], forced: EVENT1.files });
      expect(await standings.currentSeasonId()).toBe('season1');
      expect(await standings.compute('season9')).toBeUndefined();
    } finally {
      await ctx.close();
    }
  });
});

describe('Standings: only the events whose laps changed are classified again', () => {
  let ctx: Ctx;
  let config: SeasonConfig;
  const standingsOver = () => standingsOf(ctx, { season: () => config, windowMs: 5000 });
  /** The standings from every stored lap as it counts, computed at once (no cache of any kind). */
  const full = async (): Promise<SeasonStandings> => {
    const season = present(
      config.seasons.find((s) => s.id === 'season1'),
      'season1',
    );
    const laps = await Promise.all(season.events.map(async (e) => [e.id, await ctx.league.countedLaps(e.id)] as const));
    return computeStandings(season, new Map(laps), await ctx.state.nameAliases());
  };
  const rankingReads = (spy: jest.SpiedFunction<League['rankingLaps']>) => spy.mock.calls.map(([eventId]) => eventId);

  beforeEach(async () => {
    ctx = await makeLeague();
    config = ctx.config;
  });
  afterEach(() => ctx.close());

  it('when a file touches one event, then only that event is read again and the files equal a full recompute', async () => {
    const standings = standingsOver();
    await ingest(ctx, EVENT1);
    await standings.flush();
    const reads = jest.spyOn(ctx.league, 'rankingLaps');

    await ingest(ctx, EVENT2);
    await standings.flush();
    expect(rankingReads(reads)).toEqual([EVENT2.eventId]);
    expect(readJson(currentStandingsPath(ctx.dir))).toEqual(toStandingsFile(await full()));

    await standings.compute('season1'); // nothing changed since: nothing read
    expect(rankingReads(reads)).toEqual([EVENT2.eventId]);
    standings.refreshAll(); // everything read again
    await standings.flush();
    expect(rankingReads(reads).slice(1).sort()).toEqual([EVENT1.eventId, EVENT2.eventId, EVENT3.eventId]);
    reads.mockRestore();
  });

  it('when aliases, the season config or stewarding decisions change, then the standings equal a full recompute', async () => {
    const standings = standingsOver();
    await ingest(ctx, EVENT1);
    await ingest(ctx, EVENT2);
    const before = present(await standings.compute('season1'), 'standings');
    expect(before).toEqual(await full());
    const leader = present(before.rows[0], 'a leader');

    // An alias, without refreshAll(): names are applied when combining.
    await ctx.state.setAlias(leader.driverGuid, 'Rob Macaroni');
    const aliased = await standings.compute('season1');
    expect(aliased?.rows[0]?.driver).toBe('Rob Macaroni');
    expect(aliased).toEqual(await full());

    // Other points, best-of and event order, without refreshAll(): the rules are applied when combining.
    const [season1] = ctx.config.seasons;
    const s1 = present(season1, 'season1');
    config = {
      ...ctx.config,
      seasons: [
        {
          ...s1,
          pointsTable: [10, 9.5, 0.125],
          participationPoints: 0.5,
          fastestLapBonus: 2,
          bestOf: 1,
          events: [...s1.events].reverse(),
        },
      ],
    };
    const rescored = await standings.compute('season1');
    expect(rescored?.rows.map((r) => r.total)).not.toEqual(before.rows.map((r) => r.total));
    expect(rescored).toEqual(await full());

    // A struck lap: the league tells, and that event is read again.
    const best = present(
      (await ctx.league.storedLaps(EVENT2.eventId))
        .filter((l) => l.driverGuid === leader.driverGuid && l.valid)
        .sort((a, b) => a.lapTimeMs - b.lapTimeMs)[0],
      "the leader's best lap",
    );
    const by = { kind: 'cli' as const, id: 'test', name: 'test' };
    const at = '2019-03-03T12:00:00Z';
    await ctx.league.stewardingChanged([EVENT2.eventId], () =>
      ctx.stewarding.strike({ ...best, reason: 'cut', by, at }),
    );
    const struck = await standings.compute('season1');
    expect(struck).not.toEqual(rescored);
    expect(struck).toEqual(await full());

    // A driver excluded from the season: every event of it is read again.
    const scope = { kind: 'season' as const, seasonId: 'season1' };
    await ctx.league.stewardingChanged(
      s1.events.map((e) => e.id),
      () => ctx.stewarding.exclude({ scope, driverGuid: leader.driverGuid, driverName: '', reason: 'x', by, at }),
    );
    const excluded = await standings.compute('season1');
    expect(excluded?.rows.some((r) => r.driverGuid === leader.driverGuid)).toBe(false);
    expect(excluded).toEqual(await full());
  });
});
