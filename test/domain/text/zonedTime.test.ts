import { instantToLocal, isTimeZone, localToInstant, offsetAt } from '../../../src/domain/text/zonedTime';
import type { LocalDateTime } from '../../../src/domain/types';

const local = (text: string): LocalDateTime => {
  const [y, mo, d, h, mi] = text.split(/[-T:]/).map(Number) as [number, number, number, number, number];
  return { year: y, month: mo, day: d, hour: h, minute: mi };
};
const iso = (l: LocalDateTime, zone: string) => localToInstant(l, zone).toISOString();

describe('localToInstant / instantToLocal', () => {
  test('when the zone is UTC, then the wall clock is the instant', () => {
    expect(iso(local('2026-01-05T20:00'), 'UTC')).toBe('2026-01-05T20:00:00.000Z');
    expect(instantToLocal(new Date('2026-07-01T23:59:30Z'), 'UTC')).toEqual(local('2026-07-01T23:59'));
  });

  test.each([
    ['Europe/London', '2026-01-05T20:00', '2026-01-05T20:00:00.000Z'],
    ['Europe/London', '2026-07-05T20:00', '2026-07-05T19:00:00.000Z'],
    ['America/New_York', '2026-01-05T20:00', '2026-01-06T01:00:00.000Z'],
    ['America/New_York', '2026-07-05T20:00', '2026-07-06T00:00:00.000Z'],
    ['Australia/Sydney', '2026-01-05T20:00', '2026-01-05T09:00:00.000Z'],
    ['Australia/Sydney', '2026-07-05T20:00', '2026-07-05T10:00:00.000Z'],
  ])('when %s reads %s (no DST change near), then it is %s', (zone, wall, instant) => {
    expect(iso(local(wall), zone)).toBe(instant);
    expect(instantToLocal(new Date(instant), zone)).toEqual(local(wall));
  });

  test.each([
    // spring forward: the wall clock jumps, so the missing time moves forward by the gap
    ['Europe/London', '2026-03-29T01:30', '2026-03-29T01:30:00.000Z', '2026-03-29T02:30'],
    ['America/New_York', '2026-03-08T02:30', '2026-03-08T07:30:00.000Z', '2026-03-08T03:30'],
    ['Australia/Sydney', '2026-10-04T02:30', '2026-10-03T16:30:00.000Z', '2026-10-04T03:30'],
  ])('when %s reads %s, which does not exist, then it moves forward to %s (%s local)', (zone, wall, instant, shown) => {
    expect(iso(local(wall), zone)).toBe(instant);
    expect(instantToLocal(new Date(instant), zone)).toEqual(local(shown));
  });

  test.each([
    // fall back: the wall clock repeats an hour; the earlier instant is taken
    ['Europe/London', '2026-10-25T01:30', '2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z'],
    ['America/New_York', '2026-11-01T01:30', '2026-11-01T05:30:00.000Z', '2026-11-01T06:30:00.000Z'],
    ['Australia/Sydney', '2026-04-05T02:30', '2026-04-04T15:30:00.000Z', '2026-04-04T16:30:00.000Z'],
  ])('when %s reads %s, which happens twice, then it is the first time (%s, not %s)', (zone, wall, first, second) => {
    expect(iso(local(wall), zone)).toBe(first);
    expect(instantToLocal(new Date(first), zone)).toEqual(local(wall));
    expect(instantToLocal(new Date(second), zone)).toEqual(local(wall));
  });

  test.each(['UTC', 'Europe/London', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata'])(
    'when every hour of 2026 in %s is read back, then it maps to the first instant with that wall clock',
    (zone) => {
      const hour = 60 * 60_000;
      for (let t = Date.UTC(2026, 0, 1, 0, 30); t < Date.UTC(2027, 0, 1); t += hour) {
        const wall = instantToLocal(new Date(t), zone);
        const back = localToInstant(wall, zone).getTime();
        const firstWithThisWall = instantToLocal(new Date(t - 60 * 60_000), zone);
        const expected = JSON.stringify(firstWithThisWall) === JSON.stringify(wall) ? t - 60 * 60_000 : t;
        if (back !== expected)
          throw new Error(
            `${zone} ${new Date(t).toISOString()} -> ${JSON.stringify(wall)} -> ${new Date(back).toISOString()}`,
          );
      }
    },
  );

  test('when the clocks change, then the offset changes exactly at the transition', () => {
    const at = Date.parse('2026-03-29T01:00:00Z');
    expect(offsetAt(at - 1000, 'Europe/London')).toBe(0);
    expect(offsetAt(at, 'Europe/London')).toBe(60 * 60_000);
    expect(offsetAt(at, 'Asia/Kolkata')).toBe(330 * 60_000);
  });

  test('when the local time is impossible, then it throws a RangeError', () => {
    expect(() => localToInstant(local('2026-13-01T20:00'), 'UTC')).toThrow(RangeError);
    expect(() => localToInstant(local('2026-02-29T20:00'), 'UTC')).toThrow(RangeError);
    expect(() => localToInstant(local('2026-01-01T24:00'), 'UTC')).toThrow(RangeError);
    expect(localToInstant(local('2028-02-29T20:00'), 'UTC').toISOString()).toBe('2028-02-29T20:00:00.000Z');
  });

  test('when the zone is unknown, then isTimeZone says so and the conversion throws', () => {
    expect(isTimeZone('Europe/London')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(() => localToInstant(local('2026-01-05T20:00'), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
