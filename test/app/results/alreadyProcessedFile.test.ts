import { readFileSync } from 'node:fs';
import path from 'node:path';
import { makeLeague } from '../../support/leagueFixture';
import { captureLog } from '../../support/captureLog';

const ROOT = path.resolve(__dirname, '../../..');
const FILE = path.join(ROOT, 'examples/results/2026_6_20_20_0_PRACTICE.json');

describe('League: a results file that was already read', () => {
  it('when it is written again with the same content, then it is skipped with an info line saying why; the start-up scan of old files stays quiet', async () => {
    const { log, lines } = captureLog();
    const ctx = await makeLeague({ season: readFileSync(path.join(ROOT, 'examples/seasonConfig.json'), 'utf8'), log });
    try {
      const bytes = readFileSync(FILE);
      const input = (mtime: Date) => ({ path: `/results/${path.basename(FILE)}`, bytes, mtime });
      expect((await ctx.league.onResultsFile(input(new Date('2026-06-20T21:00:00Z')))).status).toBe('ingested');
      const at = (await ctx.state.processedFile(path.basename(FILE)))!.at;
      const skippedInfo = () => lines.filter((l) => l.level === 30 && String(l.msg).includes('already read'));

      // The same file seen again at start-up: it has not been touched since it was read.
      expect((await ctx.league.onResultsFile(input(new Date(Date.parse(at) - 60_000)))).status).toBe('skipped');
      expect(skippedInfo()).toEqual([]);

      // Copied into the folder again after it was read (as in the README walkthrough).
      expect((await ctx.league.onResultsFile(input(new Date(Date.parse(at) + 60_000)))).status).toBe('skipped');
      expect(skippedInfo()).toHaveLength(1);
      expect(skippedInfo()[0]).toEqual(expect.objectContaining({ file: path.basename(FILE), processedAt: at }));
      expect(skippedInfo()[0]?.msg).toMatch(/same content.*nothing changes.*--event/);
    } finally {
      await ctx.close();
    }
  });
});
