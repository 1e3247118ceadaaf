import { isRealGuid, isValidLap } from '../../src/domain/isValidLap';
import { KICKED_GUID, NO_LAP_TIME } from '../../src/domain/types';

const clean = { cuts: 0, lapTimeMs: 61_234, identified: true };

describe('isValidLap', () => {
  it('when a lap is clean, timed and identified, then it is valid', () => {
    expect(isValidLap(clean)).toBe(true);
    expect(isValidLap({ ...clean, lapTimeMs: NO_LAP_TIME - 1 })).toBe(true);
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
