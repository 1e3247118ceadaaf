import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../src/config';
import { createLogger, type Logger } from '../../src/logger';
import { startBot, type RunningBot } from '../../src/wiring';
import { FakeDiscord } from './fakeDiscord';
import { BOT_CHANNELS, botChannels, fakeDiscordEnv } from './fakeDiscordEnv';
import { FIXTURE_SEASON } from './leagueFixture';
import { resultsFixture, acServerName } from './fixtures';
import type { Clock } from '../../src/app/ports';

export interface TestBotEnv {
  fake: FakeDiscord;
  dir: string;
  resultsDir: string;
  channels: Record<'leaderboard' | 'schedule' | 'standings' | 'announcements' | 'admin', string>;
  adminRoleId: string;
  config: Config;
  /** Log lines (parsed JSON) the bot wrote, for asserting what an admin would read. */
  logs: Array<Record<string, unknown>>;
  bot: RunningBot;
  /** Stop the bot and start a fresh one on the same data folder and fake Discord. */
  restart(): Promise<RunningBot>;
  /** Copy a results fixture into the watched folder under its acServer name (or `as`). */
  dropResults(fixtureSuffix: string, as?: string): string;
  close(): Promise<void>;
}

/**
 * The whole bot (real SQLite file, real watcher, real discord.js client) against a fake Discord
 * on 127.0.0.1. Extra env overrides any setting.
 */
export async function startTestBot(
  opts: { env?: Record<string, string>; season?: string; clock?: Clock; fake?: FakeDiscord } = {},
): Promise<TestBotEnv> {
  const fake = opts.fake ?? (await FakeDiscord.start({ channels: BOT_CHANNELS }));
  const channels = botChannels(fake);
  const adminRoleId = fake.addRole('League Admin');
  // TMPDIR read directly: os.tmpdir() ignores it while a test acts as another user (asUnprivileged).
  const dir = mkdtempSync(path.join(process.env.TMPDIR ?? tmpdir(), 'e2e-'));
  const resultsDir = path.join(dir, 'acserver', 'results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(path.join(dir, 'seasonConfig.json'), opts.season ?? FIXTURE_SEASON);
  const config = loadConfig(
    {
      DATA_DIR: path.join(dir, 'data'),
      AC_SERVER_DIR: path.join(dir, 'acserver'),
      SEASON_CONFIG: path.join(dir, 'seasonConfig.json'),
      RESULTS_SETTLE_MS: '100',
      ...fakeDiscordEnv(fake, channels, adminRoleId),
      LOG_LEVEL: 'debug',
      // Rotation rewrites currentEvent.json at start-up; tests about rotation turn it on.
      ROTATION_ENABLED: 'false',
      // Many bots run at once: the website is off unless a test turns it on, and then on a free port.
      WEB_ENABLED: 'false',
      WEB_PORT: '0',
      ...opts.env,
    },
    dir,
  );
  const logs: Array<Record<string, unknown>> = [];
  const log: Logger = createLogger('debug', {
    write: (line: string) => {
      logs.push(JSON.parse(line) as Record<string, unknown>);
    },
  });
  const start = async () => {
    const bot = await startBot(config, log, { clock: opts.clock, fastDiscord: true });
    await bot.discord?.whenReady();
    return bot;
  };
  const env: TestBotEnv = {
    fake,
    dir,
    resultsDir,
    channels,
    adminRoleId,
    config,
    logs,
    bot: await start(),
    async restart() {
      await env.bot.stop();
      env.bot = await start();
      return env.bot;
    },
    dropResults(suffix, as) {
      const fx = resultsFixture(suffix);
      const file = path.join(resultsDir, as ?? acServerName(fx.name));
      writeFileSync(file, fx.bytes);
      return file;
    },
    async close() {
      await env.bot.stop();
      if (!opts.fake) await fake.close();
    },
  };
  return env;
}
