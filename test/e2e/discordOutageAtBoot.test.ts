import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FakeDiscord } from '../support/fakeDiscord';
import { ROOT, freePort, startBotFromSource } from '../support/spawnLogged';

const EXAMPLE_RESULTS = path.join(ROOT, 'examples/results/2026_6_20_20_0_PRACTICE.json');

function botDirs() {
  const dir = mkdtempSync(path.join(tmpdir(), 'outage-'));
  const results = path.join(dir, 'acserver', 'results');
  mkdirSync(results, { recursive: true });
  return {
    results,
    env: {
      DATA_DIR: path.join(dir, 'data'),
      AC_SERVER_DIR: path.join(dir, 'acserver'),
      RESULTS_SETTLE_MS: '100',
      ROTATION_ENABLED: 'false',
    },
  };
}

// A server reboots and the network (or Discord) comes up after the bot: the bot must log in
// once it can, not stay up without Discord. The example season and results file are the data.
describe('the bot process when Discord is unreachable at start-up', () => {
  it('when Discord comes up seconds after the bot, then the bot logs in by itself, the posts converge and the outage is one log line', async () => {
    const fake = FakeDiscord.create({ channels: ['leaderboard', 'schedule'] });
    const port = await freePort();
    const { results, env } = botDirs();
    const bot = startBotFromSource({
      ...env,
      DISCORD_TOKEN: fake.token,
      DISCORD_API_BASE: `http://127.0.0.1:${port}/api`,
      LEADERBOARD_CHANNEL_ID: fake.channelId('leaderboard'),
      SCHEDULE_CHANNEL_ID: fake.channelId('schedule'),
      DISCORD_LOGIN_RETRY_MS: '250', // the first wait; 5 s in production, doubling up to 5 min
      LOG_LEVEL: 'debug',
    });
    let code: number | null | 'still running';
    try {
      // Ingest works while Discord is away.
      await bot.waitForLine(/watching results folder/);
      copyFileSync(EXAMPLE_RESULTS, path.join(results, path.basename(EXAMPLE_RESULTS)));
      await bot.waitForLine(/results ingested/);
      // Several attempts have failed (each is a debug line) before Discord comes up.
      const attempts = () => bot.lines.filter((l) => l.includes('Discord login attempt failed')).length;
      await fake.waitFor(() => attempts() >= 3, 20_000, 'three failed login attempts');
      await fake.listen(port);

      await fake.waitFor(
        () => fake.messages(fake.channelId('leaderboard')).find((m) => m.content.includes('Jérôme Ñúñez')),
        20_000,
        'the leaderboard post with the example drivers',
      );
      await fake.waitFor(() => fake.messages(fake.channelId('schedule')).length === 1, 10_000, 'the schedule post');
      await bot.waitForLine(/logged in to Discord/);
      expect(bot.lines.filter((l) => /"level":40/.test(l) && l.includes('cannot reach Discord'))).toHaveLength(1);
      expect(bot.lines.join('\n')).not.toMatch(/Expected token to be set/);
      expect(fake.messages(fake.channelId('leaderboard'))).toHaveLength(1);
    } finally {
      bot.child.kill('SIGTERM');
      code = await bot.exitWithin(15_000);
      if (code === 'still running') bot.child.kill('SIGKILL');
      await fake.close();
    }
    expect(code).toBe(0);
  }, 60_000);

  it('when Discord rejects the token (401), then one error names DISCORD_TOKEN and the process exits non-zero', async () => {
    const fake = await FakeDiscord.start({ channels: ['leaderboard'] });
    const { env } = botDirs();
    const bot = startBotFromSource({
      ...env,
      DISCORD_TOKEN: 'not-the-bot-token',
      DISCORD_API_BASE: fake.apiBase,
      LEADERBOARD_CHANNEL_ID: fake.channelId('leaderboard'),
      LOG_LEVEL: 'info',
    });
    try {
      // Starting from source (tsx) on a loaded 2-core machine can take most of 20 s before login.
      const code = await bot.exitWithin(60_000);
      expect(code).not.toBe('still running');
      expect(code).not.toBe(0);
      expect(code).not.toBeNull();
      const errors = bot.lines.filter((l) => /"level":(50|60)/.test(l));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/DISCORD_TOKEN/);
      expect(bot.lines.join('\n')).not.toMatch(/\.\.\s/); // "An invalid token was provided.. Check"
      expect(bot.lines.join('\n')).not.toContain('not-the-bot-token');
    } finally {
      if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
      await fake.close();
    }
  }, 90_000);
});
