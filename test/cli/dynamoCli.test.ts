import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/runCli';
import { startDynalite, type LocalDynamo } from '../support/dynalite';
import { FIXTURE_SEASON } from '../support/leagueFixture';
import { resultsFixture } from '../support/fixtures';

describe('npm run cli on DynamoDB (dynalite on 127.0.0.1)', () => {
  let dynamo: LocalDynamo;
  let env: NodeJS.ProcessEnv;
  const saved = { ...process.env };
  beforeAll(async () => {
    dynamo = await startDynalite();
    // The default credential chain reads these; dynalite accepts any.
    process.env.AWS_ACCESS_KEY_ID = 'test';
    process.env.AWS_SECRET_ACCESS_KEY = 'test';
    const dir = mkdtempSync(path.join(tmpdir(), 'cli-dynamo-'));
    writeFileSync(path.join(dir, 'season.json'), FIXTURE_SEASON);
    env = {
      STORE: 'dynamodb',
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      AWS_REGION: 'eu-west-1',
      DATA_DIR: dir,
      SEASON_CONFIG: path.join(dir, 'season.json'),
      LOG_LEVEL: 'silent',
    };
  });
  afterAll(async () => {
    process.env = saved;
    await dynamo.close();
  });

  const run = async (argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, env, { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('when the tables are missing, then commands say to run create-tables; after it, ingest and leaderboard work', async () => {
    const before = await run(['events']);
    expect(before.code).toBe(1);
    expect(before.err).toMatch(/create-tables/);

    expect(await run(['create-tables'])).toMatchObject({ code: 0, out: 'tables ready: Results, BotState' });
    expect((await run(['create-tables'])).code).toBe(0); // idempotent

    const fx = resultsFixture('2019_2_15_22_10_RACE.json');
    const ingest = await run(['ingest', fx.path, '--json']);
    expect(JSON.parse(ingest.out)[0]).toMatchObject({ status: 'ingested', eventId: 'season1#event1', lapCount: 20 });
    const lb = await run(['leaderboard', 'season1#event1', '--json']);
    expect(JSON.parse(lb.out).lapCount).toBe(20);
  });
});
