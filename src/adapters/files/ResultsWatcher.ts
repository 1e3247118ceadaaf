import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { FSWatcher } from 'chokidar';
import { startWatcher } from './startWatcher';
import type { Logger } from '../../logger';
import type { IngestOutcome, ResultsFileInput } from '../../app/results/ingestResultsFile';
import type { FileStat } from '../../domain/results/fileStamp';
import { readResultsFile } from './readResultsFile';
import { NonUtf8Files } from './NonUtf8Files';
import { checkResultsFolder } from './checkResultsFolder';
import { FolderEvents } from './FolderEvents';
import { backoffDelay } from '../../lib/backoffDelay';

export interface ResultsWatcherOptions {
  dir: string;
  /**
   * Only a fallback: a file is read as soon as it appears and again on each change, and one that
   * parses is complete (acServer writes it in one go). One that does not parse is read again
   * after this long, and recorded as failed once it has been quiet for quietMs.
   */
  settleMs: number;
  /** Poll instead of inotify (network filesystems); also steadier under heavy load. */
  usePolling?: boolean;
  /** First wait before a file whose handling threw is tried again (default 2 s, doubling). */
  retryBaseMs?: number;
  /** Larger files are not read (RESULTS_MAX_MB; default 32 MB). */
  maxBytes?: number;
  /** A file that does not parse is reported as broken once unchanged this long (default 20 settle times, at least 2 s). */
  quietMs?: number;
  /** The .env variable naming the folder: a missing folder is then an error naming it, not created. */
  configuredBy?: string;
  log: Logger;
  /** Each file, one at a time (when onFiles is not given). */
  onFile?: (input: ResultsFileInput) => Promise<unknown>;
  /**
   * Files in arrival order, several at once when more are queued (a backlog at start-up, a burst):
   * an outcome per file, in the same order. Used instead of onFile when given.
   */
  onFiles?: (inputs: ResultsFileInput[]) => Promise<unknown[]>;
  /** How often the folder is listed for files whose event was lost (default a minute; not when polling). */
  rescanMs?: number;
  /**
   * True when a file found by listing the folder is as it was when it was read: it is left unread
   * (each start lists the whole folder, and a season's folder holds thousands of files). A file an
   * event names is always read. When it throws, the file is read.
   */
  readBefore?: (file: string, stat: FileStat) => Promise<boolean>;
  /** A batch holds at most this many files (default 64), and ends once it holds this many bytes (default 8 MB). */
  batchFiles?: number;
  batchBytes?: number;
}

/** Files of a usual size read at once while a batch is gathered. */
const READ_AHEAD = 4;
/** Files this large (on average in the batch so far) are read one at a time. */
const LARGE_FILE_BYTES = 1024 * 1024;

interface Batch {
  files: Array<{ file: string; read: { input: ResultsFileInput; sig: string } }>;
  bytes: number;
}

const isUnsettled = (o: unknown) =>
  (o as IngestOutcome | undefined)?.status === 'failed' && (o as { unsettled?: boolean }).unsettled === true;

/** The bytes, handed over once: whoever takes them decides how long they live (see ingestResultsFile). */
function handOver(bytes: Buffer): () => Buffer {
  let held: Buffer | undefined = bytes;
  return () => {
    const taken = held ?? Buffer.alloc(0);
    held = undefined;
    return taken;
  };
}

/**
 * Watches acServer's results folder (FolderEvents: one inotify watch, however many files it holds;
 * chokidar when polling). Files already there at start are handed over too (catch-up), but for
 * those unchanged since they were read (readBefore: same stat); the ingest step skips those it has
 * seen by content hash. Files are handled in arrival order, those
 * queued together handed over together (onFiles); a file that changes while queued is read once, at
 * its latest content. Only regular files are read (see readResultsFile); anything else gets one log
 * line and is left alone.
 */
export class ResultsWatcher {
  private watcher: FSWatcher | undefined;
  private nonUtf8: NonUtf8Files | undefined;
  private folder = '';
  private readonly queue: string[] = [];
  /** The files in `queue` (a folder of 8,000 files is queued at once at start). */
  private readonly queued = new Set<string>();
  /** Queued files found by listing the folder, not named by an event since (see readBefore). */
  private readonly listed = new Set<string>();
  private readBeforeFailed = false;
  /** The folder's own events (inotify); chokidar's `watcher` when polling. */
  private events: FolderEvents | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private readonly attempts = new Map<string, number>();
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Files that failed to parse moments after a change, with the size:time they had then. */
  private readonly settling = new Map<string, string>();
  private readonly refused = new Map<string, string>();

  constructor(private readonly opts: ResultsWatcherOptions) {}

