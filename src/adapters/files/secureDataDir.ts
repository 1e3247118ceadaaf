import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../../logger';

/** Sub-folders the bot writes in DATA_DIR; nothing else below it is touched. */
const BOT_FOLDERS = ['leaderboards', 'standings'];

/**
 * DATA_DIR holds Steam GUIDs and the bot's state: folders at most 0750, files at most 0640 (0600
 * stays 0600). New files are created that way (atomicWrite), but files from before, or made by
 * other code (the SQLite file and its -wal/-shm), follow the umask: this takes the extra bits away
 * at start-up. Only the folder itself, its files and the bot's own sub-folders: never a tree the
 * bot does not own (DATA_DIR=. must not chmod a checkout).
 */
export async function secureDataDir(dir: string, log: Logger): Promise<number> {
  let changed = 0;
  const tighten = async (p: string, allowed: number) => {
    const st = await fs.lstat(p).catch(() => null);
    if (!st || st.isSymbolicLink() || !(st.isFile() || st.isDirectory())) return;
    const mode = st.mode & 0o7777;
    if ((mode & ~allowed) === 0) return;
    await fs.chmod(p, mode & allowed).then(
      () => changed++,
      (err: Error) =>
        log.warn({ err, path: p }, `could not make ${p} private; chmod it to ${(mode & allowed).toString(8)} by hand`),
    );
  };
  const folder = async (d: string, sub: boolean) => {
    await tighten(d, 0o750);
    const entries = await fs.readdir(d, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (e.isFile()) await tighten(path.join(d, e.name), 0o640);
      else if (e.isDirectory() && !sub && BOT_FOLDERS.includes(e.name)) await folder(path.join(d, e.name), true);
    }
  };
  await folder(dir, false);
  if (changed > 0)
    log.info(
      { dataDir: dir, changed },
      `took group-write and other-user access away from ${changed} files and folders in DATA_DIR (Steam GUIDs and bot state stay private)`,
    );
  return changed;
}
