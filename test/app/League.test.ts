import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeLeague } from '../support/leagueFixture';
import { rawResults, resultsFixture, acServerName, RAW_KICKED_GUID } from '../support/fixtures';
import type { LeaderboardJson } from '../../src/app/leaderboard/leaderboardFiles';
import { present } from '../support/present';

/** Best clean lap per GUID straight from the raw JSON: an independent check of the ranking. */
function expectedBest(...files: Buffer[]): Map<string, number> {
  const best = new Map<string, number>();
  for (const bytes of files) {
    for (const lap of rawResults(bytes).Laps) {
      if (lap.Cuts !== 0 || !lap.DriverGuid || lap.DriverGuid === RAW_KICKED_GUID) continue;
      best.set(lap.DriverGuid, Math.min(best.get(lap.DriverGuid) ?? Infinity, lap.LapTime));
    }
  }
  return best;
}

const input = (f: { name: string; bytes: Buffer }, bytes = f.bytes) => ({
  path: `/results/${acServerName(f.name)}`,
  bytes,
  mtime: new Date('2019-02-15T23:00:00Z'),
});

describe('League: results file -> laps stored -> leaderboard', () => {
  let ctx: Awaited<ReturnType<typeof makeLeague>>;
  beforeEach(async () => (ctx = await makeLeague()));
  afterEach(() => ctx.close());

  it('when two sessions of an event are ingested, then every lap is stored and the leaderboard is each driver’s best clean lap', async () => {
    const q = resultsFixture('2019_2_15_22_3_QUALIFY.json');
    const r = resultsFixture('2019_2_15_22_10_RACE.json');
    const o1 = await ctx.league.onResultsFile(input(q));
    const o2 = await ctx.league.onResultsFile(input(r));
    // The qualifying: 14 laps, 4 cut. The race: 20 laps, none cut, one of a kicked driver nobody's row fits.
    expect(o1).toMatchObject({ status: 'ingested', eventId: 'season1#event1', lapCount: 14, validLapCount: 10 });
    expect(o2).toMatchObject({ status: 'ingested', eventId: 'season1#event1', lapCount: 20, validLapCount: 19 });

    const laps = await ctx.store.lapsForEvent('season1#event1');
    expect(laps).toHaveLength(34);
    expect(laps.filter((l) => !l.valid)).toHaveLength(5);
    expect(new Set(laps.map((l) => l.lapKey)).size).toBe(34);

    const board = await ctx.league.leaderboard('season1#event1');
    const best = expectedBest(q.bytes, r.bytes);
    expect(board.rows.map((row) => [row.driverGuid, row.lapTimeMs])).toEqual([...best].sort((a, b) => a[1] - b[1]));
    expect(board.rows[0]?.gapMs).toBe(0);
    expect(board.rows[1]?.gapMs).toBe(board.rows[1]!.lapTimeMs - board.rows[0]!.lapTimeMs);
  });

  it('when the same file arrives again, then nothing changes and it is skipped', async () => {
    const q = resultsFixture('2019_2_15_22_3_QUALIFY.json');
    await ctx.league.onResultsFile(input(q));
    const again = await ctx.league.onResultsFile(input(q));
    expect(again.status).toBe('skipped');
    expect(await ctx.store.lapsForEvent('season1#event1')).toHaveLength(14);
  });

  it('when a file is re-ingested on purpose, then the store holds the same laps (idempotent keys)', async () => {
    const q = resultsFixture('2019_2_15_22_3_QUALIFY.json');
    await ctx.league.onResultsFile(input(q));
    const before = await ctx.store.lapsForEvent('season1#event1');
    await ctx.league.onResultsFile(input(q), { reingest: true });
    expect(await ctx.store.lapsForEvent('season1#event1')).toEqual(before);
  });

  it('when the file is on another track than the scheduled event, then its laps are kept as unattributed and not ranked', async () => {
    const other = resultsFixture('2019_2_15_21_16_RACE.json'); // barbagallo, during event1's window
    const outcome = await ctx.league.onResultsFile(input(other));
    expect(outcome.status).toBe('unattributed');
    expect(outcome.status === 'unattributed' && outcome.reason).toMatch(/barbagallo.*ks_red_bull_ring|--event/s);
    expect(await ctx.store.lapsForEvent('unattributed')).toHaveLength(9);
    expect((await ctx.league.leaderboard('season1#event1')).rows).toHaveLength(0);
  });

  it('when an admin forces the event, then the file counts for it', async () => {
    const other = resultsFixture('2019_2_15_21_16_RACE.json');
    const outcome = await ctx.league.onResultsFile(input(other), { forcedEventId: 'season1#event2' });
    expect(outcome).toMatchObject({ status: 'ingested', eventId: 'season1#event2', lapCount: 9 });
  });

  it('when a second download `… (1).json` of a file arrives, then it is filed by the time in its name, under the same event, its laps not stored twice', async () => {
    const q = resultsFixture('2019_2_15_22_3_QUALIFY.json');
    await ctx.league.onResultsFile(input(q));
    const before = await ctx.league.leaderboard('season1#event1');
    const copy = await ctx.league.onResultsFile({ ...input(q), path: '/results/2019_2_15_22_3_QUALIFY (1).json' });
    expect(copy).toMatchObject({ status: 'ingested', eventId: 'season1#event1', lapCount: 14 });
    expect(await ctx.store.lapsForEvent('season1#event1')).toHaveLength(14);
    expect((await ctx.league.leaderboard('season1#event1')).rows).toEqual(before.rows);
  });

  it('when the file name holds no session time, then currentEvent.json decides', async () => {
    const tyre = resultsFixture('tyre.info.json'); // gilles-villeneuve, no time in the name
    writeFileSync(ctx.currentEventFile, JSON.stringify({ eventId: 'season1#event3' }));
    const outcome = await ctx.league.onResultsFile(input(tyre));
    expect(outcome).toMatchObject({ status: 'ingested', eventId: 'season1#event3', lapCount: 90 });
  });

  it('when a file is truncated, then nothing is stored, it is not retried unchanged, and it is read once complete', async () => {
    const q = resultsFixture('2019_2_15_22_3_QUALIFY.json');
    const half = q.bytes.subarray(0, Math.floor(q.bytes.length / 2));
    const failed = await ctx.league.onResultsFile(input(q, half));
    expect(failed.status).toBe('failed');
    expect(failed.status === 'failed' && failed.error).toMatch(/2019_2_15_22_3_QUALIFY\.json/);
    expect(await ctx.store.lapsForEvent('season1#event1')).toHaveLength(0);
    expect((await ctx.league.onResultsFile(input(q, half))).status).toBe('skipped');
    expect((await ctx.league.onResultsFile(input(q))).status).toBe('ingested');
    expect(await ctx.store.lapsForEvent('season1#event1')).toHaveLength(14);
  });

  it('when laps are ingested for the current event, then leaderboard.json and the event file are rewritten', async () => {
    const p = resultsFixture('2019_3_2_17_27_PRACTICE.json'); // suzuka: event2, current at the test clock
    await ctx.league.onResultsFile(input(p));
    await ctx.league.flush();
    const json = JSON.parse(readFileSync(path.join(ctx.dir, 'leaderboard.json'), 'utf8')) as LeaderboardJson;
    const perEvent = JSON.parse(
      readFileSync(path.join(ctx.dir, 'leaderboards', 'season1_event2.json'), 'utf8'),
    ) as LeaderboardJson;
    expect(json.eventId).toBe('season1#event2');
    expect(json.rows.length).toBe(expectedBest(p.bytes).size);
    expect(json.rows[0]?.lapTime).toMatch(/^\d+:\d\d\.\d{3}$/);
    expect(perEvent.rows).toEqual(json.rows);
  });

  it('when an alias is set, then the leaderboard shows it (by GUID first, then by name)', async () => {
    const p = resultsFixture('2019_3_2_17_27_PRACTICE.json');
    await ctx.league.onResultsFile(input(p));
    const [first, second] = (await ctx.league.leaderboard('season1#event2')).rows;
    await ctx.state.setAlias(present(first, 'a first row').driverGuid, 'Rob Macaroni');
    await ctx.state.setAlias(present(second, 'a second row').driverName, 'By Name');
    const rows = (await ctx.league.leaderboard('season1#event2')).rows;
    expect(rows[0]?.driverName).toBe('Rob Macaroni');
    expect(rows[1]?.driverName).toBe('By Name');
  });
});

