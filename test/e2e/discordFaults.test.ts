import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { startTestBot, type TestBotEnv } from '../support/startTestBot';
import { rawResults, resultsFixture } from '../support/fixtures';
import { present } from '../support/present';

/** A Suzuka results file with `drivers` drivers, each with one clean lap. */
function bigResultsFile(dir: string, drivers: number): string {
  const laps = Array.from({ length: drivers }, (_, i) => ({
    DriverName: `Driver ${i} ${'é'.repeat(i % 3)}`,
    DriverGuid: String(76561198200000000n + BigInt(i)),
    CarId: i,
    CarModel: 'ks_mazda_mx5_cup',
    Timestamp: 1000 + i,
    LapTime: 130_000 + i * 37,
    Sectors: [40_000, 50_000, 40_000 + i * 37],
    Cuts: 0,
    BallastKG: 0,
    Tyre: 'SM',
    Restrictor: 0,
  }));
  const file = path.join(dir, '2019_3_2_20_0_PRACTICE.json');
  writeFileSync(
    file,
    JSON.stringify({
      TrackName: 'suzuka',
      TrackConfig: 'suzukagp',
      Type: 'PRACTICE',
      Cars: [],
      Result: [],
      Laps: laps,
      Events: null,
    }),
  );
  return file;
}

describe('e2e: Discord failing for a while', () => {
  let env: TestBotEnv;
  const board = () => env.fake.messages(env.channels.leaderboard);
  const hasLogLine = (re: RegExp) => env.logs.some((l) => re.test(String(l.msg)));

  beforeAll(async () => {
    env = await startTestBot();
    await env.fake.waitFor(() => board().length === 1, 5000, 'first post');
  });
  afterAll(() => env.close());
  afterEach(() => env.fake.assertNoUnknownRoutes());

  it('when the bot lacks permission in the channel, then it says what to fix and catches up once fixed', async () => {
    env.fake.denyChannel(env.channels.leaderboard);
    env.dropResults('2019_3_2_17_27_PRACTICE.json');
    await env.fake.waitFor(() => hasLogLine(/lacks permission.*Send Messages/), 5000, 'permission log line');
    env.fake.allowChannel(env.channels.leaderboard);
    const [best] = rawResults(resultsFixture('2019_3_2_17_27_PRACTICE.json').bytes)
      .Laps.filter((l) => l.Cuts === 0)
      .sort((a, b) => a.LapTime - b.LapTime);
    const leader = present(best, 'a clean lap').DriverName;
    await env.fake.waitFor(() => board()[0]?.content.includes(leader), 10_000, 'caught up after permission fixed');
    expect(board()).toHaveLength(1);
  });

  it('when the gateway asks to reconnect or drops, then slash commands still get answers', async () => {
    env.fake.sendReconnect();
    await env.fake.waitFor(() => env.fake.resumeCount >= 1, 5000, 'resume after op 7');
    env.fake.dropConnection();
    await env.fake.waitFor(() => env.fake.gatewayConnected, 10_000, 'reconnected');
    const h = env.fake.injectInteraction({ commandName: 'schedule', member: { roles: [] } });
    expect((await h.waitForReply(5000, (r) => !!r.content))?.content).toContain('Event 2');
    expect(h.answeredInTime).toBe(true);
  });

  it('when 150 drivers are on the board, then the post stays within Discord’s 2000 characters and says how many more', async () => {
    bigResultsFile(env.resultsDir, 150);
    await env.fake.waitFor(() => /more drivers/.test(board()[0]?.content ?? ''), 10_000, 'big board');
    expect(board()[0]?.content.length).toBeLessThanOrEqual(2000);
    expect(env.fake.requests.filter((r) => r.status === 400)).toHaveLength(0);
    const h = env.fake.injectInteraction({ commandName: 'leaderboard', member: { roles: [] } });
    await h.waitForReply(5000, (r) => !!r.content);
    await env.fake.waitFor(
      () => h.followUpViews.some((f) => f.content.includes('Driver 149')),
      5000,
      'every page as follow-ups',
    );
    const pages = [h.reply!.content, ...h.followUpViews.map((f) => f.content)];
    expect(pages.every((p) => p.length <= 2000)).toBe(true);
    expect(pages.join('\n')).toContain('Driver 149');
  });
});
