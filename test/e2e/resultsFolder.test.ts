import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, existsSync, writeSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestBot, type TestBotEnv } from '../support/startTestBot';
import { asUnprivileged } from '../support/unprivileged';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A Suzuka practice (season1#event2 in the test season) with a few laps, as acServer writes it. */
function practice(laps = 30): Buffer {
  const guid = '76561198000000077';
  return Buffer.from(
    JSON.stringify(
      {
        TrackName: 'suzuka',
        TrackConfig: 'suzukagp',
        Type: 'PRACTICE',
        DurationSecs: 1800,
        RaceLaps: 0,
        Cars: [
          {
            CarId: 0,
            Driver: { Name: 'Slow Writer', Team: '', Nation: '', Guid: guid, GuidsList: [guid] },
            Model: 'ks_mazda_mx5_cup',
            Skin: '',
            BallastKG: 0,
            Restrictor: 0,
          },
        ],
        Result: [
          {
            DriverName: 'Slow Writer',
            DriverGuid: guid,
            CarId: 0,
            CarModel: 'ks_mazda_mx5_cup',
            BestLap: 140_000,
            TotalTime: 0,
            BallastKG: 0,
            Restrictor: 0,
          },
        ],
        Laps: Array.from({ length: laps }, (_, i) => ({
          DriverName: 'Slow Writer',
          DriverGuid: guid,
          CarId: 0,
          CarModel: 'ks_mazda_mx5_cup',
          Timestamp: 1000 + i * 150_000,
          LapTime: 140_000 + i,
          Sectors: [40_000, 50_000, 50_000 + i],
          Cuts: 0,
          BallastKG: 0,
          Tyre: 'SM',
          Restrictor: 0,
        })),
        Events: null,
      },
      null,
      '\t',
    ),
  );
}

const errorsAbout = (env: TestBotEnv, file: string) =>
  env.logs.filter((l) => (l.level as number) >= 50 && JSON.stringify(l).includes(file));

describe('e2e: the results folder as an admin finds it', () => {
  let env: TestBotEnv;
  afterEach(() => env?.close());

  it('when a file is written slowly in chunks, then no error is logged and it is ingested once complete; a file that stays broken gets one error once it settled', async () => {
    env = await startTestBot({ env: { STANDINGS_CHANNEL_ID: '' } }); // settle 100 ms: a broken file counts after 2 s quiet
    const bytes = practice();
    const slow = path.join(env.resultsDir, '2019_3_2_20_0_PRACTICE.json');
    const fd = openSync(slow, 'w');
    const step = Math.ceil(bytes.length / 4);
    for (let i = 0; i < bytes.length; i += step) {
      writeSync(fd, bytes.subarray(i, i + step));
      await sleep(400); // pauses longer than the settle time: each chunk is read on its own
    }
    closeSync(fd);
    await env.fake.waitFor(
      async () => (await env.bot.state.processedFile('2019_3_2_20_0_PRACTICE.json'))?.status === 'ingested',
      10_000,
      'slow file ingested',
    );
    expect(errorsAbout(env, '2019_3_2_20_0_PRACTICE.json')).toEqual([]);
    expect(env.logs.some((l) => String(l.msg).includes('2019_3_2_20_0_PRACTICE.json is not readable yet'))).toBe(true);

    const broken = path.join(env.resultsDir, '2019_3_2_21_0_PRACTICE.json');
    writeFileSync(broken, bytes.subarray(0, bytes.length / 2));
    await env.fake.waitFor(
      async () => (await env.bot.state.processedFile('2019_3_2_21_0_PRACTICE.json'))?.status === 'failed',
      10_000,
      'broken file recorded as failed',
    );
    await sleep(500);
    expect(errorsAbout(env, '2019_3_2_20_0_PRACTICE.json')).toEqual([]);
    const errors = errorsAbout(env, '2019_3_2_21_0_PRACTICE.json');
    expect(errors).toHaveLength(1);
    expect(String(errors[0]?.msg)).toMatch(/file truncated or still being written/);
  }, 30_000);

  it('when the configured RESULTS_DIR does not exist, then the admin channel is told which variable, nothing is created, and ingest starts once it exists', async () => {
    const missing = path.join(mkdtempSync(path.join(tmpdir(), 'missing-')), 'ac', 'results');
    env = await startTestBot({ env: { RESULTS_DIR: missing, STANDINGS_CHANNEL_ID: '' } });
    const admin = () => env.fake.messages(env.channels.admin).map((m) => m.content);
    await env.fake.waitFor(
      () => admin().some((m) => /ingest.*results folder .*\(from RESULTS_DIR\) does not exist/.test(m)),
      5000,
      'admin alert',
    );
    expect(env.logs.some((l) => String(l.msg).includes('from RESULTS_DIR') && l.level === 50)).toBe(true);
    expect(existsSync(path.dirname(missing))).toBe(false);

    mkdirSync(missing, { recursive: true });
    writeFileSync(path.join(missing, '2019_3_2_20_0_PRACTICE.json'), practice());
    await env.fake.waitFor(
      async () => (await env.bot.state.processedFile('2019_3_2_20_0_PRACTICE.json'))?.status === 'ingested',
      15_000,
      'ingested after the folder appeared',
    );
  }, 30_000);

  it('when the configured AC_SERVER_DIR does not exist, then start-up warns naming it', async () => {
    const results = mkdtempSync(path.join(tmpdir(), 'results-'));
    const acServer = path.join(path.dirname(results), 'no-such-acserver-folder');
    env = await startTestBot({ env: { AC_SERVER_DIR: acServer, RESULTS_DIR: results, STANDINGS_CHANNEL_ID: '' } });
    const warnings = env.logs.filter((l) => l.level === 40).map((l) => String(l.msg));
    expect(warnings).toContainEqual(
      expect.stringMatching(/^AC_SERVER_DIR=.*no-such-acserver-folder does not exist: .*Fix AC_SERVER_DIR in \.env/),
    );
    expect(existsSync(acServer)).toBe(false);
  });

  it('when the results folder cannot be read (EACCES), then ingest is retried with growing waits and reported to the admin channel, and works once readable', async () => {
    const base = mkdtempSync(path.join(tmpdir(), 'eacces-'));
    await asUnprivileged(base, async () => {
      const results = path.join(base, 'results');
      mkdirSync(results);
      chmodSync(results, 0o000);
      try {
        env = await startTestBot({ env: { RESULTS_DIR: results, STANDINGS_CHANNEL_ID: '' } });
        const admin = () => env.fake.messages(env.channels.admin).map((m) => m.content);
        await env.fake.waitFor(
          () => admin().some((m) => /ingest.*cannot read the results folder .*EACCES/.test(m)),
          5000,
          'admin alert',
        );

        chmodSync(results, 0o755);
        writeFileSync(path.join(results, '2019_3_2_20_0_PRACTICE.json'), practice());
        await env.fake.waitFor(
          async () => (await env.bot.state.processedFile('2019_3_2_20_0_PRACTICE.json'))?.status === 'ingested',
          15_000,
          'ingested once readable',
        );
        expect(env.logs.some((l) => String(l.msg).includes('watch the results folder: working now'))).toBe(true);
      } finally {
        chmodSync(results, 0o755);
      }
    });
  }, 30_000);
});
