import { promises as fs } from 'node:fs';
import path from 'node:path';

/** The temp file atomicWrite writes beside its target: `.<name>.<uuid>.tmp`. */
const ATOMIC_TEMP = /^\..+\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.tmp$/;

/**
 * Removes temp files of atomic writes that never finished (the process was killed mid-write) from
 * `dirs`: those named as `pattern` says (by default atomicWrite's). A write finishes in moments, so
 * only files older than `minAgeMs` are taken: one the CLI is writing right now stays. Returns what
 * was removed.
 */
export async function removeLeftoverTempFiles(
  dirs: readonly string[],
  minAgeMs: number,
  now = Date.now(),
  pattern: RegExp = ATOMIC_TEMP,
): Promise<Array<{ file: string; bytes: number }>> {
  const removed: Array<{ file: string; bytes: number }> = [];
  for (const dir of new Set(dirs)) {
    const names = await fs.readdir(dir).catch(() => [] as string[]);
    for (const name of names.filter((n) => pattern.test(n))) {
      const file = path.join(dir, name);
      const stat = await fs.lstat(file).catch(() => undefined);
      if (!stat?.isFile() || now - stat.mtimeMs < minAgeMs) continue;
      await fs.rm(file, { force: true });
      removed.push({ file, bytes: stat.size });
    }
  }
  return removed;
}
