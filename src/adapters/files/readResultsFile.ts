import { constants, promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import type { FileStamp } from '../../domain/results/fileStamp';

export interface ReadLimits {
  /** Larger files are not read (RESULTS_MAX_MB). */
  maxBytes: number;
  /** Real path of the results folder: a symlink is followed only to a regular file inside it. */
  folder: string;
}

export type ResultsFileRead =
  | { kind: 'read'; bytes: Buffer; mtime: Date; stamp: FileStamp }
  /** Not read, on purpose: `reason` says why and what the admin can do. */
  | { kind: 'refused'; reason: string }
  /** Removed, replaced or still growing while being read: its next change event reads it again. */
  | { kind: 'changing' };

const MB = 1024 * 1024;

function describeType(s: Stats): string {
  if (s.isFIFO()) return 'a FIFO (named pipe)';
  if (s.isSocket()) return 'a socket';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  if (s.isDirectory()) return 'a folder';
  return 'not a regular file';
}

const isInside = (folder: string, file: string) => {
  const rel = path.relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
};

/**
 * Reads one file of the results folder without trusting it: only regular files (lstat, then
 * fstat on the open handle), opened non-blocking so a FIFO can never hang the ingest queue, never
 * more than `maxBytes`. Symlink policy: followed only when it resolves to a regular file inside
 * the results folder itself; a link to anything else (/dev/zero, a file elsewhere) is refused.
 */
export async function readResultsFile(file: string | Buffer, limits: ReadLimits): Promise<ResultsFileRead> {
  let target: string | Buffer = file;
  let link: Stats;
  try {
    link = await fs.lstat(file);
    if (link.isSymbolicLink()) {
      const real = await fs.realpath(file).catch((err: NodeJS.ErrnoException) => {
        if (isGone(err) || err.code === 'ELOOP') return undefined;
        throw err;
      });
      if (real === undefined)
        return {
          kind: 'refused',
          reason: 'is a symlink to nothing (its target is missing or a loop). Remove it from the results folder.',
        };
      if (!isInside(limits.folder, real)) {
        return {
          kind: 'refused',
          reason: `is a symlink to ${real}, outside the results folder: symlinks are followed only to files inside ${limits.folder}. Copy the file into the folder instead.`,
        };
      }
      target = real;
      link = await fs.lstat(real);
    }
  } catch (err) {
    if (isGone(err)) return { kind: 'changing' };
    throw err;
  }
  if (!link.isFile())
    return {
      kind: 'refused',
      reason: `is ${describeType(link)}: only regular files are read. Remove it from the results folder.`,
    };
  if (link.size > limits.maxBytes) return tooLarge(link.size, limits.maxBytes);

  let handle;
  try {
    // O_NOFOLLOW: a file swapped for a symlink after the lstat is not followed.
    handle = await fs.open(target, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (err) {
    if (isGone(err) || (err as NodeJS.ErrnoException).code === 'ELOOP') return { kind: 'changing' };
    throw err;
  }
  try {
    const readAt = Date.now();
    const stat = await handle.stat();
    if (!stat.isFile() || stat.ino !== link.ino || stat.dev !== link.dev) return { kind: 'changing' };
    if (stat.size > limits.maxBytes) return tooLarge(stat.size, limits.maxBytes);
    // One byte more than the size: if it fills, the file is still growing.
    const bytes = Buffer.allocUnsafe(stat.size + 1);
    let length = 0;
    while (length < bytes.length) {
      const wanted = bytes.length - length;
      const { bytesRead } = await handle.read(bytes, length, wanted, length);
      length += bytesRead;
      // A regular file reads short only at its end: no second read to find that out.
      if (bytesRead < wanted) break;
    }
    if (length > stat.size) return { kind: 'changing' };
    const { mtimeMs, ctimeMs, ino } = stat;
    return {
      kind: 'read',
      bytes: bytes.subarray(0, length),
      mtime: stat.mtime,
      stamp: { size: length, mtimeMs, ctimeMs, ino, readAt },
    };
  } finally {
    await handle.close();
  }
}

function tooLarge(size: number, max: number): ResultsFileRead {
  return {
    kind: 'refused',
    reason: `is ${(size / MB).toFixed(1)} MB, over the ${Math.round(max / MB)} MB limit (RESULTS_MAX_MB): if it is a genuine results file, raise RESULTS_MAX_MB in .env and restart.`,
  };
}

function isGone(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
