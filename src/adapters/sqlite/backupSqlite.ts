import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { NEW_DIR_MODE, NEW_FILE_MODE, syncDir } from '../files/atomicWrite';
import { removeLeftoverTempFiles } from '../files/removeLeftoverTempFiles';

export interface SqliteBackup {
  /** Where the copy is. */
  file: string;
  bytes: number;
  /** Laps in the copy (counted in the copy itself, once it passed SQLite's integrity check). */
  laps: number;
  /** The copy's schema version (migrations applied), as the bot that wrote it left it. */
  schemaVersion: number;
}

/** How long the copy waits for a write of the bot in progress to end before giving up. */
const BUSY_TIMEOUT_MS = 10_000;

/** A backup's temp file this old is from a copy that never finished (killed mid-copy): the next backup removes it. */
const STALE_TEMP_MS = 10 * 60_000;

const TEMP_SUFFIX = '.backup.tmp';
/** `.<name>.<uuid>.backup.tmp`, and the journal SQLite keeps beside it while it writes. */
const BACKUP_TEMP = /^\..+\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.backup\.tmp(-journal)?$/;

/**
 * Copies the SQLite database at `source` to `dest`, consistent even while the bot writes to it
 * (VACUUM INTO reads one snapshot; in WAL mode the bot's writes go on meanwhile). The copy is
 * checked (PRAGMA quick_check) and made one self-contained file (no -wal beside it), then renamed
 * into place, so `dest` is either the previous file or a complete, checked copy; never half of one.
 * The copy is 0640 and, when run as root, gets the database's owner (so does a folder it makes):
 * a backup run with sudo must not stop the bot's user from making the next one.
 */
export async function backupSqlite(source: string, dest: string): Promise<SqliteBackup> {
  const database = await fs.stat(source).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
    throw new Error(
      `no SQLite database at ${source}: nothing to back up yet (the bot creates it at its first start; SQLITE_PATH or DATA_DIR in .env name it)`,
    );
  });
  const target = await checkDestination(source, dest);
  const dir = path.dirname(target);
  const made = await fs.mkdir(dir, { recursive: true, mode: NEW_DIR_MODE });
  // Each folder made, from the first one down to `dir`.
  for (let d = dir; made !== undefined && d.length >= made.length; d = path.dirname(d)) await giveOwner(d, database);
  // Temp files of backups killed mid-copy (SIGTERM, a shutdown): full-size copies nothing else
  // removes. Best effort: another user's file in a shared folder is left, and the backup goes on.
  await removeLeftoverTempFiles([dir], STALE_TEMP_MS, Date.now(), BACKUP_TEMP).catch(() => undefined);
  const tmp = path.join(dir, `.${path.basename(target)}.${randomUUID()}${TEMP_SUFFIX}`);
  try {
    // Made first, empty (VACUUM INTO takes an empty file): never readable by others, even half-written.
    await (await fs.open(tmp, 'wx', 0o600)).close();
    snapshot(source, tmp);
    const checked = checkCopy(tmp);
    await giveOwner(tmp, database);
    await fs.chmod(tmp, NEW_FILE_MODE);
    const handle = await fs.open(tmp, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, target);
    await syncDir(dir);
    const { size } = await fs.stat(target);
    return { file: target, bytes: size, ...checked };
  } finally {
    // After a failure, or when the rename took it: nothing of the copy is left but `dest`. Best
    // effort: a failed clean-up must not hide why the backup failed.
    await Promise.all([tmp, `${tmp}-journal`].map((f) => fs.rm(f, { force: true }).catch(() => undefined)));
  }
}

/**
 * Where the copy goes (an existing symlink's target): never the database or its -wal, -shm or
 * -journal file, and never a file that is not a SQLite database already (a typo must not replace
 * .env or servers.json).
 */
async function checkDestination(source: string, dest: string): Promise<string> {
  const target = await realTarget(dest);
  const real = await fs.realpath(source);
  if (await sameFile(source, target))
    throw new Error(`${dest} is the database itself: give the backup another file name or a folder`);
  if (['-wal', '-shm', '-journal'].some((suffix) => target === `${real}${suffix}`))
    throw new Error(`${dest} is one of the database's own files: give the backup another file name or a folder`);
  const existing = await fs.lstat(target).catch(() => undefined);
  if (existing && !existing.isFile()) throw new Error(`${dest} is not a regular file: give a file name or a folder`);
  if (existing && existing.size > 0 && !(await isSqliteFile(target)))
    throw new Error(
      `${dest} exists and is not a SQLite database: a backup replaces only an earlier backup. Give a new file name, or a folder for dated copies`,
    );
  return target;
}

/** The real path of `dest`, or for a new file its folder's: a symlinked folder must not hide that the file is the database's own. */
async function realTarget(dest: string): Promise<string> {
  const real = await fs.realpath(dest).catch(() => undefined);
  if (real !== undefined) return real;
  const dir = await fs.realpath(path.dirname(dest)).catch(() => path.resolve(path.dirname(dest)));
  return path.join(dir, path.basename(dest));
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

async function isSqliteFile(file: string): Promise<boolean> {
  const handle = await fs.open(file, 'r');
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return bytesRead === head.length && head.equals(SQLITE_HEADER);
  } finally {
    await handle.close();
  }
}

/**
 * As root, the database's owner; as anyone else the file is already the user's own. Best effort:
 * where even root may not chown (NFS with root_squash, a container without CAP_CHOWN) the copy is
 * still made.
 */
async function giveOwner(file: string, owner: { uid: number; gid: number }): Promise<void> {
  if (process.getuid?.() === 0) await fs.chown(file, owner.uid, owner.gid).catch(() => undefined);
}

/**
 * Read-only. SQLite still makes the -wal and -shm files of a WAL database when the bot is not
 * running; run by root (`sudo ... backup`), it gives them the database's owner itself, so the bot's
 * user can still open its database.
 */
function snapshot(source: string, tmp: string): void {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.prepare('VACUUM INTO ?').run(tmp);
  } finally {
    db.close();
  }
}

/**
 * Throws unless the copy passes SQLite's check. VACUUM INTO writes it in rollback-journal mode, so
 * it is one file with nothing beside it; the bot turns WAL back on when it opens a restored copy.
 */
function checkCopy(file: string): Omit<SqliteBackup, 'file' | 'bytes'> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const problems = db.pragma('quick_check', { simple: false }) as Array<{ quick_check: string }>;
    const found = problems.map((p) => p.quick_check).filter((p) => p !== 'ok');
    if (found.length > 0) throw new Error(`the copy failed SQLite's integrity check: ${found.slice(0, 3).join('; ')}`);
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const hasLaps = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'laps'").get();
    const laps = hasLaps ? (db.prepare('SELECT count(*) FROM laps').pluck().get() as number) : 0;
    return { laps, schemaVersion };
  } finally {
    db.close();
  }
}

async function sameFile(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([fs.stat(a), fs.stat(b).catch(() => undefined)]);
  return sb !== undefined && sa.ino === sb.ino && sa.dev === sb.dev;
}
