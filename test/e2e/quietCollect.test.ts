import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startMain } from '../support/startMain';
import { acServerName, resultsFixture } from '../support/fixtures';

// The production flags expose V8's collector: once ingest has been quiet for half a second, the garbage
// of a burst of results files is collected and the memory handed back (README "Memory").
describe('the bot process under the production flags, after a burst of results files', () => {
  it('when ingest has been quiet for half a second, then the garbage is collected and the heap shrinks or stays', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'quiet-gc-'));
    const results = path.join(dir, 'acserver', 'results');
    mkdirSync(results, { recursive: true });
    const fx = resultsFixture('2019_3_2_17_27_PRACTICE.json');
    const bot = startMain({
      DATA_DIR: path.join(dir, 'data'),
      AC_SERVER_DIR: path.join(dir, 'acserver'),
      RESULTS_SETTLE_MS: '100',
      ROTATION_ENABLED: 'false',
      LOG_LEVEL: 'debug',
      WEB_PORT: '0',
    });
    try {
      await bot.waitForLine((l) => l.msg === 'watching results folder', 'watching');
      copyFileSync(fx.path, path.join(results, acServerName(fx.name)));
      const ingested = await bot.waitForLine(
        (l) => typeof l.msg === 'string' && /^results (ingested|file kept as unattributed)/.test(l.msg),
        'results file read',
      );
      const collected = await bot.waitForLine(
        (l) => typeof l.msg === 'string' && l.msg.includes('garbage collected'),
        'garbage collected',
        15_000,
      );
      expect(bot.lines.indexOf(collected)).toBeGreaterThan(bot.lines.indexOf(ingested));
      expect(Date.parse(String(collected.time)) - Date.parse(String(ingested.time))).toBeGreaterThanOrEqual(500); // quiet first
      expect(collected.heapMbAfter).toBeLessThanOrEqual(collected.heapMbBefore as number);
    } finally {
      bot.kill('SIGTERM');
      await bot.exited;
    }
  }, 60_000);
});
