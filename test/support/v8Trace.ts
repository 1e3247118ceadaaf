import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { productionNodeFlags } from './nodeFlags';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Runs `script` (CommonJS, may require the project's .ts files) under the production node flags
 * with V8's optimisation and deoptimisation traces on, and returns the lines it printed.
 * `gc()` is available to the script.
 */
export function v8TraceOf(script: string): string[] {
  const flags = [...productionNodeFlags(), '--expose-gc', '--trace-opt', '--trace-deopt'];
  const r = spawnSync(process.execPath, [...flags, '--require', 'tsx/cjs', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`the traced script failed (${r.status}): ${r.stderr}`);
  return r.stdout.split('\n');
}

/** true when V8 finished optimising `fn` (by name), in the usual way or on a loop (OSR). */
export const optimised = (lines: string[], fn: string): boolean =>
  lines.some((l) => new RegExp(`completed (optimizing|compiling) .*<JSFunction ${fn} `).test(l));

/** The lines where optimised code of `fn` was thrown away because a hidden class it relied on died. */
export const lostShapeDeopts = (lines: string[], fn: string): string[] =>
  lines.filter((l) => new RegExp(`SharedFunctionInfo ${fn}>.*reason: weak objects`).test(l));
