import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { NEW_DIR_MODE, NEW_FILE_MODE, syncDir } from '../files/atomicWrite';

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

/**
 * Copies the SQLite database at `source` to `dest`, consistent even while the bot writes to it
 * (VACUUM INTO reads one snapshot; in WAL mode the bot's writes go on meanwhile). The copy is
 * checked (PRAGMA quick_check) and made one self-contained file (no -wal beside it), then renamed
 * into place, so `dest` is either the previous file or a complete, checked copy; never half of one.
 * New copies are 0640, like the database itself: they hold Steam GUIDs.
 */
export async function backupSqlite(source: string, dest: string): Promise<SqliteBackup> {
  await fs.stat(source).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
    throw new Error(
      `no SQLite database at ${source}: nothing to back up yet (the bot creates it at its first start; SQLITE_PATH or DATA_DIR in .env name it)`,
    );
  });
  if (await sameFile(source, dest))
    throw new Error(`${dest} is the database itself: give the backup another file name or a folder`);
  const dir = path.dirname(dest);
  await fs.mkdir(dir, { recursive: true, mode: NEW_DIR_MODE });
  const tmp = path.join(dir, `.${path.basename(dest)}.${randomUUID()}.tmp`);
  try {
    snapshot(source, tmp);
    const checked = checkCopy(tmp);
    await fs.chmod(tmp, NEW_FILE_MODE);
    const handle = await fs.open(tmp, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, dest);
    await syncDir(dir);
    const { size } = await fs.stat(dest);
    return { file: dest, bytes: size, ...checked };
  } finally {
    // After a failure, or when the rename took it: nothing of the copy is left but `dest`.
    await Promise.all([fs.rm(tmp, { force: true }), fs.rm(`${tmp}-journal`, { force: true })]);
  }
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

/** Throws unless the copy passes SQLite's check; makes it one file (journal_mode DELETE: the bot turns WAL back on when it opens it). */
function checkCopy(file: string): Omit<SqliteBackup, 'file' | 'bytes'> {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
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
