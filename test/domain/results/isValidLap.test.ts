import {
  isRealGuid,
  isValidLap,
  lapInvalidReason,
  MAX_LAP_MS,
  MIN_LAP_MS,
} from '../../../src/domain/results/isValidLap';
import { KICKED_GUID, NO_LAP_TIME } from '../../../src/domain/types';

const clean = { cuts: 0, lapTimeMs: 61_234, identified: true };

describe('isValidLap', () => {
  it('when a lap is clean, timed and identified, then it is valid', () => {
    expect(isValidLap(clean)).toBe(true);
    expect(isValidLap({ ...clean, lapTimeMs: MIN_LAP_MS })).toBe(true);
    expect(isValidLap({ ...clean, lapTimeMs: MAX_LAP_MS })).toBe(true);
    expect(lapInvalidReason({ ...clean, sectorsMs: [30_000, 31_234] })).toBeNull();
  });

  it('when the lap time is not whole milliseconds, then it is invalid and the reason says so', () => {
    expect(isValidLap({ ...clean, lapTimeMs: 1000.5 })).toBe(false);
    expect(lapInvalidReason({ ...clean, lapTimeMs: 1000.5 })).toBe(
      'lap time 1000.5 ms is not a whole number of milliseconds',
    );
    expect(lapInvalidReason({ ...clean, lapTimeMs: 61_234.000001 })).toMatch(/not a whole number/);
  });

  it('when the lap time is shorter than 1 s or longer than 1 h, then it is invalid and the reason gives the bound', () => {
    expect(lapInvalidReason({ ...clean, lapTimeMs: MIN_LAP_MS - 1 })).toBe('lap time 999 ms is shorter than 1 s');
    expect(lapInvalidReason({ ...clean, lapTimeMs: MAX_LAP_MS + 1 })).toBe('lap time 3600001 ms is longer than 1 h');
    expect(lapInvalidReason({ ...clean, lapTimeMs: 1e300 })).toBe('lap time 1e+300 ms is longer than 1 h');
    expect(lapInvalidReason({ ...clean, lapTimeMs: NO_LAP_TIME })).toBe('no lap time (999999999)');
  });

  it('when a sector time is fractional or negative, then the lap is invalid and the reason names the sector', () => {
    expect(lapInvalidReason({ ...clean, sectorsMs: [30_000, 31_233.5] })).toBe(
      'sector 2 time 31233.5 ms is not a whole number of milliseconds',
    );
    expect(lapInvalidReason({ ...clean, sectorsMs: [-1, 61_235] })).toBe('sector 1 time -1 ms is negative');
  });

  it('when more than three sectors are wrong, then the reason names the first three and counts the others', () => {
    const whole = (n: number) => `sector ${n} time ${n}.5 ms is not a whole number of milliseconds`;
    expect(lapInvalidReason({ ...clean, sectorsMs: [1.5, 2.5, 3.5, 4.5] })).toBe(
      `${whole(1)}; ${whole(2)}; ${whole(3)}; and 1 more sector with times that are not real`,
    );
    expect(lapInvalidReason({ ...clean, sectorsMs: [1.5, 2.5, 30_000, 3.5, 4.5, 5.5] })).toBe(
      `${whole(1)}; ${whole(2)}; sector 4 time 3.5 ms is not a whole number of milliseconds; and 2 more sectors with times that are not real`,
    );
  });

  it('when several things are wrong, then the reason lists each', () => {
    expect(lapInvalidReason({ cuts: 2, lapTimeMs: 500, identified: false })).toBe(
      'driver not identified (empty slot, or a kicked driver whose GUID could not be recovered); 2 cuts; lap time 500 ms is shorter than 1 s',
    );
    expect(lapInvalidReason({ ...clean, cuts: 1 })).toBe('1 cut');
  });

  it('when a lap has cuts, then it is invalid', () => {
    expect(isValidLap({ ...clean, cuts: 1 })).toBe(false);
    expect(isValidLap({ ...clean, cuts: 7 })).toBe(false);
  });

  it('when the time is not a real lap time, then it is invalid', () => {
    for (const lapTimeMs of [0, -5, NO_LAP_TIME, NO_LAP_TIME + 1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(isValidLap({ ...clean, lapTimeMs })).toBe(false);
    }
  });

  it('when the driver is not identified, then it is invalid', () => {
    expect(isValidLap({ ...clean, identified: false })).toBe(false);
  });
});

describe('isRealGuid', () => {
  it('when the GUID is empty, blank or the kicked marker, then it is not a real driver', () => {
    expect(isRealGuid('')).toBe(false);
    expect(isRealGuid('  ')).toBe(false);
    expect(isRealGuid(KICKED_GUID)).toBe(false);
    expect(isRealGuid('76561198000000001')).toBe(true);
  });
});
