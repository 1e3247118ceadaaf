import { attributeResults, ROTATION_GRACE_MS, UnknownEventError } from '../../../src/domain/results/attributeResults';
import { parseResults } from '../../../src/domain/results/parseResults';
import { parseSeasonConfig } from '../../../src/domain/season/seasonSchema';
import type { ParsedResults } from '../../../src/domain/types';
import { resultsFixture } from '../../support/fixtures';

const fixture = (name: string, asName = name): ParsedResults =>
  parseResults(resultsFixture(name).bytes.toString('utf8'), asName);

const RBR_RACE = fixture('2019_2_15_22_10_RACE.json'); // ks_red_bull_ring/layout_national
const SUZUKA = fixture('2019_3_2_19_30_PRACTICE.json'); // suzuka/suzukagp, with a BOM
const RBR_QUALIFY = '2019_3_2_21_49_QUALIFY.json'; // has a Date field
const MONZA = fixture('2015_10_17_9_30_QUALIFY.json'); // monza, no layout
const NO_TIME = fixture('tyre.info.json'); // gilles-villeneuve, no time at all

type Ev = { id: string; track: string; layout?: string; start: string };
function league(events: Ev[]) {
  return parseSeasonConfig(
    JSON.stringify({
      timeZone: 'Europe/London',
      seasons: [{ id: 's19', name: '2019', events: events.map((e) => ({ name: e.id, cars: ['bmw_m3_e30'], ...e })) }],
    }),
    'seasonConfig.json',
  );
}
const CONFIG = league([
  { id: 'rbr1', track: 'ks_red_bull_ring', layout: 'layout_national', start: '2019-02-15T20:00' },
  { id: 'suzuka', track: 'suzuka', layout: 'suzukagp', start: '2019-03-01T12:00' },
  { id: 'rbr2', track: 'ks_red_bull_ring', layout: 'layout_national', start: '2019-03-02T21:00' },
  { id: 'gv', track: 'gilles-villeneuve', start: '2019-04-01T12:00' },
]);
const base = { config: CONFIG, acServerTimeZone: 'Europe/London', currentEventId: null };

