import { readFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { startTestBot, type TestBotEnv } from '../support/startTestBot';

const ROOT = path.resolve(__dirname, '../..');

// What the README's "Try it" section promises: the example season plus the example results file
// give a leaderboard post in the fake Discord that is then edited in place.
describe('e2e: the README walkthrough with the example season and results file', () => {
  let env: TestBotEnv;
  beforeAll(async () => {
    env = await startTestBot({ season: readFileSync(path.join(ROOT, 'examples/seasonConfig.json'), 'utf8') });
  });
  afterAll(() => env.close());

  it('when the example results file is copied into the results folder, then the live post shows those drivers', async () => {
    const board = () => env.fake.messages(env.channels.leaderboard);
    await env.fake.waitFor(() => board().length === 1, 5000, 'first post');
    copyFileSync(path.join(ROOT, 'examples/results/2026_6_20_20_0_PRACTICE.json'), path.join(env.resultsDir, '2026_6_20_20_0_PRACTICE.json'));
    await env.fake.waitFor(() => board()[0].content.includes('Jérôme Ñúñez'), 5000, 'example drivers on the board');
    expect(board()).toHaveLength(1);
    expect(board()[0].edited).toBe(true);
    expect(board()[0].content).toContain('小林 健');
    env.fake.assertNoUnknownRoutes();
  });
});
