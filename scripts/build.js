#!/usr/bin/env node
// Compiles the bot into dist/ (`npm run build`). With --if-stale (before `npm start`, `npm run cli`
// and `npm run deploy-commands`) it compiles only when dist/ is missing, older than the sources or
// built with other dependencies (package-lock.json: the bundle holds their code), so
// `npm ci && npm start` works on a fresh clone and after a `git pull`. Plain JavaScript and
// node built-ins only: it must run where the dev dependencies (TypeScript) were pruned, and there
// a stale dist/ is a warning, not an error. Output goes to stderr so `--json` on stdout stays clean.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');

const root = path.resolve(__dirname, '..');
const stamp = path.join(root, 'dist', '.built');
const SOURCES = ['src', 'commands', 'deploy-commands.ts', 'tsconfig.json', 'tsconfig.build.json'];
/** Files the compiled bot reads beside its code (TypeScript copies none of them). */
const ASSETS = ['src/web/static'];
/** The bot in one file, what `npm start` and the systemd units run (see bundle() below). */
const BUNDLE = path.join(root, 'dist', 'bot.js');
/**
 * Packages the bundle loads from node_modules at run time: native code (better-sqlite3, the chart's
 * canvas), files found by path (the chart's fonts), what only DynamoDB or a terminal needs.
 */
const EXTERNAL = ['better-sqlite3', '@napi-rs/*', 'dejavu-fonts-ttf', '@aws-sdk/*', 'pino-pretty'];

function newest(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, e) => Math.max(m, newest(path.join(p, e))), 0);
}

/** When dist/ was last built whole (the bundle included), or 0. */
function builtAt() {
  try {
    fs.statSync(BUNDLE);
    return fs.statSync(stamp).mtimeMs;
  } catch {
    return 0;
  }
}

/** The dependencies the bundle was built with, as the stamp records them. */
const PACKAGES = 'packages ';
function packagesNow() {
  const lock = path.join(root, 'package-lock.json');
  return fs.existsSync(lock) ? createHash('sha256').update(fs.readFileSync(lock)).digest('hex') : 'none';
}
function packagesBuilt() {
  try {
    const line = fs
      .readFileSync(stamp, 'utf8')
      .split('\n')
      .find((l) => l.startsWith(PACKAGES));
    return line?.slice(PACKAGES.length);
  } catch {
    return undefined;
  }
}

/**
 * dist/src/main.js and what it loads, bundled into dist/bot.js without comments and indentation.
 * Names are kept (but for a few esbuild renames where two would collide, e.g. `DiscordjsError2`),
 * so stack traces still name functions, and dist/bot.js.map maps their positions back to dist/src/
 * (node --enable-source-maps). Node keeps every loaded module's source text in memory, and the
 * bundle's is much smaller than the files it replaces, so the bot's RSS is 3-5 MB lower; it also
 * reads one file at start, not a few hundred.
 */
function bundle() {
  let esbuild;
  try {
    esbuild = require(require.resolve('esbuild', { paths: [root] }));
  } catch {
    process.stderr.write(
      'error: esbuild is not installed: run `npm ci` (with dev dependencies), then `npm run build`.\n',
    );
    process.exit(1);
  }
  esbuild.buildSync({
    entryPoints: [path.join(root, 'dist', 'src', 'main.js')],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    target: 'node20', // the oldest Node the bot supports
    format: 'cjs',
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: 'linked',
    external: EXTERNAL,
    logLevel: 'warning',
  });
}

function typescriptCompiler() {
  try {
    return require.resolve('typescript/bin/tsc', { paths: [root] });
  } catch {
    return undefined;
  }
}

const ifStale = process.argv.includes('--if-stale');
const built = builtAt();
if (ifStale) {
  const sources = SOURCES.map((s) => path.join(root, s)).filter((s) => fs.existsSync(s));
  const fresh = built > 0 && built >= Math.max(0, ...sources.map(newest)) && packagesBuilt() === packagesNow();
  if (fresh) process.exit(0);
}
const tsc = typescriptCompiler();
if (!tsc) {
  if (ifStale && built > 0) {
    process.stderr.write(
      'warning: dist/ is older than the sources or its dependencies, and TypeScript is not installed (dev dependencies pruned): running the old build. Rebuild with `npm ci && npm run build`.\n',
    );
    process.exit(0);
  }
  process.stderr.write(
    'error: dist/ needs building and TypeScript is not installed: run `npm ci` (with dev dependencies), then `npm run build`.\n',
  );
  process.exit(1);
}
if (ifStale)
  process.stderr.write(
    built
      ? 'sources or dependencies changed: compiling the bot into dist/ ...\n'
      : 'first start: compiling the bot into dist/ (once, about 15 s) ...\n',
  );
// A full build starts from an empty dist/: no output of a deleted source is left behind, and
// TypeScript's incremental state cannot claim outputs that are gone are up to date.
if (!ifStale || built === 0) fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
const started = Date.now();
const r = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], {
  cwd: root,
  stdio: ['ignore', 2, 2],
});
if (r.status !== 0) {
  process.stderr.write('error: the TypeScript build failed (see above).\n');
  process.exit(r.status ?? 1);
}
for (const dir of ASSETS) {
  const to = path.join(root, 'dist', dir);
  fs.rmSync(to, { recursive: true, force: true });
  if (fs.existsSync(path.join(root, dir))) fs.cpSync(path.join(root, dir), to, { recursive: true });
}
bundle();
fs.writeFileSync(stamp, `${new Date(started).toISOString()}\n${PACKAGES}${packagesNow()}\n`);
// The stamp says "built from sources as of the start of the build", so an edit made during the build still counts as newer.
fs.utimesSync(stamp, new Date(started), new Date(started));
