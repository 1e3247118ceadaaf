import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FIXTURE_SEASON } from '../support/leagueFixture';
import { rawLap, resultsBytes } from '../support/resultsFile';

const ROOT = path.resolve(__dirname, '../..');
const FILES = 600;

describe('npm run cli into a pipe', () => {
  it('when the output is larger than a pipe holds (64 KB) and is read slowly, then all of it arrives before the CLI exits', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cli-pipe-'));
    const results = path.join(dir, 'results');
    mkdirSync(results);
    writeFileSync(path.join(dir, 'seasonConfig.json'), FIXTURE_SEASON);
    for (let i = 0; i < FILES; i++)
      writeFileSync(
        path.join(results, `lap-${i}.json`),
        resultsBytes([rawLap({ DriverGuid: String(76561198000000000n + BigInt(i)), Timestamp: 100_000 + i })]),
      );
    // As in `npm run -s cli -- ingest ... --json | jq`, with a reader that starts late: the pipe
    // takes 64 KB, the rest waits in the CLI, which must not exit before the reader has it all.
    const cli = `"${process.execPath}" --import tsx src/cli.ts ingest "${results}" --json`;
    const child = spawn('bash', ['-c', `set -o pipefail; ${cli} | (sleep 3; cat)`], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        DATA_DIR: path.join(dir, 'data'),
        RESULTS_DIR: results,
        SEASON_CONFIG: path.join(dir, 'seasonConfig.json'),
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => chunks.push(d));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const [code] = (await once(child, 'close')) as [number | null];
    expect(code).toBe(0);
    const out = Buffer.concat(chunks).toString();
    expect(out.length).toBeGreaterThan(64 * 1024);
    const outcomes = JSON.parse(out) as Array<{ status: string }>;
    expect(outcomes).toHaveLength(FILES);
    expect(stderr).toBe('');
  }, 30_000);
});
