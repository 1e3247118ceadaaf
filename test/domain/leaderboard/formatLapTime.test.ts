import { formatGap, formatLapTime, NO_TIME_TEXT } from '../../../src/domain/leaderboard/formatLapTime';
import { NO_LAP_TIME } from '../../../src/domain/types';

describe('formatLapTime', () => {
  it('when under an hour, then it is m:ss.mmm', () => {
    expect(formatLapTime(62_345)).toBe('1:02.345');
    expect(formatLapTime(59_900)).toBe('0:59.900');
    expect(formatLapTime(600_001)).toBe('10:00.001');
    expect(formatLapTime(0)).toBe('0:00.000');
    expect(formatLapTime(3_599_999)).toBe('59:59.999');
  });

  it('when an hour or more, then it is h:mm:ss.mmm', () => {
    expect(formatLapTime(3_600_000)).toBe('1:00:00.000');
    expect(formatLapTime(3_723_004)).toBe('1:02:03.004');
  });

  it('when given fractional ms, then it rounds without carrying into a bad field', () => {
    expect(formatLapTime(59_999.6)).toBe('1:00.000');
  });

  it('when there is no lap time, then it shows the placeholder', () => {
    expect(formatLapTime(NO_LAP_TIME)).toBe(NO_TIME_TEXT);
    expect(formatLapTime(-1)).toBe(NO_TIME_TEXT);
    expect(formatLapTime(Number.NaN)).toBe(NO_TIME_TEXT);
  });
});

describe('formatGap', () => {
  it('when behind the leader, then it is +s.mmm under a minute, +m:ss.mmm from a minute', () => {
    expect(formatGap(123)).toBe('+0.123');
    expect(formatGap(12_345)).toBe('+12.345');
    expect(formatGap(62_345)).toBe('+1:02.345');
  });

  it('when the leader, then it is empty; a tied non-leader shows +0.000', () => {
    expect(formatGap(0)).toBe('');
    expect(formatGap(0, true)).toBe('');
    expect(formatGap(0, false)).toBe('+0.000');
  });
});