describe('League leaderboard cache', () => {
  it('when a results file is rewritten with a slower lap, then the leaderboard reflects the new file, not the cached best', async () => {
    const ctx = await makeLeague();
    try {
      const q = resultsFixture('2019_2_15_22_3_QUALIFY.json');
      await ctx.league.onResultsFile(input(q));
      const before = await ctx.league.leaderboard('season1#event1');
      const leader = present(before.rows[0], 'a leader');
      const doc = JSON.parse(q.bytes.toString());
      for (const lap of doc.Laps) if (lap.DriverGuid === leader.driverGuid) lap.Cuts = 3; // the leader's laps become invalid
      await ctx.league.onResultsFile(input(q, Buffer.from(JSON.stringify(doc))));
      const after = await ctx.league.leaderboard('season1#event1');
      expect(after.rows.map((r) => r.driverGuid)).not.toContain(leader.driverGuid);
      expect(after.rows).toHaveLength(before.rows.length - 1);
      expect(after.lapCount).toBe(14);
    } finally {
      await ctx.close();
    }
  });
});

describe('currentEvent.json that cannot be read', () => {
  it('when the file holds broken JSON, then ingest falls back to the schedule instead of failing the results file', async () => {
    const { writeFileSync: write } = await import('node:fs');
    const { openLeague } = await import('../../src/wiring/store');
    const { loadConfig } = await import('../../src/config');
    const { silentLogger } = await import('../../src/logger');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { FIXTURE_SEASON } = await import('../support/leagueFixture');
    const dir = mkdtempSync(path.join(tmpdir(), 'cur-'));
    write(path.join(dir, 'season.json'), FIXTURE_SEASON);
    write(path.join(dir, 'currentEvent.json'), '{"eventId": "season1#event3",'); // a hand edit cut short
    const config = loadConfig({ DATA_DIR: dir, SEASON_CONFIG: path.join(dir, 'season.json') });
    const { league, store } = await openLeague(config, silentLogger, { now: () => new Date('2019-03-03T00:00:00Z') });
    try {
      expect(await league.currentEventId()).toBe('season1#event2'); // the schedule's event
      const outcome = await league.onResultsFile(input(resultsFixture('2019_3_2_17_27_PRACTICE.json')));
      expect(outcome).toMatchObject({ status: 'ingested', eventId: 'season1#event2' });
    } finally {
      await store.close();
    }
  });
});

describe('re-filing a results file under another event', () => {
  it('when a file is forced to another event, then its laps move: they count there and no longer where they were', async () => {
    const ctx = await makeLeague();
    try {
      const p = resultsFixture('2019_3_2_17_27_PRACTICE.json');
      await ctx.league.onResultsFile(input(p));
      expect((await ctx.league.leaderboard('season1#event2')).lapCount).toBe(77);
      const moved = await ctx.league.onResultsFile(input(p), { forcedEventId: 'season1#event1' });
      expect(moved).toMatchObject({ status: 'ingested', eventId: 'season1#event1', movedFrom: 'season1#event2' });
      expect(await ctx.store.lapsForEvent('season1#event2')).toHaveLength(0);
      expect((await ctx.league.leaderboard('season1#event2')).rows).toHaveLength(0);
      expect((await ctx.league.leaderboard('season1#event1')).lapCount).toBe(77);
    } finally {
      await ctx.close();
    }
  });
});
