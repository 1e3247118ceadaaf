// Discord unreachable when the bot starts (a reboot where the network comes up after the unit):
// the compiled bot with production login retries (DISCORD_LOGIN_RETRY_MS default: 5 s doubling),
// the fake Discord starts listening `delay` seconds later. Prints how long after Discord came up
// the leaderboard post appeared.
// Usage: npx tsx bench/outageAtBoot.ts [delaySeconds=15]
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { FakeDiscord } from '../test/support/fakeDiscord';
import { freePort } from '../test/support/spawnLogged';
import { startBotProcess, BENCH_SEASON } from './botProcess';

async function main() {
  const delay = Number(process.argv[2] ?? 15) * 1000;
  const fake = FakeDiscord.create({ channels: ['leaderboard'] });
  const channel = fake.channelId('leaderboard');
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-outage-'));
  writeFileSync(path.join(dir, 'season.json'), BENCH_SEASON);
  const bot = startBotProcess(dir, {
    SEASON_CONFIG: path.join(dir, 'season.json'),
    ROTATION_ENABLED: 'false',
    DISCORD_TOKEN: fake.token,
    DISCORD_API_BASE: `http://127.0.0.1:${port}/api`,
    LEADERBOARD_CHANNEL_ID: channel,
  });
  const started = Date.now();
  try {
    await new Promise((r) => setTimeout(r, delay));
    await fake.listen(port);
    const up = Date.now();
    await fake.waitFor(() => fake.messages(channel).length === 1, 10 * 60_000, 'the leaderboard post');
    const posted = Date.now();
    console.log(
      `outage at boot: Discord up ${((up - started) / 1000).toFixed(1)} s after the bot started; ` +
        `leaderboard posted ${((posted - up) / 1000).toFixed(1)} s after that (${((posted - started) / 1000).toFixed(1)} s after start)`,
    );
  } finally {
    bot.kill('SIGTERM');
    await once(bot, 'exit');
    await fake.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
