/** A missing sequence number the reader is waiting for, and since when (epoch ms). */
export interface Gap {
  seq: number;
  since: number;
}

export interface InOrder {
  /** How many of the given entries to deliver now (a prefix). */
  take: number;
  cursor: number;
  gap: Gap | null;
  /** Numbers given up on: their writer took longer than the wait (it died between counter and write). */
  skipped: number[];
}

/**
 * Change-log entries are numbered before they are written, so a later number can be visible while an
 * earlier one is still being written. Deliver only in order; wait `gapWaitMs` for a missing number,
 * then skip it (its writer crashed), so one lost write never stalls the reader.
 * `seqs` are ascending and all above `cursor` (what ChangeLog.after returns).
 */
export function inOrder(
  cursor: number,
  seqs: readonly number[],
  gap: Gap | null,
  now: number,
  gapWaitMs: number,
): InOrder {
  let take = 0;
  const skipped: number[] = [];
  let waiting = gap;
  for (const seq of seqs) {
    const expected = cursor + 1;
    if (seq !== expected) {
      const since = waiting?.seq === expected ? waiting.since : now;
      if (now - since < gapWaitMs) return { take, cursor, gap: { seq: expected, since }, skipped };
      for (let s = expected; s < seq; s++) skipped.push(s);
    }
    waiting = null;
    cursor = seq;
    take++;
  }
  return { take, cursor, gap: null, skipped };
}
