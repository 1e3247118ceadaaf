import { watch, type FSWatcher, type MatchFunction } from 'chokidar';
import type { Logger } from '../../logger';

export interface WatcherOptions {
  /** What is watched, for the log line of a watcher error ("results folder"). */
  what: string;
  /** How long a file must stay unchanged before its event fires; 0 fires at once. */
  settleMs: number;
  /** How often a settling file is looked at (default: min(100, settleMs)). */
  pollMs?: number;
  /** Report the files already there as `add` (default: only changes from now on). */
  initial?: boolean;
  depth?: number;
  usePolling?: boolean;
  ignored?: MatchFunction;
  add?: (path: string) => void;
  change?: (path: string) => void;
  unlink?: (path: string) => void;
  /** The platform's own event, before chokidar reads it (a file name that is not valid UTF-8). */
  raw?: (event: string, name: string) => void;
}

/**
 * A chokidar watcher on `target`, resolved once its first scan is done. A watcher error is
 * logged and watching goes on: an 'error' event nobody listens to would end the process.
 */
export async function startWatcher(target: string, opts: WatcherOptions, log: Logger): Promise<FSWatcher> {
  const { settleMs } = opts;
  const watcher = watch(target, {
    ignoreInitial: !opts.initial,
    awaitWriteFinish:
      settleMs > 0 ? { stabilityThreshold: settleMs, pollInterval: opts.pollMs ?? Math.min(100, settleMs) } : false,
    ...(opts.depth === undefined ? {} : { depth: opts.depth }),
    ...(opts.usePolling ? { usePolling: true, interval: 100 } : {}),
    ...(opts.ignored ? { ignored: opts.ignored } : {}),
  });
  if (opts.add) watcher.on('add', opts.add);
  if (opts.change) watcher.on('change', opts.change);
  if (opts.unlink) watcher.on('unlink', opts.unlink);
  const { raw } = opts;
  if (raw) watcher.on('raw', (event, name) => raw(event, String(name)));
  watcher.on('error', (err) => log.error({ err, path: target }, `${opts.what} watcher error; still watching`));
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return watcher;
}