  private get quietMs(): number {
    return this.opts.quietMs ?? Math.max(2000, 20 * this.opts.settleMs);
  }

  /** Resolves once the initial scan is queued (catch-up starts immediately); throws when the folder cannot be watched. */
  async start(): Promise<void> {
    const { dir, settleMs, log } = this.opts;
    await checkResultsFolder(dir, this.opts.configuredBy);
    // A start tried again after a failure begins afresh.
    this.nonUtf8?.stop();
    this.events?.stop();
    await this.watcher?.close();
    this.folder = await fs.realpath(dir);
    const nonUtf8 = (this.nonUtf8 = new NonUtf8Files(dir, settleMs, log, (file) => this.enqueue(file)));
    const enqueue = (p: string) => this.enqueue(p);
    if (this.opts.usePolling) {
      // The files chokidar reports before its first scan is done are the folder's listing.
      let scanning = true;
      // Polling (network filesystems) has no watch limit: chokidar, a poll per file.
      this.watcher = await startWatcher(
        dir,
        {
          what: 'results folder',
          // No write-finish wait: reading costs little, and a fixed wait would delay every post.
          settleMs: 0,
          initial: true,
          depth: 0,
          usePolling: true,
          ignored: (p, stats) => !!stats?.isFile() && !p.toLowerCase().endsWith('.json'),
          add: (p) => this.enqueue(p, scanning),
          change: enqueue,
          raw: (_event, name) => void (name.includes('\uFFFD') && nonUtf8.scanSoon()),
        },
        log,
      );
      scanning = false;
    } else {
      // inotify: one watch for the folder however many files it holds (see FolderEvents).
      this.events = new FolderEvents({
        dir,
        log,
        found: (file, listed) => this.enqueue(file, listed),
        foundNonUtf8: () => nonUtf8.scanSoon(),
        ...(this.opts.rescanMs ? { rescanMs: this.opts.rescanMs } : {}),
      });
      await this.events.start();
    }
    if (this.stopped) {
      // stopped while the first scan ran
      this.events?.stop();
      return void (await this.watcher?.close());
    }
    await nonUtf8.scan();
    log.info({ dir, queued: this.queue.length }, 'watching results folder');
  }

  private enqueue(file: string, listed = false): void {
    if (this.stopped || !file.toLowerCase().endsWith('.json') || path.basename(file).startsWith('.')) return;
    if (!listed) this.listed.delete(file);
    else if (!this.queued.has(file)) this.listed.add(file);
    if (!this.queued.has(file)) {
      this.queued.add(file);
      this.queue.push(file);
    }
    this.running ??= this.drain().finally(() => (this.running = undefined));
  }

  private async drain(): Promise<void> {
    let next: Promise<Batch> | undefined = this.readBatch();
    for (;;) {
      const batch: Batch = await (next ?? this.readBatch());
      if (this.stopped) return;
      if (batch.files.length === 0 && this.queue.length === 0) return;
      // The next batch is read while this one is handled (a backlog then never waits on the disk),
      // unless this one reached the byte limit: two batches of large files are not held at once.
      next = batch.bytes < this.batchBytes ? this.readBatch() : undefined;
      if (batch.files.length === 0) continue;
      let outcomes: unknown[];
      try {
        outcomes = await this.handOverFiles(batch.files.map((b) => b.read.input));
      } catch (err) {
        for (const { file } of batch.files) this.retryLater(file, err);
        continue;
      }
      for (const [i, { file, read }] of batch.files.entries()) {
        this.attempts.delete(file);
        if (isUnsettled(outcomes[i])) this.readWhenSettled(file, read.input.mtime, read.sig);
        else this.settling.delete(file);
      }
    }
  }

  private get batchBytes(): number {
    return this.opts.batchBytes ?? 8 * 1024 * 1024;
  }

  /**
   * The next queued files that can be read, within the batch limits (one when only onFile is given).
   * Files of a usual size are read READ_AHEAD at a time (each read waits on the disk a few times,
   * and a backlog of 1,000 files would otherwise spend a good part of its time waiting); once the
   * batch holds large ones, one at a time.
   */
  private async readBatch(): Promise<Batch> {
    const maxFiles = this.opts.onFiles ? (this.opts.batchFiles ?? 64) : 1;
    const files: Batch['files'] = [];
    let bytes = 0;
    while (files.length < maxFiles && bytes < this.batchBytes && this.queue.length > 0) {
      const usual = files.length > 0 && bytes / files.length < LARGE_FILE_BYTES;
      const wave = this.queue.splice(0, Math.min(usual ? READ_AHEAD : 1, maxFiles - files.length));
      for (const file of wave) this.queued.delete(file);
      const reads = await Promise.all(
        wave.map((file) =>
          this.read(file).catch((err: unknown) => {
            this.retryLater(file, err);
            return undefined;
          }),
        ),
      );
      for (const [i, read] of reads.entries()) {
        if (!read) continue;
        files.push({ file: wave[i]!, read });
        bytes += read.size;
      }
    }
    return { files, bytes };
  }

