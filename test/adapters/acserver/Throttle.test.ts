import { Throttle } from '../../../src/adapters/acserver/Throttle';

describe('Throttle', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('when requests flood in, then the first runs at once and the rest fold into one run when the interval ends', () => {
    let runs = 0;
    const t = new Throttle(
      3000,
      () => void runs++,
      () => Date.now(),
    );
    for (let i = 0; i < 500; i++) t.request();
    expect(runs).toBe(1);
    jest.advanceTimersByTime(2999);
    expect(runs).toBe(1);
    jest.advanceTimersByTime(1);
    expect(runs).toBe(2);
    jest.advanceTimersByTime(60_000);
    expect(runs).toBe(2);
    t.request();
    expect(runs).toBe(3);
  });

  it('when cancelled, then a folded run does not happen', () => {
    let runs = 0;
    const t = new Throttle(
      3000,
      () => void runs++,
      () => Date.now(),
    );
    t.request();
    t.request();
    t.cancel();
    jest.advanceTimersByTime(10_000);
    expect(runs).toBe(1);
  });
});
