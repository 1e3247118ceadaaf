import { mkdtempSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/runCli';
import { FIXTURE_SEASON } from '../support/leagueFixture';
import { resultsFixture, acServerName } from '../support/fixtures';
import { rawLap, resultsBytes } from '../support/resultsFile';
import { SqliteStore } from '../../src/adapters/sqlite/SqliteStore';
import { silentLogger } from '../../src/logger';

function setup() {
  const dir = mkdtempSync(path.join(tmpdir(), 'cli-'));
  writeFileSync(path.join(dir, 'seasonConfig.json'), FIXTURE_SEASON);
  const results = path.join(dir, 'results');
  mkdirSync(results);
  const env = {
    DATA_DIR: dir,
    RESULTS_DIR: results,
    SEASON_CONFIG: path.join(dir, 'seasonConfig.json'),
    LOG_LEVEL: 'silent',
  };
  return { dir, results, env };
}

async function run(argv: string[], env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, env, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run cli', () => {
  it('when ingesting a folder, then each file is reported and the leaderboard can be read back as JSON', async () => {
    const { results, env } = setup();
    for (const f of ['2019_2_15_22_3_QUALIFY.json', '2019_2_15_22_10_RACE.json', '2019_2_15_21_16_RACE.json']) {
      const fx = resultsFixture(f);
      copyFileSync(fx.path, path.join(results, acServerName(fx.name)));
    }
    const ingest = await run(['ingest', results], env);
    expect(ingest.code).toBe(0);
    expect(ingest.out).toMatch(/ingested\s+2019_2_15_22_3_QUALIFY\.json: 14 laps \(10 valid\) -> season1#event1/);
    expect(ingest.out).toMatch(/unattributed 2019_2_15_21_16_RACE\.json/);

    const again = await run(['ingest', results, '--json'], env);
    expect(JSON.parse(again.out).map((o: { status: string }) => o.status)).toEqual(['skipped', 'skipped', 'skipped']);

    const lb = await run(['leaderboard', 'season1#event1', '--json'], env);
    expect(lb.code).toBe(0);
    const json = JSON.parse(lb.out);
    expect(json.eventId).toBe('season1#event1');
    expect(json.rows[0]).toEqual(
      expect.objectContaining({ position: 1, gapMs: 0, lapTime: expect.stringMatching(/^\d:\d\d\.\d{3}$/) }),
    );
  });

  it('when an unknown event is given, then it fails on stderr with exit code 1 and a hint', async () => {
    const { env } = setup();
    const lb = await run(['leaderboard', 'season9#nope'], env);
    expect(lb.code).toBe(1);
    expect(lb.err).toMatch(/unknown event "season9#nope".*events/);
    const fx = resultsFixture('2019_2_15_22_3_QUALIFY.json');
    const ingest = await run(['ingest', fx.path, '--event', 'season9#nope'], env);
    expect(ingest.code).toBe(1);
    expect(ingest.err).toMatch(/unknown event/);
  });

  it('when a results file is broken, then exit code is 1 and stderr names the file and the problem', async () => {
    const { results, env } = setup();
    writeFileSync(path.join(results, '2019_2_15_22_3_QUALIFY.json'), '{"TrackName": "ks_red_bull_ring", "Laps": [');
    const r = await run(['ingest', results], env);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/failed\s+2019_2_15_22_3_QUALIFY\.json: .*2019_2_15_22_3_QUALIFY\.json/);
  });

  it('when a file name is not valid UTF-8, then ingesting its folder reads it by its bytes under an escaped name', async () => {
    const { results, env } = setup();
    const name = Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9]), Buffer.from('_2019_3_2_20_0_PRACTICE.json')]);
    writeFileSync(Buffer.concat([Buffer.from(results + path.sep), name]), resultsBytes([rawLap()]));
    const r = await run(['ingest', results], env);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/ingested\s+caf%E9_2019_3_2_20_0_PRACTICE\.json: 1 laps \(1 valid\) -> season1#event2/);
    expect(r.code).toBe(0);
    // Named on the command line, the shell hands the name over as U+FFFD.
    const one = await run(['ingest', path.join(results, 'caf\uFFFD_2019_3_2_20_0_PRACTICE.json'), '--reread'], env);
    expect(one.out).toMatch(/ingested\s+caf%E9_2019_3_2_20_0_PRACTICE\.json: 1 laps/);
  });

  it('when a FIFO or a file over RESULTS_MAX_MB is given, then it is refused with the reason and the others are read', async () => {
    const { results, env } = setup();
    execFileSync('mkfifo', [path.join(results, '2019_3_2_19_0_PRACTICE.json')]);
    writeFileSync(path.join(results, '2019_3_2_20_0_PRACTICE.json'), resultsBytes([rawLap()]));
    writeFileSync(
      path.join(results, '2019_3_2_21_0_PRACTICE.json'),
      resultsBytes(Array.from({ length: 8000 }, (_, i) => rawLap({ Timestamp: i }))),
    );
    const r = await run(['ingest', results], { ...env, RESULTS_MAX_MB: '1' });
    expect(r.err).toMatch(/refused\s+2019_3_2_19_0_PRACTICE\.json: it is a FIFO/);
    expect(r.err).toMatch(
      /refused\s+2019_3_2_21_0_PRACTICE\.json: it is \d\.\d MB, over the 1 MB limit \(RESULTS_MAX_MB\)/,
    );
    expect(r.out).toMatch(/ingested\s+2019_3_2_20_0_PRACTICE\.json/);
    expect(r.code).toBe(1);
  });

  it('when listing events, then the active one is marked', async () => {
    const { env } = setup();
    const r = await run(['events', '--json'], env);
    const events = JSON.parse(r.out) as Array<{ id: string; active: boolean; preseason: boolean }>;
    expect(events.map((e) => e.id)).toEqual([
      'season1#preseason1',
      'season1#event1',
      'season1#event2',
      'season1#event3',
    ]);
    expect(events.find((e) => e.active)?.id).toBe('season1#event2'); // event3 starts in 2030
    expect(events[0]?.preseason).toBe(true);
  });

  it('when importing the old processed_files.json, then those files are skipped afterwards', async () => {
    const { dir, results, env } = setup();
    const fx = resultsFixture('2019_2_15_22_3_QUALIFY.json');
    copyFileSync(fx.path, path.join(results, acServerName(fx.name)));
    writeFileSync(path.join(dir, 'processed_files.json'), JSON.stringify([acServerName(fx.name), 'gone.json']));
    const imp = await run(['import-processed', path.join(dir, 'processed_files.json')], env);
    expect(imp.out).toBe('imported 2 of 2 processed file names');
    const ingest = await run(['ingest', results, '--json'], env);
    expect(JSON.parse(ingest.out)[0].status).toBe('skipped');
  });

  it('when a store lost a lap to a lap-key collision (older versions), then ingest --reread brings it back and changes nothing else', async () => {
    const { dir, results, env } = setup();
    const G = '76561198000000001';
    const first = resultsBytes([
      rawLap({ Timestamp: 100_000, LapTime: 125_000 }),
      rawLap({ Timestamp: 230_000, LapTime: 129_000 }),
    ]);
    const second = resultsBytes([rawLap({ Timestamp: 100_000, LapTime: 140_000, Sectors: [40_000, 60_000, 40_000] })]); // acServer restarted
    writeFileSync(path.join(results, '2019_3_2_20_0_PRACTICE.json'), first);
    writeFileSync(path.join(results, '2019_3_2_22_0_PRACTICE.json'), second);
    expect((await run(['ingest', results], env)).code).toBe(0);
    // What an older version left: the second file's lap written over the first's under <guid>#<Timestamp>.
    const store = SqliteStore.open(path.join(dir, 'league.db'), silentLogger);
    const laps = await store.lapsForEvent('season1#event2');
    const later = laps.find((l) => l.lapTimeMs === 140_000)!;
    await store.deleteLaps('season1#event2', [later.lapKey]);
    await store.putLaps([{ ...later, lapKey: `${G}#100000` }]);
    await store.close();
    const lost = JSON.parse((await run(['leaderboard', 'season1#event2', '--json'], env)).out);
    expect(lost.rows[0].lapTimeMs).toBe(129_000);

    const plain = await run(['ingest', results, '--json'], env);
    expect(JSON.parse(plain.out).map((o: { status: string }) => o.status)).toEqual(['skipped', 'skipped']);
    const reread = await run(['ingest', results, '--reread'], env);
    expect(reread.code).toBe(0);
    expect(reread.out).toMatch(/ingested\s+2019_3_2_20_0_PRACTICE\.json: 2 laps/);
    const back = JSON.parse((await run(['leaderboard', 'season1#event2', '--json'], env)).out);
    expect(back.lapCount).toBe(3);
    expect(back.rows[0].lapTimeMs).toBe(125_000);
    expect(
      JSON.parse((await run(['ingest', results, '--reread', '--json'], env)).out).map(
        (o: { lapCount: number }) => o.lapCount,
      ),
    ).toEqual([2, 1]);
    expect(JSON.parse((await run(['leaderboard', 'season1#event2', '--json'], env)).out).lapCount).toBe(3);
  });

  it('when npm runs the CLI (it runs in the package folder), then relative paths are taken from the folder it was started in', async () => {
    const { dir, results, env } = setup();
    const fx = resultsFixture('2019_2_15_22_3_QUALIFY.json');
    copyFileSync(fx.path, path.join(results, acServerName(fx.name)));
    const npm = { ...env, npm_lifecycle_event: 'cli', INIT_CWD: results };
    const ingest = await run(['ingest', acServerName(fx.name), '--json'], npm);
    expect(ingest.code).toBe(0);
    expect(JSON.parse(ingest.out)).toEqual([expect.objectContaining({ status: 'ingested', lapCount: 14 })]);
    const backup = await run(['backup', 'copy.db', '--json'], npm);
    expect(JSON.parse(backup.out).file).toBe(path.join(results, 'copy.db'));
    // A trailing '/' still names a folder for dated copies.
    const folder = await run(['backup', 'copies/', '--keep', '2', '--json'], npm);
    expect(JSON.parse(folder.out).file).toMatch(new RegExp(`^${path.join(results, 'copies')}/league-.*Z\\.db$`));
    // An empty argument (an unset $VAR in a script) is not the folder npm was started in.
    expect((await run(['ingest', ''], npm)).code).toBe(1);
    // Run by plain node (the systemd unit), a relative path is the process's own, as always.
    const plain = await run(['backup', path.relative(process.cwd(), path.join(dir, 'plain.db')), '--json'], env);
    expect(JSON.parse(plain.out).file).toBe(path.join(dir, 'plain.db'));
  });

  it('when a setting is invalid, then the command stops with the variable named', async () => {
    const r = await run(['events'], { STORE: 'mongo' });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/STORE/);
  });
});
