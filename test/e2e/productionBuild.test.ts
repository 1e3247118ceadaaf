import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, descendants, isAlive, spawnLogged } from '../support/spawnLogged';
import { FakeDiscord } from '../support/fakeDiscord';
import { BOT_CHANNELS, botChannels, fakeDiscordEnv } from '../support/fakeDiscordEnv';
import { FIXTURE_SEASON } from '../support/leagueFixture';
import { acServerName, resultsFixture } from '../support/fixtures';
import { productionEnv, productionNodeFlags } from '../support/nodeFlags';

const EXAMPLE_RESULTS = path.join(ROOT, 'examples/results/2026_6_20_20_0_PRACTICE.json');

function botEnv(dir: string): Record<string, string> {
  mkdirSync(path.join(dir, 'acserver', 'results'), { recursive: true });
  return {
    DATA_DIR: path.join(dir, 'data'),
    AC_SERVER_DIR: path.join(dir, 'acserver'),
    RESULTS_SETTLE_MS: '100',
    LOG_LEVEL: 'info',
    ROTATION_ENABLED: 'false',
    WEB_PORT: '0',
  };
}

async function waitUntil(probe: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > end) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// The production path: `npm run build` compiles to dist/, `npm start` runs it with plain node.
describe('the compiled bot (npm run build, npm start)', () => {
  beforeAll(() => {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'pipe' });
  }, 240_000);

  it('when the dependencies changed since the build (package-lock.json), then npm start builds again: the bundle holds their code', () => {
    const stamp = path.join(ROOT, 'dist', '.built');
    const ifStale = () =>
      spawnSync(process.execPath, ['scripts/build.js', '--if-stale'], { cwd: ROOT, encoding: 'utf8' });
    expect(ifStale().stderr).toBe(''); // just built: nothing to do
    const built = readFileSync(stamp, 'utf8');
    writeFileSync(stamp, built.replace(/^packages .*$/m, 'packages of-an-older-lockfile'));
    utimesSync(stamp, statSync(stamp).atime, new Date()); // newer than every source
    const rebuilt = ifStale();
    expect(rebuilt.status).toBe(0);
    expect(rebuilt.stderr).toContain('dependencies changed: compiling the bot');
    expect(readFileSync(stamp, 'utf8')).toMatch(built.split('\n')[1]!);
  }, 120_000);

  it('when npm start gets SIGTERM, then the bot stops with it and no bot process is left behind', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'npmstart-'));
    const npm = spawnLogged('npm', ['start', '--silent'], { env: botEnv(dir) });
    await npm.waitForLine(/watching results folder/, 60_000);
    const below = descendants(npm.child.pid!);
    expect(below.length).toBeGreaterThan(0);
    try {
      // The one-file build runs: dist/bot.js, with the packages inside it (only native and
      // optional ones are loaded from node_modules).
      const commandLines = below.map((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0'));
      expect(commandLines.some((args) => args.includes('dist/bot.js'))).toBe(true);
      const bundle = readFileSync(path.join(ROOT, 'dist/bot.js'), 'utf8');
      for (const inside of ['discord.js', 'chokidar', 'pino', 'fastify', 'undici'])
        expect(bundle).not.toMatch(new RegExp(`require\\(["']${inside}["']\\)`));
      expect(bundle).toMatch(/require\(["']better-sqlite3["']\)/);
      npm.child.kill('SIGTERM');
      expect(await npm.exited).toBe(0);
      await waitUntil(
        () => below.every((pid) => !isAlive(pid)),
        10_000,
        `processes ${below.join(', ')} of npm start stopped`,
      );
      expect(npm.lines.some((l) => l.includes('stopped cleanly'))).toBe(true);
    } finally {
      for (const pid of below.filter(isAlive)) process.kill(pid, 'SIGKILL'); // never leave an orphaned bot behind
    }
  }, 90_000);

  it('when the one-file build runs against Discord (a fake one), then it posts the standings with their chart', async () => {
    // discord.js, its REST client and the chart renderer, from dist/bot.js under the production flags.
    const fake = await FakeDiscord.start({ channels: BOT_CHANNELS });
    const channels = botChannels(fake);
    const dir = mkdtempSync(path.join(tmpdir(), 'bundle-discord-'));
    const env = botEnv(dir);
    writeFileSync(path.join(dir, 'seasonConfig.json'), FIXTURE_SEASON);
    for (const name of ['2019_2_15_22_3_QUALIFY.json', '2019_3_2_17_27_PRACTICE.json']) {
      const fx = resultsFixture(name);
      writeFileSync(path.join(dir, 'acserver', 'results', acServerName(fx.name)), fx.bytes);
    }
    const bot = spawnLogged(process.execPath, [...productionNodeFlags(), 'dist/bot.js'], {
      env: {
        ...productionEnv(),
        ...env,
        SEASON_CONFIG: path.join(dir, 'seasonConfig.json'),
        ...fakeDiscordEnv(fake, channels, fake.addRole('League Admin')),
      },
    });
    try {
      await fake.waitFor(
        () => fake.messages(channels.standings)[0]?.attachmentNames.includes('standings-season1.png'),
        30_000,
        'the standings post with its chart',
      );
      expect(fake.messages(channels.leaderboard).length).toBeGreaterThan(0);
    } finally {
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
      await fake.close();
    }
  }, 60_000);

  it('when the dev dependencies are pruned, then npm start and the CLI run from dist/ without TypeScript or tsx', async () => {
    const app = mkdtempSync(path.join(tmpdir(), 'prod-'));
    // What a production box holds after `npm ci && npm run build && npm prune --omit=dev`: no
    // sources, so everything the bot loads must come from dist/ (or the package root's examples/).
    for (const f of ['package.json', 'package-lock.json']) copyFileSync(path.join(ROOT, f), path.join(app, f));
    for (const d of ['dist', 'examples', 'scripts']) cpSync(path.join(ROOT, d), path.join(app, d), { recursive: true });
    // Hard links: fast, and prune only unlinks the copy's names. realpath: were node_modules a
    // symlink, copying the link would let prune delete the project's own dev dependencies.
    execFileSync('cp', ['-al', realpathSync(path.join(ROOT, 'node_modules')), path.join(app, 'node_modules')]);
    execFileSync('npm', ['prune', '--omit=dev', '--no-audit', '--no-fund'], { cwd: app, stdio: 'pipe' });
    for (const dev of ['typescript', 'tsx', 'esbuild', 'jest', 'ts-jest'])
      expect(existsSync(path.join(app, 'node_modules', dev))).toBe(false);

    const data = mkdtempSync(path.join(tmpdir(), 'prod-data-'));
    const env = botEnv(data);
    const bot = spawnLogged('npm', ['start', '--silent'], { cwd: app, env });
    try {
      await bot.waitForLine(/watching results folder/, 30_000);
      expect(existsSync(path.join(data, 'data', 'seasonConfig.json'))).toBe(true); // the example season, copied on first start
      copyFileSync(EXAMPLE_RESULTS, path.join(data, 'acserver', 'results', path.basename(EXAMPLE_RESULTS)));
      await bot.waitForLine(/results ingested/, 20_000);
      // The website, with its static files, served from dist/.
      const base = (JSON.parse(await bot.waitForLine(/website at/)) as { url: string }).url;
      const css = await fetch(new URL('/static/style.css', base));
      expect(css.status).toBe(200);
      expect(await fetch(new URL('/schedule', base)).then((r) => r.text())).toContain('/static/style.css');

      // The standings chart's renderer and font (loaded on first use) resolve from there too.
      execFileSync(process.execPath, ['-e', "require('./dist/src/adapters/chart/chartText').registerChartFonts()"], {
        cwd: app,
      });

      const cli = spawnLogged('npm', ['run', '--silent', 'cli', '--', 'leaderboard', 'season2#event2'], {
        cwd: app,
        env: { ...env, LOG_LEVEL: 'warn' },
      });
      expect(await cli.exited).toBe(0);
      expect(cli.lines.join('\n')).toContain('Jérôme Ñúñez');
    } finally {
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
      rmSync(app, { recursive: true, force: true });
    }
  }, 120_000);
});
