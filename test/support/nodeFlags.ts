import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** The node flags between `node` and the entry point in a command line. */
export function flagsOf(commandLine: string, entry = 'dist/bot.js'): string[] {
  const m = new RegExp(`\\bnode((?:\\s+--\\S+)*)\\s+${entry.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`).exec(
    commandLine,
  );
  if (!m) throw new Error(`no "node <flags> ${entry}" in: ${commandLine}`);
  return m[1]!.split(/\s+/).filter(Boolean);
}

/**
 * The node flags production runs the bot with: `npm start` in package.json is their one source;
 * the systemd units repeat them (a test checks), and tests and benches start the bot with them.
 */
export function productionNodeFlags(): string[] {
  return flagsOf(npmStart());
}

/** The environment `npm start` sets for node (glibc's allocator settings); the systemd units repeat it. */
export function productionEnv(): Record<string, string> {
  const m = /^((?:\w+=\S*\s+)*)exec\b/.exec(npmStart());
  return Object.fromEntries(
    (m?.[1] ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((kv) => kv.split('=', 2) as [string, string]),
  );
}

function npmStart(): string {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  return pkg.scripts.start;
}
