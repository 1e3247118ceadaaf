import path from 'node:path';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { BackgroundTask } from '../app/runtime/TaskRunner';
import type { League } from '../app/League';
import type { Standings } from '../app/standings/Standings';
import { removeLeftoverTempFiles } from '../adapters/files/removeLeftoverTempFiles';

const MB = 1024 * 1024;

/**
 * The files the bot writes follow the store after a crash or a full disk: at start-up, temp files
 * of interrupted writes are removed (again every 10 minutes, for those too young at start-up) and
 * every leaderboard file is offered for writing (only missing or stale ones are written; the
 * standings task does the same for its files). Failed writes are retried by League and Standings.
 */
export function outputFilesTask(
  config: Config,
  deps: { league: League; standings: Standings; log: Logger },
): BackgroundTask {
  const dirs = [
    config.dataDir,
    path.join(config.dataDir, 'leaderboards'),
    path.join(config.dataDir, 'standings'),
    path.dirname(config.currentEventFile),
  ];
  const sweep = async () => {
    const removed = await removeLeftoverTempFiles(dirs, 60_000);
    if (removed.length === 0) return;
    const bytes = removed.reduce((sum, r) => sum + r.bytes, 0);
    deps.log.info(
      { files: removed.map((r) => r.file) },
      `removed ${removed.length} temp file${removed.length > 1 ? 's' : ''} left by an interrupted write (${(bytes / MB).toFixed(1)} MB): ${removed.map((r) => path.relative(config.dataDir, r.file)).join(', ')}`,
    );
  };
  let timer: NodeJS.Timeout | undefined;
  return {
    name: 'output-files',
    trigger: 'start-up, failed writes, every 10 minutes',
    start: async (report) => {
      await sweep().catch((err) => report(err, 'remove temp files of interrupted writes'));
      timer = setInterval(
        () => void sweep().catch((err) => report(err, 'remove temp files of interrupted writes')),
        10 * 60_000,
      );
      timer.unref?.();
      await deps.league.reconcileFiles();
    },
    stop: async () => {
      clearInterval(timer);
      deps.league.stopRetries();
      deps.standings.stopRetries();
    },
  };
}
