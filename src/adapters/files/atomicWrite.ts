import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** New files are not readable by others (Steam GUIDs, state); new folders 0750. The umask may narrow both. */
export const NEW_FILE_MODE = 0o640;
export const NEW_DIR_MODE = 0o750;

export interface AtomicWriteOptions {
  /** Mode of a file that does not exist yet (default 0640); a replaced file keeps its own. */
  mode?: number;
}

/** A complete temp file beside its target; commit() renames it into place, discard() drops it. */
export interface StagedFile {
  readonly file: string;
  readonly tmp: string;
  commit(): Promise<void>;
  discard(): Promise<void>;
}

/**
 * Writes `content` to a temp file beside `file` and fsyncs it, without touching `file`. The temp
 * file gets the mode (and, where the process may, the owner) of the file it will replace: a
 * rotation must not turn a 0600 server_cfg.ini (it holds ADMIN_PASSWORD) into 0644.
 */
export async function stageFileAtomic(
  file: string,
  content: string | Buffer,
  opts: AtomicWriteOptions = {},
): Promise<StagedFile> {
  await fs.mkdir(path.dirname(file), { recursive: true, mode: NEW_DIR_MODE });
  const old = await fs.stat(file).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomUUID()}.tmp`);
  const discard = () => fs.rm(tmp, { force: true });
  try {
    const handle = await fs.open(tmp, 'wx', old ? 0o600 : (opts.mode ?? NEW_FILE_MODE));
    try {
      if (old) await keepOwnerAndMode(handle, old);
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (err) {
    await discard();
    throw err;
  }
  return {
    file,
    tmp,
    commit: async () => {
      try {
        await fs.rename(tmp, file);
      } catch (err) {
        await discard();
        throw err;
      }
    },
    discard,
  };
}

/**
 * Write a file so readers never see it half-written: write a temp file beside it, fsync, rename.
 * The rename is atomic on the same filesystem; each write has its own temp file, so two writes
 * of the same file at once cannot mix, and a failed write leaves no temp file behind.
 */
export async function writeFileAtomic(
  file: string,
  content: string | Buffer,
  opts: AtomicWriteOptions = {},
): Promise<void> {
  await (await stageFileAtomic(file, content, opts)).commit();
}

export async function writeJsonAtomic(file: string, value: unknown, opts: AtomicWriteOptions = {}): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`, opts);
}

/** fsync a folder, so renames in it survive a power cut (best effort: not every filesystem allows it). */
export async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // EISDIR/EINVAL/EPERM on some platforms: the renames are still atomic, only less durable
  }
}

async function keepOwnerAndMode(handle: fs.FileHandle, old: { uid: number; gid: number; mode: number }): Promise<void> {
  // Owner first: chown may clear setgid bits, and the mode must end up exactly the old one.
  await handle.chown(old.uid, old.gid).catch(() => handle.chown(-1, old.gid).catch(() => undefined));
  await handle.chmod(old.mode & 0o7777);
}
