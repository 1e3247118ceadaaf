import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';
import type { Clock } from '../app/ports';
import type { CliIo } from './runCli';
import { backupSqlite } from '../adapters/sqlite/backupSqlite';

/** Backups the command names itself, oldest first by name: `league-2026-12-02T04-30-00Z.db`. */
const BACKUP_NAME = /^league-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.db$/;

const backupName = (at: Date) => `league-${at.toISOString().slice(0, 19).replace(/:/g, '-')}Z.db`;

/**
 * `backup [file|folder] [--keep N] [--json]`: a consistent copy of the SQLite database, safe while
 * the bot runs. Into a folder (default DATA_DIR/backups) each copy gets a dated name, and --keep N
 * keeps the copy just made and the N-1 newest other dated copies; the folder's other files are
 * never touched.
 */
export async function backupCommand(
  config: Config,
  args: string[],
  opts: { json: boolean; keep?: string },
  io: CliIo,
  clock: Clock,
): Promise<number> {
  if (config.STORE !== 'sqlite') {
    io.err(
      `backup copies the SQLite database; with STORE=${config.STORE} the laps and state live in DynamoDB: turn on point-in-time recovery for both tables ` +
        `(aws dynamodb update-continuous-backups --table-name ${config.DYNAMODB_RESULTS_TABLE} --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true, ` +
        `and the same for ${config.DYNAMODB_STATE_TABLE}), or take on-demand backups (aws dynamodb create-backup)`,
    );
    return 1;
  }
  if (args.length > 1) {
    io.err('backup takes one destination (a file, or a folder for dated copies)');
    return 1;
  }
  const keep = opts.keep === undefined ? undefined : Number(opts.keep);
  if (keep !== undefined && !(Number.isInteger(keep) && keep >= 1)) {
    io.err(`--keep needs a whole number of backups to keep, at least 1 (got "${opts.keep}")`);
    return 1;
  }
  const target = args[0] ?? path.join(config.dataDir, 'backups');
  const folder = args[0] === undefined || target.endsWith('/') || (await isFolder(target));
  if (keep !== undefined && !folder) {
    io.err(
      '--keep applies to a folder of dated backups, not to one file: give a folder (or nothing: DATA_DIR/backups)',
    );
    return 1;
  }
  const dest = folder ? path.join(target, backupName(clock.now())) : target;
  const started = Date.now();
  const backup = await backupSqlite(config.sqlitePath, dest);
  const removed =
    keep === undefined ? [] : await pruneBackups(path.dirname(backup.file), path.basename(backup.file), keep);
  if (opts.json) {
    io.out(JSON.stringify({ ...backup, removed }, null, 2));
    return 0;
  }
  io.out(
    `backed up ${config.sqlitePath} to ${backup.file}: ${(backup.bytes / 1024 / 1024).toFixed(1)} MB, ` +
      `${backup.laps} laps, schema version ${backup.schemaVersion}, checked, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (removed.length > 0)
    io.out(
      `removed ${removed.length} older backup${removed.length > 1 ? 's' : ''} (--keep ${keep}): ${removed.join(', ')}`,
    );
  return 0;
}

async function isFolder(p: string): Promise<boolean> {
  return (await fs.stat(p).catch(() => undefined))?.isDirectory() ?? false;
}

/**
 * Removes the oldest dated backups in `dir` but the `keep` newest; returns their names. The copy
 * just made is always one of those kept, even when an older clock named others later.
 */
async function pruneBackups(dir: string, made: string, keep: number): Promise<string[]> {
  const others = (await fs.readdir(dir)).filter((n) => BACKUP_NAME.test(n) && n !== made).sort();
  const old = others.slice(0, Math.max(0, others.length - (keep - 1)));
  for (const name of old) await fs.rm(path.join(dir, name), { force: true });
  return old;
}
