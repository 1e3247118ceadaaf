import { existsSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startTestBot, type TestBotEnv } from '../support/startTestBot';
import { rawLap, resultsBytes } from '../support/resultsFile';

// What tools read (leaderboard files, standings files) must follow the store after a crash, a full
// disk or a read-only DATA_DIR. A folder replaced by a file (or a file by a folder) makes every
// write there fail for real, as a full or read-only disk would, also for root.

const G = '76561198000000001';
const H = '76561198000000002';
const suzuka = (laps: number, from: number) =>
  resultsBytes(
    Array.from({ length: laps }, (_, i) =>
      rawLap({ DriverGuid: i % 2 ? G : H, Timestamp: from + i * 1000, LapTime: 130_000 + from + i }),
    ),
  );
const redBullRing = () =>
  resultsBytes([rawLap({ Timestamp: 5000, LapTime: 90_000 })], {
    TrackName: 'ks_red_bull_ring',
    TrackConfig: 'layout_national',
  });

const json = (file: string) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as { lapCount?: number; generatedFrom?: { lapCount: number } };
  } catch {
    return undefined;
  }
};

describe('e2e: output files converge to the store', () => {
  let env: TestBotEnv;
  const data = (...p: string[]) => path.join(env.config.dataDir, ...p);
  const ingested = (name: string) =>
    env.fake.waitFor(
      async () => (await env.bot.state.processedFile(name))?.status === 'ingested',
      10_000,
      `${name} ingested`,
    );
  const drop = (name: string, bytes: Buffer) => writeFileSync(path.join(env.resultsDir, name), bytes);
  afterEach(() => env?.close());

  it('when writes fail for a while (full disk, read-only folder), then every output file catches up once they work again, without new laps', async () => {
    env = await startTestBot({ env: { STANDINGS_CHANNEL_ID: '' } });
    drop('2019_3_2_20_0_PRACTICE.json', suzuka(10, 0));
    // Both kinds: results are read at once, so the leaderboard file may come before the standings.
    await env.fake.waitFor(
      () =>
        json(data('leaderboards', 'season1_event2.json'))?.lapCount === 10 &&
        json(data('standings', 'season1.json'))?.generatedFrom?.lapCount === 10,
      10_000,
      'first files',
    );

    for (const dir of ['leaderboards', 'standings']) {
      rmSync(data(dir), { recursive: true });
      writeFileSync(data(dir), 'in the way');
    }
    rmSync(data('leaderboard.json'));
    mkdirSync(data('leaderboard.json'));
    drop('2019_3_2_21_0_PRACTICE.json', suzuka(6, 100_000));
    await ingested('2019_3_2_21_0_PRACTICE.json');
    await env.fake.waitFor(
      () => env.logs.some((l) => l.level === 50 && /leaderboard files/.test(String(l.msg))),
      5000,
      'failed write logged',
    );

    for (const p of ['leaderboards', 'standings', 'leaderboard.json']) rmSync(data(p), { recursive: true });
    await env.fake.waitFor(
      () =>
        json(data('leaderboards', 'season1_event2.json'))?.lapCount === 16 &&
        json(data('leaderboard.json'))?.lapCount === 16 &&
        json(data('standings', 'season1.json'))?.generatedFrom?.lapCount === 16 &&
        json(data('seasonStandings.json'))?.generatedFrom?.lapCount === 16,
      20_000,
      'files caught up',
    );
  }, 40_000);

  it('when the bot restarts after failed writes, then the stale or missing files of any event are written again', async () => {
    env = await startTestBot({ env: { STANDINGS_CHANNEL_ID: '' } });
    drop('2019_3_2_20_0_PRACTICE.json', suzuka(4, 0));
    await env.fake.waitFor(
      () => json(data('leaderboards', 'season1_event2.json'))?.lapCount === 4,
      10_000,
      'first files',
    );
    rmSync(data('leaderboards'), { recursive: true });
    writeFileSync(data('leaderboards'), 'in the way');
    drop('2019_2_15_20_0_PRACTICE.json', redBullRing()); // event1: not the current event
    await ingested('2019_2_15_20_0_PRACTICE.json');
    await env.bot.stop();
    rmSync(data('leaderboards'));

    await env.restart();
    await env.fake.waitFor(
      () => json(data('leaderboards', 'season1_event1.json'))?.lapCount === 1,
      10_000,
      'event1 file written at start-up',
    );
    await env.fake.waitFor(
      () => json(data('leaderboards', 'season1_event2.json'))?.lapCount === 4,
      10_000,
      'event2 file written again',
    );
  }, 40_000);

  it('when every output file is up to date, then a restart rewrites none of them', async () => {
    env = await startTestBot({ env: { STANDINGS_CHANNEL_ID: '' } });
    drop('2019_3_2_20_0_PRACTICE.json', suzuka(4, 0));
    drop('2019_2_15_20_0_PRACTICE.json', redBullRing());
    await ingested('2019_3_2_20_0_PRACTICE.json');
    await ingested('2019_2_15_20_0_PRACTICE.json');
    await env.bot.league.flush();
    await env.bot.standings.flush();
    const files = [
      'leaderboard.json',
      'seasonStandings.json',
      'leaderboards/season1_event1.json',
      'leaderboards/season1_event2.json',
      'standings/season1.json',
    ].map((f) => data(f));
    const past = new Date('2001-01-01T00:00:00Z');
    for (const f of files) utimesSync(f, past, past);
    await env.restart();
    await new Promise((r) => setTimeout(r, 1500));
    await env.bot.league.flush();
    await env.bot.standings.flush();
    expect(
      files.filter((f) => statSync(f).mtime.getTime() !== past.getTime()).map((f) => path.relative(data(), f)),
    ).toEqual([]);
  }, 40_000);

  it('when an atomic write was interrupted (temp files left behind), then start-up removes the old ones and says so', async () => {
    env = await startTestBot({ env: { STANDINGS_CHANNEL_ID: '' } });
    await env.bot.stop();
    const old = data('leaderboards', '.season1_event2.json.0f8fad5b-d9cb-469f-a165-70867728950e.tmp');
    const fresh = data('.leaderboard.json.7c9e6679-7425-40de-944b-e07fc1f90ae7.tmp'); // a CLI may be writing it right now
    mkdirSync(path.dirname(old), { recursive: true });
    writeFileSync(old, Buffer.alloc(8 * 1024 * 1024));
    writeFileSync(fresh, '{');
    const hourAgo = new Date(Date.now() - 3600_000);
    utimesSync(old, hourAgo, hourAgo);
    await env.restart();
    await env.fake.waitFor(() => !existsSync(old), 5000, 'old temp file removed');
    expect(existsSync(fresh)).toBe(true);
    expect(env.logs.map((l) => String(l.msg))).toContainEqual(
      expect.stringMatching(/removed 1 temp file left by an interrupted write \(8\.0 MB\)/),
    );
  }, 30_000);
});
