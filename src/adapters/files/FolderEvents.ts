import { promises as fs, watch, type FSWatcher } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import type { Logger } from '../../logger';

export interface FolderEventsOptions {
  dir: string;
  log: Logger;
  /**
   * A file of the folder appeared or changed (its path under `dir`); called at most once per burst
   * of its events. `listed`: found by listing the folder, not by an event of its own.
   */
  found: (file: string, listed: boolean) => void;
  /** An event named a file that is not valid UTF-8 (NonUtf8Files reads those by their bytes). */
  foundNonUtf8: () => void;
  /** How often the folder is listed for files whose event was lost (default a minute). */
  rescanMs?: number;
}

/** A file's events this close together are one change (see changed()). */
const BURST_MS = 5;
const RESCAN_MS = 60_000;

/**
 * The files of one folder as they appear or change, from ONE inotify watch on the folder itself
 * (fs.watch reports every name created, written or moved in), plus a listing of the folder at
 * start and every minute. chokidar holds a watch per file and lists the whole folder again on
 * every event: acServer's results folder only grows, and once it holds more files than the
 * system allows watches (8,192 per user on a 1 GiB machine) the folder's own watch failed and no
 * new file was ever seen, while each new file cost a stat of every old one.
 */
export class FolderEvents {
  private watcher: FSWatcher | undefined;
  /** dev:ino of the folder watched: a folder deleted and made again is watched again. */
  private watching = '';
  private gone = false;
  private rescan: NodeJS.Timeout | undefined;
  /** Names with an event in the last BURST_MS, about to be reported. */
  private readonly burst = new Map<string, NodeJS.Timeout>();
  /** Files reported since the last listing or in it: a listing reports only the others. */
  private known = new Set<string>();
  private stopped = false;

  constructor(private readonly opts: FolderEventsOptions) {}

  /** Watches the folder, then reports every file in it. Throws when the folder cannot be watched. */
  async start(): Promise<void> {
    await this.watch();
    await this.list();
    if (this.stopped) return;
    this.rescan ??= setInterval(() => void this.relist(), this.opts.rescanMs ?? RESCAN_MS);
    this.rescan.unref?.();
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.rescan);
    this.rescan = undefined;
    for (const timer of this.burst.values()) clearTimeout(timer);
    this.burst.clear();
    this.watcher?.close();
    this.watcher = undefined;
  }

  private async watch(): Promise<void> {
    const { dir, log } = this.opts;
    this.watcher?.close();
    const identity = await folderIdentity(dir);
    if (this.stopped) return;
    try {
      this.watcher = watch(dir, { encoding: 'buffer' }, (_event, name) => name && this.changed(name));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOSPC')
        throw new Error(
          `cannot watch ${dir}: this user's inotify watches are used up by other programs (fs.inotify.max_user_watches); raise the limit (e.g. sysctl fs.inotify.max_user_watches=65536) or stop what holds them`,
          { cause: err },
        );
      throw err;
    }
    this.watcher.on('error', (err) =>
      log.warn(
        { err, dir },
        `results folder watch failed (${err.message}); the folder is listed every minute meanwhile`,
      ),
    );
    this.watching = identity;
  }

  /** A name's own event. Writing a file is several events within a millisecond or two: reported once, BURST_MS after the first. */
  private changed(name: Buffer): void {
    if (this.stopped) return;
    if (!isUtf8(name)) return this.opts.foundNonUtf8();
    const file = path.join(this.opts.dir, name.toString());
    if (this.burst.has(file)) return;
    const timer = setTimeout(() => {
      this.burst.delete(file);
      this.report(file, false);
    }, BURST_MS);
    timer.unref?.();
    this.burst.set(file, timer);
  }

  private report(file: string, listed: boolean): void {
    if (this.stopped) return;
    this.known.add(file);
    this.opts.found(file, listed);
  }

  /**
   * Reports the folder's files not reported yet; names no longer there are forgotten. Names that
   * are not valid UTF-8 are left out: NonUtf8Files lists those itself, at start and every minute.
   */
  private async list(): Promise<void> {
    const { dir } = this.opts;
    const present = new Set<string>();
    for (const entry of await fs.readdir(dir, { withFileTypes: true, encoding: 'buffer' })) {
      if (entry.isDirectory() || !isUtf8(entry.name)) continue;
      const file = path.join(dir, entry.name.toString());
      present.add(file);
      if (!this.known.has(file) && !this.burst.has(file)) this.report(file, true);
    }
    this.known = present;
  }

  /** The minute's listing; a folder deleted or made again is said once and watched again. */
  private async relist(): Promise<void> {
    const { dir, log } = this.opts;
    try {
      const identity = await folderIdentity(dir);
      if (this.gone || identity !== this.watching) {
        log.warn({ dir }, `results folder ${dir} is there again (or was replaced): watching it again`);
        await this.watch();
      }
      this.gone = false;
      await this.list();
    } catch (err) {
      if (!this.gone)
        log.error(
          { err, dir },
          `cannot list the results folder ${dir} (${(err as Error).message}): no results file is read until it is back (checked every minute)`,
        );
      this.gone = true;
    }
  }
}

async function folderIdentity(dir: string): Promise<string> {
  const st = await fs.stat(dir);
  return `${st.dev}:${st.ino}`;
}
