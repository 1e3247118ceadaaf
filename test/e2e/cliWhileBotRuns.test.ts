import { startTestBot, type TestBotEnv } from '../support/startTestBot';
import { runCli } from '../../src/cli/runCli';
import { rawResults, resultsFixture } from '../support/fixtures';
import { present } from '../support/present';

describe('e2e: the CLI files results while the bot runs', () => {
  let env: TestBotEnv;
  beforeAll(async () => (env = await startTestBot()));
  afterAll(() => env.close());

  it('when an admin forces an unattributed file into an event with the CLI, then the running bot’s post shows those laps', async () => {
    const board = () => env.fake.messages(env.channels.leaderboard);
    await env.fake.waitFor(() => board().length === 1, 5000, 'first post');
    // Barbagallo on 15 Feb: the schedule says event1 (Red Bull Ring), so the bot keeps it unattributed.
    env.dropResults('2019_2_15_21_16_RACE.json');
    await env.fake.waitFor(
      async () => (await env.bot.state.processedFile('2019_2_15_21_16_RACE.json'))?.status === 'unattributed',
      5000,
      'unattributed',
    );
    const out: string[] = [];
    const code = await runCli(
      ['ingest', resultsFixture('2019_2_15_21_16_RACE.json').path, '--event', 'season1#event2'],
      { ...cliEnv(env), LOG_LEVEL: 'silent' },
      { out: (s) => out.push(s), err: (s) => out.push(s) },
    );
    expect(code).toBe(0);
    const driver = present(rawResults(resultsFixture('2019_2_15_21_16_RACE.json').bytes).Laps[0], 'a lap').DriverName; // '*Turbo_Tom*': markdown stays literal in the board's code block
    await env.fake.waitFor(() => board()[0]?.content.includes(driver), 5000, 'bot post shows the CLI laps');
    expect(board()).toHaveLength(1);
  });
});

function cliEnv(env: TestBotEnv): NodeJS.ProcessEnv {
  return {
    DATA_DIR: env.config.dataDir,
    SEASON_CONFIG: env.config.seasonConfigPath,
    RESULTS_DIR: env.config.resultsDir,
    CURRENT_EVENT_FILE: env.config.currentEventFile,
  };
}