describe('attributeResults', () => {
  test('when the file time falls in an event window on its track, then the schedule picks it', () => {
    expect(attributeResults({ ...base, parsed: RBR_RACE })).toEqual({
      kind: 'event',
      eventId: 's19#rbr1',
      via: 'schedule',
      sessionTime: '2019-02-15T22:10:00.000Z',
    });
    const suzuka = attributeResults({ ...base, parsed: SUZUKA, currentEventId: 's19#rbr1' });
    expect(suzuka).toMatchObject({ kind: 'event', eventId: 's19#suzuka', via: 'schedule' });
  });

  test("when acServer's zone differs, then the file name is read in that zone", () => {
    // 19:30 in New York is 00:30Z next day: inside rbr2's window, whose track is not suzuka.
    const got = attributeResults({ ...base, parsed: SUZUKA, acServerTimeZone: 'America/New_York' });
    expect(got.sessionTime).toBe('2019-03-03T00:30:00.000Z');
    expect(got.kind).toBe('unattributed');
  });

  test('when the file track differs from the scheduled event, then it is unattributed with a reason the admin can act on', () => {
    const got = attributeResults({
      ...base,
      parsed: SUZUKA,
      acServerTimeZone: 'America/New_York',
      currentEventId: 's19#suzuka',
    });
    expect(got).toMatchObject({ kind: 'unattributed', eventId: 'unattributed', candidateEventId: 's19#rbr2' });
    if (got.kind !== 'unattributed') throw new Error('expected unattributed');
    expect(got.reason).toContain('suzuka/suzukagp');
    expect(got.reason).toContain('ks_red_bull_ring/layout_national');
    expect(got.reason).toContain('s19#rbr2');
    expect(got.reason).toContain(`npm run cli -- ingest ${SUZUKA.fileName} --event <eventId>`);
  });

  test('when the track and layout differ only in case, then they still match', () => {
    const shouting = { ...RBR_RACE, track: 'KS_Red_Bull_Ring', trackConfig: 'LAYOUT_NATIONAL' };
    expect(attributeResults({ ...base, parsed: shouting })).toMatchObject({ kind: 'event', eventId: 's19#rbr1' });
  });

  test('when the layout differs (or one side has none), then it is a mismatch', () => {
    const gp = { ...RBR_RACE, trackConfig: 'layout_gp' };
    expect(attributeResults({ ...base, parsed: gp }).kind).toBe('unattributed');
    const none = { ...RBR_RACE, trackConfig: '' };
    const got = attributeResults({ ...base, parsed: none });
    expect(got.kind === 'unattributed' && got.reason).toContain('ks_red_bull_ring (no layout)');
  });

  test('when the file name has no time but a Date field, then the Date field places it', () => {
    const renamed = fixture(RBR_QUALIFY, 'qualify-copy.json');
    expect(renamed.sessionLocalTime).toBeNull();
    expect(attributeResults({ ...base, parsed: renamed })).toEqual({
      kind: 'event',
      eventId: 's19#rbr2',
      via: 'schedule',
      sessionTime: '2019-03-02T21:49:00.000Z',
    });
  });

  test('when the file has no time, then the current event takes it if the track matches', () => {
    expect(attributeResults({ ...base, parsed: NO_TIME, currentEventId: 's19#gv' })).toEqual({
      kind: 'event',
      eventId: 's19#gv',
      via: 'currentEvent',
      sessionTime: null,
    });
    const wrong = attributeResults({ ...base, parsed: NO_TIME, currentEventId: 's19#rbr1' });
    expect(wrong).toMatchObject({ kind: 'unattributed', candidateEventId: 's19#rbr1' });
    expect(wrong.kind === 'unattributed' && wrong.reason).toContain('gilles-villeneuve (no layout)');
  });

  test('when the file is older than the first event, then the current event takes it', () => {
    const withMonza = league([
      { id: 'monza', track: 'monza', start: '2019-01-01T12:00' },
      { id: 'rbr1', track: 'ks_red_bull_ring', layout: 'layout_national', start: '2019-02-15T20:00' },
    ]);
    expect(attributeResults({ ...base, config: withMonza, parsed: MONZA, currentEventId: 's19#monza' })).toEqual({
      kind: 'event',
      eventId: 's19#monza',
      via: 'currentEvent',
      sessionTime: '2015-10-17T08:30:00.000Z',
    });
  });

  test('when no event can be found, then it is unattributed and says why', () => {
    const none = attributeResults({ ...base, parsed: NO_TIME });
    expect(none).toMatchObject({
      kind: 'unattributed',
      eventId: 'unattributed',
      candidateEventId: null,
      sessionTime: null,
    });
    expect(none.kind === 'unattributed' && none.reason).toMatch(/no session time and no current event is set/);

    const early = attributeResults({ ...base, parsed: MONZA });
    expect(early.kind === 'unattributed' && early.reason).toMatch(
      /2015-10-17 09:30 Europe\/London, before the first event \(s19#rbr1/,
    );

    const gone = attributeResults({ ...base, parsed: MONZA, currentEventId: 's18#old' });
    expect(gone.kind === 'unattributed' && gone.reason).toContain(
      'the current event "s18#old" is not in the season config',
    );

    const empty = parseSeasonConfig('{"seasons": []}', 'x.json');
    const nothing = attributeResults({ ...base, config: empty, parsed: RBR_RACE });
    expect(nothing.kind === 'unattributed' && nothing.reason).toContain('the season config has no events');
  });

  test('when an event is forced, then it wins without a track check, noting a mismatch', () => {
    expect(attributeResults({ ...base, parsed: RBR_RACE, forcedEventId: 's19#rbr2' })).toEqual({
      kind: 'event',
      eventId: 's19#rbr2',
      via: 'forced',
      sessionTime: '2019-02-15T22:10:00.000Z',
    });
    const other = attributeResults({
      ...base,
      parsed: SUZUKA,
      forcedEventId: 's19#rbr1',
      currentEventId: 's19#suzuka',
    });
    expect(other).toMatchObject({ kind: 'event', eventId: 's19#rbr1', via: 'forced' });
    expect(other.kind === 'event' && other.note).toContain('suzuka/suzukagp');
  });

  test('when a forced event does not exist, then it throws naming the known events', () => {
    const run = () => attributeResults({ ...base, parsed: RBR_RACE, forcedEventId: 's19#nope' });
    expect(run).toThrow(UnknownEventError);
    expect(run).toThrow(/no event "s19#nope".*s19#rbr1, s19#suzuka, s19#rbr2, s19#gv/);
  });

  test('when a file from the old track lands just after the next event started, then the event before takes it', () => {
    // SUZUKA was written 19:30: the flush at a rotation names the file with the new event's minute.
    const withRotation = (rotation: string) =>
      league([
        { id: 'suzuka', track: 'suzuka', layout: 'suzukagp', start: '2019-03-01T12:00' },
        { id: 'rbr2', track: 'ks_red_bull_ring', layout: 'layout_national', start: rotation },
      ]);
    const justAfter = attributeResults({ ...base, config: withRotation('2019-03-02T19:30'), parsed: SUZUKA });
    expect(justAfter).toMatchObject({ kind: 'event', eventId: 's19#suzuka', via: 'schedule' });
    expect(justAfter.kind === 'event' && justAfter.note).toContain('s19#rbr2');

    const graceMinutes = ROTATION_GRACE_MS / 60_000;
    const longAfter = attributeResults({
      ...base,
      config: withRotation(`2019-03-02T19:${String(30 - graceMinutes).padStart(2, '0')}`),
      parsed: SUZUKA,
    });
    expect(longAfter).toMatchObject({ kind: 'unattributed', candidateEventId: 's19#rbr2' });
  });
});
