import { dateTimeTextToInstant, parseDateTimeText } from '../../../src/domain/text/dateTimeText';

const instant = (text: string, zone: string) => {
  const parsed = parseDateTimeText(text);
  if (!parsed) throw new Error(`did not parse ${text}`);
  return dateTimeTextToInstant(parsed, zone).toISOString();
};

describe('parseDateTimeText', () => {
  test('when the text has no offset, then it is read in the given zone', () => {
    expect(instant('2026-01-05T20:00', 'Europe/London')).toBe('2026-01-05T20:00:00.000Z');
    expect(instant('2026-07-05T20:00', 'Europe/London')).toBe('2026-07-05T19:00:00.000Z');
    expect(instant('2026-07-05T20:00:30', 'UTC')).toBe('2026-07-05T20:00:30.000Z');
  });

  test('when the text has an offset or Z, then the zone does not matter', () => {
    for (const zone of ['UTC', 'America/New_York', 'Australia/Sydney']) {
      expect(instant('2026-07-05T20:00+02:00', zone)).toBe('2026-07-05T18:00:00.000Z');
      expect(instant('2026-07-05T20:00:00-05:30', zone)).toBe('2026-07-06T01:30:00.000Z');
      expect(instant('2019-03-02T21:49:00.123456789Z', zone)).toBe('2019-03-02T21:49:00.000Z');
    }
  });

  test.each([
    '2026-13-01T20:00',
    '2026-02-29T20:00',
    '2026-01-05T24:00',
    '2026-01-05T20:60',
    '2026-01-05 20:00',
    '2026-1-5T20:00',
    '2026-01-05',
    '2026-01-05T20:00+25:00',
    '2026-01-05T20:00+01:75',
    'next monday',
    '',
  ])('when the text is %j, then it is rejected', (text) => {
    expect(parseDateTimeText(text)).toBeNull();
  });
});
