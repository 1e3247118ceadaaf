/** What `stat` says of a results file: a write, a copy over it or a file moved onto its name changes one of these. */
export interface FileStat {
  size: number;
  mtimeMs: number;
  /** Set by the system on every change, even by tools that keep the modification time (cp -p, rsync -t, tar). */
  ctimeMs: number;
  ino: number;
}

/** A file's stat when it was read, and when that was (ms): kept with its processed-file record. */
export interface FileStamp extends FileStat {
  readAt: number;
}

/**
 * A file changed this shortly before it was read may have changed again within the same tick of
 * the filesystem's clock (a few ms on ext4, 2 s on FAT) and kept its times: its stamp proves nothing.
 */
export const FRESH_STAMP_MS = 2000;

/** The stamp was taken long enough after the file's last change to prove anything (see FRESH_STAMP_MS). */
export function settledStamp(stamp: FileStamp): boolean {
  return stamp.readAt - Math.max(stamp.mtimeMs, stamp.ctimeMs) >= FRESH_STAMP_MS;
}

/** The file is as it was when it was read (`stamp`): reading it again would find the same bytes. */
export function unchangedSince(stamp: FileStamp | undefined, now: FileStat): boolean {
  return (
    stamp !== undefined &&
    stamp.size === now.size &&
    stamp.mtimeMs === now.mtimeMs &&
    stamp.ctimeMs === now.ctimeMs &&
    stamp.ino === now.ino &&
    settledStamp(stamp)
  );
}
