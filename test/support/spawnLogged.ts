import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { productionNodeFlags } from './nodeFlags';

export const ROOT = path.resolve(__dirname, '../..');

export interface LoggedProcess {
  child: ChildProcess;
  /** stdout lines so far (the bot's JSON log lines). */
  lines: string[];
  stderr(): string;
  exited: Promise<number | null>;
  /** The exit code, or 'still running' after ms (the test then fails instead of hanging). */
  exitWithin(ms: number): Promise<number | null | 'still running'>;
  waitForLine(re: RegExp, ms?: number): Promise<string>;
}

/** A child process (the bot, npm, the CLI) whose output the test reads line by line. */
export function spawnLogged(
  command: string,
  args: string[],
  opts: { cwd?: string; env: Record<string, string | undefined> },
): LoggedProcess {
  const child = spawn(command, args, {
    cwd: opts.cwd ?? ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  let partial = '';
  child.stdout.on('data', (d: Buffer) => {
    const parts = (partial + d.toString()).split('\n');
    partial = parts.pop()!;
    lines.push(...parts.filter(Boolean));
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const waitForLine = async (re: RegExp, ms = 60_000) => {
    const end = Date.now() + ms;
    for (;;) {
      const hit = lines.find((l) => re.test(l));
      if (hit) return hit;
      if (Date.now() > end) throw new Error(`no output line ${re} in:\n${lines.join('\n')}\n${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const exitWithin = (ms: number) =>
    Promise.race([
      exited,
      new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), ms).unref()),
    ]);
  return { child, lines, exited, exitWithin, waitForLine, stderr: () => stderr };
}

/**
 * The bot's entry point from source, the way `npm start` runs the compiled one (same node flags).
 * Its website listens on a free port unless the test says otherwise (tests run side by side).
 */
export function startBotFromSource(env: Record<string, string>): LoggedProcess {
  return spawnLogged(process.execPath, [...productionNodeFlags(), '--import', 'tsx', 'src/main.ts'], {
    env: { WEB_PORT: '0', ...env },
  });
}

/** Pids of every live process below `pid` (children, grandchildren, ...), from /proc. */
export function descendants(pid: number): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // "pid (comm) state ppid ...": comm may hold spaces or parentheses, so split after the last ')'.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // exited meanwhile
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const [child, pp] of parent) {
      if (pp !== p) continue;
      out.push(child);
      walk(child);
    }
  };
  walk(pid);
  return out;
}

export function isAlive(pid: number): boolean {
  try {
    // A zombie has exited: it only waits for its parent to read its status.
    return !/^\S+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** A TCP port on 127.0.0.1 that was free a moment ago (for a server a child process starts later). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
