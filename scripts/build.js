#!/usr/bin/env node
// Compiles the bot into dist/ (`npm run build`). With --if-stale (before `npm start`, `npm run cli`
// and `npm run deploy-commands`) it compiles only when dist/ is missing or older than the sources,
// so `npm ci && npm start` works on a fresh clone and after a `git pull`. Plain JavaScript and
// node built-ins only: it must run where the dev dependencies (TypeScript) were pruned, and there
// a stale dist/ is a warning, not an error. Output goes to stderr so `--json` on stdout stays clean.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const stamp = path.join(root, 'dist', '.built');
const SOURCES = ['src', 'commands', 'deploy-commands.ts', 'tsconfig.json', 'tsconfig.build.json'];
/** Files the compiled bot reads beside its code (TypeScript copies none of them). */
const ASSETS = ['src/web/static'];

function newest(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, e) => Math.max(m, newest(path.join(p, e))), 0);
}

function builtAt() {
  try {
    return fs.statSync(stamp).mtimeMs;
  } catch {
    return 0;
  }
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
  if (built > 0 && built >= Math.max(0, ...sources.map(newest))) process.exit(0);
}
const tsc = typescriptCompiler();
if (!tsc) {
  if (ifStale && built > 0) {
    process.stderr.write(
      'warning: dist/ is older than the sources and TypeScript is not installed (dev dependencies pruned): running the old build. Rebuild with `npm ci && npm run build`.\n',
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
      ? 'sources changed: compiling the bot into dist/ ...\n'
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
fs.writeFileSync(stamp, `${new Date(started).toISOString()}\n`);
// The stamp says "built from sources as of the start of the build", so an edit made during the build still counts as newer.
fs.utimesSync(stamp, new Date(started), new Date(started));
