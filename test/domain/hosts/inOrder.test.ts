import { inOrder } from '../../../src/domain/hosts/inOrder';

describe('inOrder (reading the change log without missing an entry)', () => {
  it('when the numbers follow the cursor, then all are delivered and the cursor moves to the last', () => {
    expect(inOrder(4, [5, 6, 7], null, 1000, 5000)).toEqual({ take: 3, cursor: 7, gap: null, skipped: [] });
  });

  it('when a number is missing, then delivery stops before it and the wait starts', () => {
    expect(inOrder(4, [5, 7, 8], null, 1000, 5000)).toEqual({
      take: 1,
      cursor: 5,
      gap: { seq: 6, since: 1000 },
      skipped: [],
    });
  });

  it('when the missing number turns up, then everything after it is delivered', () => {
    expect(inOrder(5, [6, 7, 8], { seq: 6, since: 1000 }, 2000, 5000)).toEqual({
      take: 3,
      cursor: 8,
      gap: null,
      skipped: [],
    });
  });

  it('when it is still missing before the wait is over, then the wait keeps its start', () => {
    expect(inOrder(5, [7], { seq: 6, since: 1000 }, 5999, 5000).gap).toEqual({ seq: 6, since: 1000 });
  });

  it('when it is still missing after the wait, then it is skipped and the rest delivered', () => {
    expect(inOrder(5, [8, 9], { seq: 6, since: 1000 }, 6000, 5000)).toEqual({
      take: 2,
      cursor: 9,
      gap: null,
      skipped: [6, 7],
    });
  });

  it('when the first entry of a fresh log is missing, then nothing is delivered yet', () => {
    expect(inOrder(0, [2], null, 1, 5000)).toEqual({ take: 0, cursor: 0, gap: { seq: 1, since: 1 }, skipped: [] });
  });
});
