import { createServer } from 'node:http';
import { mkdtempSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, USAGE } from '../../src/cli/runCli';

const ROOT = path.resolve(__dirname, '../..');

async function run(argv: string[], env: NodeJS.ProcessEnv = { LOG_LEVEL: 'silent' }) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, env, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The command column of the README's CLI table, as written (`\|` is a table-escaped `|`). */
function readmeCommands(): string[] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## CLI'), readme.indexOf('\n## ', readme.indexOf('\n## CLI') + 1));
  return [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!.replace(/\\\|/g, '|')); // the group is not optional;
}

describe('npm run cli: usage', () => {
  it('when asked for --help, then the usage goes to stdout and the exit code is 0', async () => {
    for (const flag of ['--help', '-h']) {
      const r = await run([flag]);
      expect(r).toEqual({ code: 0, out: USAGE, err: '' });
    }
  });

  it('when no command is given, then the usage goes to stderr and the exit code is 1', async () => {
    const r = await run([]);
    expect(r).toEqual({ code: 1, out: '', err: USAGE });
  });

  it('when the README lists the commands, then it shows exactly the syntax the usage text shows', () => {
    const usage = USAGE.split('\n')
      .slice(1)
      .map((l) => l.trim().split(/\s{2,}/)[0]);
    expect(readmeCommands().sort()).toEqual(usage.sort());
  });
});

describe('npm run cli create-tables', () => {
  it('when the store is SQLite, then it says there is nothing to create and never calls AWS', async () => {
    const requests: string[] = [];
    const aws = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      res.writeHead(500).end();
    });
    await new Promise<void>((resolve) => aws.listen(0, '127.0.0.1', resolve));
    try {
      const endpoint = `http://127.0.0.1:${(aws.address() as { port: number }).port}`;
      const dir = mkdtempSync(path.join(tmpdir(), 'cli-'));
      mkdirSync(path.join(dir, 'data'));
      const r = await run(['create-tables'], {
        STORE: 'sqlite',
        DYNAMODB_ENDPOINT: endpoint,
        DATA_DIR: path.join(dir, 'data'),
        LOG_LEVEL: 'silent',
      });
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/STORE=sqlite.*nothing to create/);
      expect(requests).toEqual([]);
    } finally {
      await new Promise((resolve) => aws.close(resolve));
    }
  });
});

describe('npm run cli leaderboard', () => {
  it('when printed for people, then car names are pretty like in the Discord posts', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cli-'));
    const env = {
      DATA_DIR: dir,
      RESULTS_DIR: path.join(dir, 'results'),
      SEASON_CONFIG: path.join(ROOT, 'examples/seasonConfig.json'),
      LOG_LEVEL: 'silent',
    };
    expect(
      (
        await run(
          ['ingest', path.join(ROOT, 'examples/results/2026_6_20_20_0_PRACTICE.json'), '--event', 'season2#event2'],
          env,
        )
      ).code,
    ).toBe(0);
    const r = await run(['leaderboard', 'season2#event2'], env);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Mazda MX5 Cup');
    expect(r.out).toContain('BMW M3 E30');
    expect(r.out).not.toMatch(/ks_mazda_mx5_cup|bmw_m3_e30/);
  });
});
