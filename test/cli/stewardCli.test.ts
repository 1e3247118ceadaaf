import { mkdtempSync, writeFileSync, mkdirSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FIXTURE_SEASON } from '../support/leagueFixture';
import { rawLap, resultsBytes } from '../support/resultsFile';
import { runCliCaptured as run } from '../support/runCliCaptured';
import { changeSignalPath } from '../../src/adapters/files/changeSignal';
import { currentStandingsPath, seasonStandingsPath } from '../../src/app/standings/Standings';
import { eventLeaderboardPath, type LeaderboardJson } from '../../src/app/leaderboard/leaderboardFiles';
import type { SeasonStandings } from '../../src/domain/standings/types';
import type { AuditEntry } from '../../src/domain/stewarding/types';

const EVENT = 'season1#event2';
const G = '76561198000000001';
const H = '76561198000000002';

async function setup() {
  const dir = mkdtempSync(path.join(tmpdir(), 'cli-steward-'));
  writeFileSync(path.join(dir, 'seasonConfig.json'), FIXTURE_SEASON);
  const results = path.join(dir, 'results');
  mkdirSync(results);
  writeFileSync(
    path.join(results, '2019_3_2_20_0_PRACTICE.json'),
    resultsBytes([
      rawLap({ DriverGuid: G, DriverName: 'Gina', Timestamp: 100_000, LapTime: 125_000 }),
      rawLap({ DriverGuid: G, DriverName: 'Gina', Timestamp: 230_000, LapTime: 129_000 }),
      rawLap({ DriverGuid: H, DriverName: 'Hugo', CarId: 1, Timestamp: 100_000, LapTime: 127_000 }),
    ]),
  );
  const env = {
    DATA_DIR: dir,
    RESULTS_DIR: results,
    SEASON_CONFIG: path.join(dir, 'seasonConfig.json'),
    LOG_LEVEL: 'silent',
    USER: 'alice',
  };
  expect((await run(['ingest', results], env)).code).toBe(0);
  return { dir, env };
}

const board = async (env: NodeJS.ProcessEnv) =>
  (JSON.parse((await run(['leaderboard', EVENT, '--json'], env)).out) as LeaderboardJson).rows.map((r) => [
    r.driver,
    r.lapTime,
  ]);

describe('npm run cli -- strike, restore, struck, exclude, include, audit', () => {
  it('when a lap is struck, then the leaderboard, the files and the JSON reflect it at once; restore puts it back', async () => {
    const { dir, env } = await setup();
    const strike = await run(['strike', EVENT, 'Gina', '--reason', 'cut at the chicane'], env);
    expect(strike).toMatchObject({ code: 0, out: `strike: 2:05.000 of Gina (${G}#100000) in ${EVENT}` });
    expect(await board(env)).toEqual([
      ['Hugo', '2:07.000'],
      ['Gina', '2:09.000'],
    ]);
    const file = JSON.parse(readFileSync(eventLeaderboardPath(dir, EVENT), 'utf8')) as LeaderboardJson;
    expect(file.rows.map((r) => r.driverGuid)).toEqual([H, G]);
    const standings = JSON.parse(readFileSync(seasonStandingsPath(dir, 'season1'), 'utf8')) as SeasonStandings;
    expect(standings.rows.map((r) => r.driverGuid)).toEqual([H, G]);
    expect(existsSync(currentStandingsPath(dir))).toBe(true);
    // The running bot is told, so its posts and the admin channel follow.
    expect(JSON.parse(readFileSync(changeSignalPath(dir), 'utf8')).eventIds).toEqual([EVENT]);

    const struck = JSON.parse((await run(['struck', EVENT, '--json'], env)).out);
    expect(struck).toMatchObject({
      eventId: EVENT,
      struck: [{ lapKey: `${G}#100000`, reason: 'cut at the chicane', by: { kind: 'cli', id: 'alice' } }],
      excluded: [],
    });

    const again = await run(['strike', EVENT, G, '--lap', '2:05.000', '--reason', 'twice', '--json'], env);
    expect(JSON.parse(again.out)).toMatchObject({ status: 'already', value: { reason: 'cut at the chicane' } });

    expect(await run(['restore', EVENT, `${G}#100000`, '--reason', 'clean after all'], env)).toMatchObject({
      code: 0,
      out: `restore: 2:05.000 of Gina (${G}#100000) in ${EVENT}`,
    });
    expect(await board(env)).toEqual([
      ['Gina', '2:05.000'],
      ['Hugo', '2:07.000'],
    ]);
  });

  it('when a driver is excluded from an event and included again, then the board follows and audit lists every action', async () => {
    const { env } = await setup();
    expect((await run(['exclude', H, '--event', EVENT, '--reason', 'wrong car'], env)).code).toBe(0);
    expect(await board(env)).toEqual([['Gina', '2:05.000']]);
    expect((await run(['include', 'Hugo', '--event', EVENT], env)).code).toBe(0);
    expect(await board(env)).toEqual([
      ['Gina', '2:05.000'],
      ['Hugo', '2:07.000'],
    ]);
    await run(['strike', EVENT, H, '--reason', 'exploit'], env);

    const audit = JSON.parse((await run(['audit', '--json'], env)).out) as AuditEntry[];
    expect(audit.map((e) => [e.action, e.driverGuid, e.reason, e.by.id])).toEqual([
      ['exclude', H, 'wrong car', 'alice'],
      ['include', H, null, 'alice'],
      ['strike', H, 'exploit', 'alice'],
    ]);
    const text = await run(['audit', '--limit', '1'], env);
    expect(text.out).toMatch(
      /^\S+Z {2}🚩 Lap struck · Season 1 - Event 2 \(season1#event2\) · Hugo \(76561198000000002\) · 2:07\.000 \(76561198000000002#100000\) · by cli:alice: exploit$/,
    );
  });

  it('when the reason or the event is missing or wrong, then nothing changes, exit code 1 and the reason on stderr', async () => {
    const { env } = await setup();
    expect(await run(['strike', EVENT, G], env)).toMatchObject({
      code: 1,
      err: 'nothing changed: a reason is required',
    });
    expect(await run(['strike', 'season1#nope', G, '--reason', 'x'], env)).toMatchObject({
      code: 1,
      err: 'nothing changed: unknown event "season1#nope"',
    });
    expect(await run(['exclude', G, '--reason', 'x'], env)).toMatchObject({
      code: 1,
      err: expect.stringContaining('usage: npm run cli -- exclude <driver> (--event ID | --season ID)'),
    });
    expect(await run(['restore', EVENT, G], env)).toMatchObject({
      code: 1,
      err: expect.stringContaining(`no struck lap of ${G}`),
    });
    expect(JSON.parse((await run(['audit', '--json'], env)).out)).toEqual([]);
  });
});
