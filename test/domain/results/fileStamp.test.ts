import { FRESH_STAMP_MS, settledStamp, unchangedSince } from '../../../src/domain/results/fileStamp';

describe('unchangedSince', () => {
  const stat = { size: 70_000, mtimeMs: 1_000_000.25, ctimeMs: 1_000_000.5, ino: 42 };
  const stamp = { ...stat, readAt: 1_000_000.5 + FRESH_STAMP_MS };

  it('when the file has the stat it was read with, long after its last change, then it is unchanged', () => {
    expect(unchangedSince(stamp, stat)).toBe(true);
  });

  it.each([
    ['size', { size: 70_001 }],
    ['modification time', { mtimeMs: 1_000_000.26 }],
    ['change time (cp -p, tar, rsync -t keep the modification time)', { ctimeMs: 1_000_003 }],
    ['inode (another file moved onto the name)', { ino: 43 }],
  ])('when its %s differs, then it changed', (_what, change) => {
    expect(unchangedSince(stamp, { ...stat, ...change })).toBe(false);
  });

  it('when it was read moments after it changed, then its stamp proves nothing (it may have changed again within the same clock tick)', () => {
    expect(unchangedSince({ ...stamp, readAt: stat.ctimeMs + FRESH_STAMP_MS - 1 }, stat)).toBe(false);
  });

  it('when its modification time is later than the read (a clock ahead), then its stamp proves nothing', () => {
    const ahead = { ...stat, mtimeMs: stamp.readAt + 3_600_000 };
    expect(settledStamp({ ...ahead, readAt: stamp.readAt })).toBe(false);
    expect(unchangedSince({ ...ahead, readAt: stamp.readAt }, ahead)).toBe(false);
  });

  it('when no stamp was recorded, then it is not known to be unchanged', () => {
    expect(unchangedSince(undefined, stat)).toBe(false);
  });
});
