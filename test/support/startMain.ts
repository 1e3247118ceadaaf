import { spawn } from 'node:child_process';
import path from 'node:path';
import { productionNodeFlags } from './nodeFlags';

const ROOT = path.resolve(__dirname, '../..');

export interface MainProcess {
  pid: number;
  /** Log lines, parsed (pino JSON). */
  lines: Array<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  waitForLine(
    match: (line: Record<string, unknown>) => boolean,
    what: string,
    ms?: number,
  ): Promise<Record<string, unknown>>;
  kill(signal: NodeJS.Signals): void;
}

/** Runs src/main.ts as `npm start` does; `preload` modules (.ts) are required first, e.g. a crash hook. */
export function startMain(env: Record<string, string>, opts: { preload?: string[] } = {}): MainProcess {
  const preload = (opts.preload ?? []).flatMap((m) => ['--require', m]);
  const args = [
    ...productionNodeFlags(),
    ...(preload.length ? ['--require', require.resolve('tsx/cjs'), ...preload] : []),
    '--import',
    'tsx',
    'src/main.ts',
  ];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Array<Record<string, unknown>> = [];
  let stderr = '';
  let rest = '';
  child.stdout.on('data', (d: Buffer) => {
    const parts = (rest + d.toString()).split('\n');
    rest = parts.pop() ?? '';
    for (const p of parts.filter(Boolean)) lines.push(JSON.parse(p) as Record<string, unknown>);
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    pid: child.pid!,
    lines,
    exited,
    async waitForLine(match, what, ms = 60_000) {
      const end = Date.now() + ms;
      for (;;) {
        const found = lines.find(match);
        if (found) return found;
        if (Date.now() > end || child.exitCode !== null || child.signalCode !== null) {
          throw new Error(
            `no log line ${what} (bot ${child.exitCode === null && child.signalCode === null ? 'running' : 'exited'}):\n${lines.map((l) => JSON.stringify(l)).join('\n')}\n${stderr}`,
          );
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    kill: (signal) => void child.kill(signal),
  };
}
