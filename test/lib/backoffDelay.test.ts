import { backoffDelay } from '../../src/lib/backoffDelay';

describe('backoffDelay', () => {
  const backoff = { baseMs: 100, maxMs: 1_000 };

  it('when failures repeat, then the wait doubles from the base up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, backoff))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });

  it('when a failure count is huge, then the wait is the cap, never Infinity or NaN', () => {
    expect(backoffDelay(10_000, backoff)).toBe(1_000);
    expect(backoffDelay(10_000, { baseMs: 0, maxMs: 1_000 })).toBe(0);
  });

  it('when called before any failure, then the wait is the base', () => {
    expect(backoffDelay(0, backoff)).toBe(100);
  });
});
