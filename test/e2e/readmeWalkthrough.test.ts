import { execFileSync } from 'node:child_process';
import { readFileSync, copyFileSync, cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestBot, type TestBotEnv } from '../support/startTestBot';
import { ROOT, freePort, spawnLogged, type LoggedProcess } from '../support/spawnLogged';
import { present } from '../support/present';

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
    copyFileSync(
      path.join(ROOT, 'examples/results/2026_6_20_20_0_PRACTICE.json'),
      path.join(env.resultsDir, '2026_6_20_20_0_PRACTICE.json'),
    );
    await env.fake.waitFor(() => board()[0]?.content.includes('Jérôme Ñúñez'), 5000, 'example drivers on the board');
    expect(board()).toHaveLength(1);
    expect(board()[0]?.edited).toBe(true);
    expect(board()[0]?.content).toContain('小林 健');
    env.fake.assertNoUnknownRoutes();
  });
});

/** The commands of the README's "Try it against a fake Discord" block, by terminal. */
function walkthroughCommands(): Record<string, string> {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Try it against a fake Discord'));
  const block = present(/```sh\n([\s\S]*?)```/.exec(section)?.[1], 'the sh block of "Try it against a fake Discord"');
  return Object.fromEntries(
    block
      .trim()
      .split('\n')
      .map((line) => {
        const [command = '', comment = ''] = line.split(/\s+#\s+/);
        return [present(/terminal \d/.exec(comment)?.[0], `a "# terminal N" comment on: ${line}`), command.trim()];
      }),
  );
}

// The walkthrough as a reader runs it, right after the quick start (which already read the
// example file into ./data), in a folder of its own: the fake and the bot as processes.
describe('e2e: the README walkthrough, as written, right after the quick start', () => {
  it('when the three commands run, then terminal 1 shows the leaderboard post edited with the example drivers', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'walkthrough-'));
    cpSync(path.join(ROOT, 'examples'), path.join(cwd, 'examples'), { recursive: true }); // a clone has them
    // WEB_PORT=0: other tests run beside this one; a reader's bots use their own fixed ports.
    const fromSource = (file: string, env: Record<string, string>) =>
      spawnLogged(process.execPath, ['--import', require.resolve('tsx'), path.join(ROOT, file)], {
        cwd,
        env: { WEB_PORT: '0', ...env },
      });

    // Quick start: `npm start`, an example results file dropped in, read.
    const quick = fromSource('src/main.ts', { ROTATION_ENABLED: 'false', RESULTS_SETTLE_MS: '100' });
    await quick.waitForLine(/watching results folder/);
    mkdirSync(path.join(cwd, 'acserver/results'), { recursive: true });
    copyFileSync(
      path.join(ROOT, 'examples/results/2026_6_20_20_0_PRACTICE.json'),
      path.join(cwd, 'acserver/results/2026_6_20_20_0_PRACTICE.json'),
    );
    await quick.waitForLine(/results ingested/);
    quick.child.kill('SIGTERM');
    expect(await quick.exitWithin(15_000)).toBe(0);

    const commands = walkthroughCommands();
    expect(commands['terminal 1']).toBe('npm run fake-discord');
    expect(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts['fake-discord']).toBe(
      'tsx test/support/fakeDiscord/serve.ts',
    );
    const fake = fromSource('test/support/fakeDiscord/serve.ts', { FAKE_DISCORD_PORT: String(await freePort()) });
    const [envAssignment = '', ...start] = present(commands['terminal 2'], 'a terminal 2 command').split(' ');
    expect(start.join(' ')).toBe('npm start');
    let bot: LoggedProcess | undefined;
    try {
      await fake.waitForLine(/settings written/);
      const [name = '', value] = envAssignment.split('=');
      bot = fromSource('src/main.ts', {
        [name]: present(value, `a value in ${envAssignment}`),
        ROTATION_ENABLED: 'false',
      });
      await fake.waitForLine(/#leaderboard message \d+ posted/);
      execFileSync('sh', ['-c', present(commands['terminal 3'], 'a terminal 3 command')], {
        cwd,
        env: { PATH: process.env.PATH },
      });
      const edited = await fake.waitForLine(/#leaderboard message \d+ edited/);
      const after = fake.lines.slice(fake.lines.indexOf(edited)).join('\n');
      expect(after).toContain('Jérôme Ñúñez');
    } finally {
      bot?.child.kill('SIGTERM');
      await bot?.exitWithin(15_000);
      fake.child.kill('SIGINT');
      await fake.exitWithin(5000);
    }
  }, 240_000);
});
