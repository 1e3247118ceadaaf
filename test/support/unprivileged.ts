import { chownSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** The `nobody` user, whose identity root takes so that file permissions apply (see asUnprivileged). */
export const NOBODY = { uid: 65534, gid: 65534 };

export const isRoot = () => process.getuid?.() === 0;

/** Gives `dir` and everything in it to `nobody` (only as root; a normal user owns its temp files already). */
export function giveToNobody(dir: string): void {
  if (!isRoot()) return;
  chownSync(dir, NOBODY.uid, NOBODY.gid);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) giveToNobody(p);
    else chownSync(p, NOBODY.uid, NOBODY.gid);
  }
}

/**
 * Runs `work` with file permissions in force, so "read-only" and "permission denied" are the real
 * thing: root (CI containers) ignores permissions, so as root the process acts as `nobody` for the
 * duration (seteuid) after giving it `dir`; any other user runs `work` as is. Keep `work` short and
 * free of module loading: the whole process has that identity meanwhile.
 */
export async function asUnprivileged<T>(dir: string, work: () => Promise<T> | T): Promise<T> {
  if (!isRoot()) return work();
  giveToNobody(dir);
  process.setegid!(NOBODY.gid);
  process.seteuid!(NOBODY.uid);
  try {
    return await work();
  } finally {
    process.seteuid!(0);
    process.setegid!(0);
  }
}
