import { promises as fs } from 'node:fs';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { Logger } from '../../logger';
import type { ResultsFileInput } from '../../app/ingestResultsFile';

export interface ResultsWatcherOptions {
  dir: string;
  /** How long a file's size must stay unchanged before it counts as completely written. */
  settleMs: number;
  /** Poll instead of inotify (network filesystems); also steadier under heavy load. */
  usePolling?: boolean;
  /** First wait before a file whose handling threw is tried again (default 2 s, doubling). */
  retryBaseMs?: number;
  log: Logger;
  onFile: (input: ResultsFileInput) => Promise<unknown>;
}

/**
 * Watches acServer's results folder. Files already there at start are handed over too (catch-up);
 * the ingest step skips those it has seen by content hash. Files are handled one at a time, in
 * arrival order; a file that changes while queued is read once, at its latest content.
 */
export class ResultsWatcher {
  private watcher: FSWatcher | undefined;
  private readonly queue: string[] = [];
  private running: Promise<void> | undefined;
  private stopped = false;
  private readonly attempts = new Map<string, number>();
  private readonly retryTimers = new Set<NodeJS.Timeout>();

  constructor(private readonly opts: ResultsWatcherOptions) {}

  /** Resolves once the initial scan is queued (catch-up starts immediately). */
  async start(): Promise<void> {
    const { dir, settleMs, log } = this.opts;
    await fs.mkdir(dir, { recursive: true });
    this.watcher = watch(dir, {
      depth: 0,
      ignoreInitial: false,
      usePolling: this.opts.usePolling ?? false,
      interval: 100,
      awaitWriteFinish: settleMs > 0 ? { stabilityThreshold: settleMs, pollInterval: Math.min(100, settleMs) } : false,
      ignored: (p, stats) => !!stats?.isFile() && !p.toLowerCase().endsWith('.json'),
    });
    const enqueue = (p: string) => this.enqueue(p);
    this.watcher.on('add', enqueue).on('change', enqueue);
    this.watcher.on('error', (err) => log.error({ err, dir }, 'results folder watcher error; still watching'));
    await new Promise<void>((resolve) => this.watcher!.once('ready', () => resolve()));
    log.info({ dir, queued: this.queue.length }, 'watching results folder');
  }

  private enqueue(file: string): void {
    if (this.stopped || !file.toLowerCase().endsWith('.json') || path.basename(file).startsWith('.')) return;
    if (!this.queue.includes(file)) this.queue.push(file);
    this.running ??= this.drain().finally(() => (this.running = undefined));
  }

  private async drain(): Promise<void> {
    for (let file = this.queue.shift(); file !== undefined; file = this.queue.shift()) {
      try {
        const [bytes, stat] = await Promise.all([fs.readFile(file), fs.stat(file)]);
        await this.opts.onFile({ path: file, bytes, mtime: stat.mtime });
        this.attempts.delete(file);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue; // removed before we got to it
        this.retryLater(file, err);
      }
    }
  }

  /**
   * A bad file is recorded by the ingest and never throws here; what throws is the store or the
   * disk being unavailable, so the file is tried again with a growing wait (capped at 5 minutes).
   */
  private retryLater(file: string, err: unknown): void {
    const attempt = (this.attempts.get(file) ?? 0) + 1;
    this.attempts.set(file, attempt);
    const delay = Math.min(this.opts.retryBaseMs ?? 2000, 300_000) * 2 ** Math.min(attempt - 1, 8);
    const wait = Math.min(delay, 300_000);
    this.opts.log.error({ err, file, attempt, retryInMs: wait }, `could not store results file ${path.basename(file)} (${(err as Error).message}); trying again in ${Math.round(wait / 1000)} s, the watcher carries on`);
    const timer = setTimeout(() => this.enqueue(file), wait);
    timer.unref?.();
    this.retryTimers.add(timer);
  }

  /** Resolves when every queued file has been handled. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stop watching; the file being handled is finished first. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.queue.length = 0;
    for (const t of this.retryTimers) clearTimeout(t);
    await this.watcher?.close();
    await this.idle();
  }
}