  private async handOverFiles(inputs: ResultsFileInput[]): Promise<unknown[]> {
    if (this.opts.onFiles) return this.opts.onFiles(inputs);
    const outcomes: unknown[] = [];
    for (const input of inputs) outcomes.push(await this.opts.onFile?.(input));
    return outcomes;
  }

  private async read(file: string): Promise<{ input: ResultsFileInput; sig: string; size: number } | undefined> {
    const maxBytes = this.opts.maxBytes ?? 32 * 1024 * 1024;
    const target = this.nonUtf8?.bytesPath(file) ?? file;
    if (this.listed.delete(file) && (await this.readBefore(file, target))) {
      this.attempts.delete(file);
      this.settling.delete(file);
      return undefined;
    }
    const result = await readResultsFile(target, { maxBytes, folder: this.folder });
    if (result.kind === 'changing') return undefined; // its next change event brings it back
    const name = path.basename(file);
    if (result.kind === 'refused') {
      if (this.refused.get(file) !== result.reason)
        this.opts.log.warn({ file: name }, `results file ${name} not read: it ${result.reason}`);
      this.refused.set(file, result.reason);
      return undefined;
    }
    this.refused.delete(file);
    const sig = `${result.bytes.length}:${result.mtime.getTime()}`;
    // Settled: quiet for quietMs, or unchanged since it last failed to parse.
    const settled = Date.now() - result.mtime.getTime() >= this.quietMs || this.settling.get(file) === sig;
    const input = { path: file, bytes: handOver(result.bytes), mtime: result.mtime, settled, stamp: result.stamp };
    return { input, sig, size: result.bytes.length };
  }

  /** The file is as it was when it was read (readBefore): reading, hashing and parsing it again would change nothing. */
  private async readBefore(file: string, target: string | Buffer): Promise<boolean> {
    if (!this.opts.readBefore) return false;
    const stats = await fs.lstat(target).catch(() => undefined);
    // Anything but a regular file (a symlink, a FIFO) is read as before: readResultsFile says what it is.
    if (!stats?.isFile()) return false;
    const { size, mtimeMs, ctimeMs, ino } = stats;
    try {
      const unchanged = await this.opts.readBefore(file, { size, mtimeMs, ctimeMs, ino });
      this.readBeforeFailed = false;
      return unchanged;
    } catch (err) {
      if (!this.readBeforeFailed)
        this.opts.log.warn(
          { err, file: path.basename(file) },
          `could not look up whether results file ${path.basename(file)} was read before (${(err as Error).message}): reading it`,
        );
      this.readBeforeFailed = true;
      return false;
    }
  }

  /** A file that did not parse moments after it changed is read again once it has been quiet for quietMs. */
  private readWhenSettled(file: string, mtime: Date, sig: string): void {
    this.settling.set(file, sig);
    const wait = Math.min(this.quietMs, Math.max(this.opts.settleMs, mtime.getTime() + this.quietMs - Date.now()));
    this.later(wait, () => {
      if (this.settling.get(file) === sig) this.enqueue(file);
    });
  }

  /**
   * A bad file is recorded by the ingest and never throws here; what throws is the store or the
   * disk being unavailable, so the file is tried again with a growing wait (capped at 5 minutes).
   */
  private retryLater(file: string, err: unknown): void {
    const attempt = (this.attempts.get(file) ?? 0) + 1;
    this.attempts.set(file, attempt);
    const wait = backoffDelay(attempt, { baseMs: this.opts.retryBaseMs ?? 2000, maxMs: 300_000 });
    this.opts.log.error(
      { err, file, attempt, retryInMs: wait },
      `could not read or store results file ${path.basename(file)} (${(err as Error).message}); trying again in ${Math.round(wait / 1000)} s, the watcher carries on`,
    );
    this.later(wait, () => this.enqueue(file));
  }

  private later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    timer.unref?.();
    this.timers.add(timer);
  }

  /** Resolves when every queued file has been handled. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stop watching; the file being handled is finished first. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.queue.length = 0;
    this.queued.clear();
    this.events?.stop();
    for (const t of this.timers) clearTimeout(t);
    this.nonUtf8?.stop();
    await this.watcher?.close();
    await this.idle();
  }
}
