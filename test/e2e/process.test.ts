import { mkdtempSync, mkdirSync, copyFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resultsFixture, acServerName } from '../support/fixtures';
import { startBotFromSource as startMain } from '../support/spawnLogged';

describe('the bot process (npm start)', () => {
  it('when started without a token, then it ingests, says once that Discord is off, and exits 0 on SIGTERM', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'main-'));
    const results = path.join(dir, 'acserver', 'results');
    mkdirSync(results, { recursive: true });
    const fx = resultsFixture('2019_3_2_17_27_PRACTICE.json');
    copyFileSync(fx.path, path.join(results, acServerName(fx.name))); // arrived while the bot was down
    // Port 0: other suites may run a bot at the same time; the default is 8080.
    const bot = startMain({
      DATA_DIR: path.join(dir, 'data'),
      AC_SERVER_DIR: path.join(dir, 'acserver'),
      RESULTS_SETTLE_MS: '100',
      LOG_LEVEL: 'info',
      WEB_PORT: '0',
    });
    await bot.waitForLine(/watching results folder/);
    await bot.waitForLine(/website at http:\/\/127\.0\.0\.1:\d+\//);
    await bot.waitForLine(/results (ingested|file kept as unattributed)/);
    expect(bot.lines.filter((l) => l.includes('Discord posting is off'))).toHaveLength(1);
    expect(existsSync(path.join(dir, 'data', 'seasonConfig.json'))).toBe(true);
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(bot.lines.some((l) => l.includes('stopped cleanly'))).toBe(true);
    expect(bot.lines.filter((l) => /"level":(50|60)/.test(l))).toEqual([]); // no error lines
  }, 40_000);

  it('when a setting is wrong, then it stops at once with one line naming the variable', async () => {
    const bot = startMain({ STORE: 'mysql' });
    expect(await bot.exited).toBe(1);
    expect(bot.stderr().trim().split('\n')).toHaveLength(1);
    expect(bot.stderr()).toMatch(/STORE .*fix it in \.env/);
  }, 20_000);

  it('when a token is set, then the token never appears in the logs', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'main-'));
    const bot = startMain({
      DATA_DIR: dir,
      AC_SERVER_DIR: path.join(dir, 'ac'),
      WEB_ENABLED: 'false',
      DISCORD_TOKEN: 'secret-token-value-123',
      DISCORD_API_BASE: 'http://127.0.0.1:9',
      LOG_LEVEL: 'trace',
    });
    await bot.waitForLine(/Discord login failed|task started/);
    await new Promise((r) => setTimeout(r, 500));
    bot.child.kill('SIGTERM');
    await bot.exited;
    expect(bot.lines.join('\n') + bot.stderr()).not.toContain('secret-token-value-123');
    expect(readFileSync(path.join(dir, 'seasonConfig.json'), 'utf8')).not.toContain('secret');
  }, 30_000);
});
