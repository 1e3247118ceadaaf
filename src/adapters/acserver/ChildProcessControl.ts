import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Logger } from '../../logger';
import type { AcServerControl } from '../../app/rotation/acServerPorts';
import { splitCommand } from './splitCommand';
import { acServerEnv } from './acServerEnv';
import { removePidFile, stopLeftoverAcServer, writePidFile } from './acServerPidFile';
import { backoffDelay } from '../../lib/backoffDelay';

export interface ChildProcessControlOptions {
  /** AC_SERVER_COMMAND, run from cwd without a shell, e.g. ./acServer */
  command: string;
  /** AC_SERVER_DIR: acServer reads cfg/ and writes results/ relative to it */
  cwd: string;
  log: Logger;
  /** Filtered by acServerEnv: acServer never gets the bot's settings and secrets. */
  env?: NodeJS.ProcessEnv;
  /** Where the running acServer's pid is kept (DATA_DIR/acserver.pid), to stop it after a bot crash. */
  pidFile?: string;
  /** SIGTERM, then SIGKILL after this long */
  stopTimeoutMs?: number;
  /** Restart delays after a crash: doubling from firstMs up to maxMs; reset after running stableMs. */
  backoff?: { firstMs: number; maxMs: number; stableMs: number };
}

/**
 * acServer as a child of the bot: started with the bot, restarted with bounded backoff when it
 * dies, its stdout/stderr lines in the bot's log, stopped on shutdown. Under systemd the bot's
 * unit kills the whole control group; elsewhere an acServer that outlived a killed bot is found
 * through the pid file and stopped before a new one starts.
 */
export class ChildProcessControl implements AcServerControl {
  readonly description: string;
  private child: ChildProcess | undefined;
  private supervising = false;
  private stopped = false;
  private respawnTimer: NodeJS.Timeout | undefined;
  private crashes = 0;
  private readonly stopping = new WeakSet<ChildProcess>();
  private readonly argv: [string, ...string[]];
  private readonly backoff: { firstMs: number; maxMs: number; stableMs: number };

  constructor(private readonly opts: ChildProcessControlOptions) {
    this.argv = splitCommand(opts.command);
    this.description = `child process ${opts.command}`;
    this.backoff = opts.backoff ?? { firstMs: 1000, maxMs: 60_000, stableMs: 60_000 };
  }

  async start(): Promise<void> {
    this.stopped = false;
    this.supervising = true;
    if (this.opts.pidFile && !this.child)
      await stopLeftoverAcServer(
        this.opts.pidFile,
        this.opts.log.child({ component: 'acserver' }),
        this.opts.stopTimeoutMs ?? 10_000,
      );
    if (!this.child) await this.spawnOnce();
  }

  async restart(): Promise<void> {
    // After stop() (bot shutting down) a late /rotate must not leave an orphan acServer behind.
    if (this.stopped) throw new Error('acServer is stopped because the bot is shutting down');
    this.supervising = true;
    clearTimeout(this.respawnTimer);
    await this.kill();
    if (this.stopped) throw new Error('acServer is stopped because the bot is shutting down');
    this.crashes = 0;
    await this.spawnOnce();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.supervising = false;
    clearTimeout(this.respawnTimer);
    await this.kill();
  }

  async isRunning(): Promise<boolean> {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  private spawnOnce(): Promise<void> {
    const [file, ...args] = this.argv;
    const child = spawn(file, args, {
      cwd: this.opts.cwd,
      env: acServerEnv(this.opts.env ?? process.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const { pidFile } = this.opts;
    const log = this.opts.log.child({ component: 'acserver', pid: child.pid });
    if (pidFile && child.pid)
      writePidFile(pidFile, { pid: child.pid, command: this.opts.command, cwd: this.opts.cwd }, log);
    const startedAt = Date.now();
    createInterface({ input: child.stdout }).on('line', (line) => log.info({ stream: 'stdout' }, line));
    createInterface({ input: child.stderr }).on('line', (line) => log.warn({ stream: 'stderr' }, line));
    this.child = child;
    child.once('exit', (code, signal) => {
      if (this.child === child) this.child = undefined;
      if (pidFile && child.pid) removePidFile(pidFile, child.pid);
      if (!this.supervising || this.stopping.has(child)) return log.info({ code, signal }, 'acServer stopped');
      if (Date.now() - startedAt >= this.backoff.stableMs) this.crashes = 0;
      const delay = backoffDelay(++this.crashes, { baseMs: this.backoff.firstMs, maxMs: this.backoff.maxMs });
      log.error(
        { code, signal, restartInMs: delay },
        `acServer exited (code ${code}, signal ${signal}); restarting in ${delay} ms`,
      );
      this.respawnTimer = setTimeout(() => {
        if (this.supervising && !this.child)
          this.spawnOnce().catch((err: Error) => log.error({ err }, 'acServer could not be started again'));
      }, delay);
    });
    return new Promise((resolve, reject) => {
      child.once('spawn', () => {
        log.info({ command: this.opts.command, cwd: this.opts.cwd }, 'acServer started');
        resolve();
      });
      child.once('error', (err) => {
        if (this.child === child) this.child = undefined;
        reject(
          new Error(
            `could not start ${this.opts.command} in ${this.opts.cwd}: ${err.message} (check AC_SERVER_COMMAND and AC_SERVER_DIR)`,
          ),
        );
      });
    });
  }

  private async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    this.stopping.add(child);
    child.kill('SIGTERM');
    const timeout = new Promise<'timeout'>((resolve) =>
      setTimeout(() => resolve('timeout'), this.opts.stopTimeoutMs ?? 10_000).unref(),
    );
    if ((await Promise.race([exited, timeout])) === 'timeout') {
      this.opts.log.warn({ component: 'acserver', pid: child.pid }, 'acServer ignored SIGTERM; killing it');
      child.kill('SIGKILL');
      await exited;
    }
  }
}
