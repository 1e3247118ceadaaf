import { readFileSync } from 'fs';
import path from 'path';
import { DEFAULT_POINTS_TABLE, parseSeasonConfig, SeasonConfigError } from '../../../src/domain/season/seasonSchema';

const EXAMPLE_PATH = path.resolve(__dirname, '../../../examples/seasonConfig.json');
const EXAMPLE = readFileSync(EXAMPLE_PATH, 'utf8');
const SOURCE = 'seasonConfig.json';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function errorOf(text: string): SeasonConfigError {
  try {
    parseSeasonConfig(text, SOURCE);
  } catch (e) {
    if (e instanceof SeasonConfigError) return e;
    throw e;
  }
  throw new Error('expected a SeasonConfigError');
}
/** The example file with one edit applied. */
function edited(edit: (json: Json) => void): string {
  const json = JSON.parse(EXAMPLE);
  edit(json);
  return JSON.stringify(json, null, 2);
}
const minimal = (events: Json[], extra: Json = {}) =>
  JSON.stringify({ ...extra, seasons: [{ id: 's1', name: 'Season 1', events }] });
const event = (id: string, more: Json = {}) => ({
  id,
  name: `Event ${id}`,
  track: 'monza',
  cars: ['ks_mazda_mx5_cup'],
  start: '2026-01-05T20:00',
  ...more,
});

describe('parseSeasonConfig with the example file', () => {
  const config = parseSeasonConfig(EXAMPLE, SOURCE);
  const events = config.seasons.flatMap((s) => s.events);
  const raw = JSON.parse(EXAMPLE);
  const rawEvents: Json[] = raw.seasons.flatMap((s: Json) => s.events.map((e: Json) => ({ season: s.id, ...e })));

  test('when it is parsed, then every event id is <seasonId>#<eventId> and keeps its parts', () => {
    expect(events.map((e) => e.id)).toEqual(rawEvents.map((e) => `${e.season}#${e.id}`));
    expect(events.map((e) => e.localId)).toEqual(rawEvents.map((e) => e.id));
    expect(events.map((e) => e.seasonId)).toEqual(rawEvents.map((e) => e.season));
    expect(events.map((e) => e.id)).toContain('season1#preseason1');
    expect(events.map((e) => e.id)).toContain('season2#event1');
  });

  test('when an id starts with "preseason", then the event is a preseason event', () => {
    expect(events.filter((e) => e.preseason).map((e) => e.id)).toEqual(
      rawEvents.filter((e) => /^preseason/.test(e.id)).map((e) => `${e.season}#${e.id}`),
    );
  });

  test('when starts are written as London wall-clock times, then GMT and BST are applied', () => {
    const start = (id: string) => events.find((e) => e.id === id)!.start;
    expect(start('season1#event2')).toBe('2026-03-23T19:00:00.000Z'); // GMT
    expect(start('season1#event3')).toBe('2026-04-06T18:00:00.000Z'); // BST
    expect(start('season2#event2')).toBe('2026-06-15T18:00:00.000Z'); // written with Z
    expect(events.every((e) => e.timeZone === 'Europe/London')).toBe(true);
  });

  test('when optional fields are left out, then the documented defaults apply', () => {
    const [s1, s2] = config.seasons;
    expect(s1!.pointsTable).toEqual(raw.pointsTable);
    expect(s2!.pointsTable).toEqual(raw.seasons[1].pointsTable);
    expect(s2!.participationPoints).toBe(0);
    expect(s2!.fastestLapBonus).toBe(0);
    expect(s2!.bestOf).toBeNull();
    expect(events.find((e) => e.id === 'season1#event3')!.layout).toBe('');
    expect(events.find((e) => e.id === 'season2#event2')!.cars).toEqual([
      { model: 'ks_mazda_mx5_cup', skins: [], slots: raw.defaultSlots },
      { model: 'bmw_m3_e30', skins: [], slots: raw.defaultSlots },
    ]);
    expect(config.trackFlags).toEqual(raw.trackFlags);
    expect(config.carEmoji).toEqual(raw.carEmoji);
  });

  test('when sessions are given, then only the keys written are kept', () => {
    expect(events.find((e) => e.id === 'season1#event4')!.sessions).toEqual(raw.seasons[0].events[4].sessions);
    expect(events.find((e) => e.id === 'season1#event2')!.sessions).toBeUndefined();
  });

  test('when the file starts with a byte order mark, then it still parses', () => {
    expect(parseSeasonConfig(`\uFEFF${EXAMPLE}`, SOURCE)).toEqual(config);
  });
});

describe('parseSeasonConfig defaults and rules', () => {
  test('when the file holds only an empty season list, then the top-level defaults apply', () => {
    const config = parseSeasonConfig('{"seasons": []}', SOURCE);
    expect(config).toEqual({ timeZone: 'UTC', seasons: [], trackFlags: {}, carEmoji: {} });
  });

  test('when a season leaves out the points table, then the default table is used', () => {
    const config = parseSeasonConfig(minimal([event('e1')]), SOURCE);
    expect(config.seasons[0]!.pointsTable).toEqual([...DEFAULT_POINTS_TABLE]);
    expect(DEFAULT_POINTS_TABLE).toEqual([25, 18, 15, 12, 10, 8, 6, 4, 2, 1]);
  });

  test('when points have up to 3 decimals, then they are accepted as written', () => {
    const text = JSON.stringify({
      pointsTable: [0.3, 0.2, 0.125],
      seasons: [{ id: 's1', name: 'S', participationPoints: 0.1, fastestLapBonus: 0.005, events: [event('e1')] }],
    });
    expect(parseSeasonConfig(text, SOURCE).seasons[0]).toMatchObject({
      pointsTable: [0.3, 0.2, 0.125],
      participationPoints: 0.1,
      fastestLapBonus: 0.005,
    });
  });

  test('when skins are listed without slots, then there is a slot per skin and at least defaultSlots', () => {
    const cars = [
      'ks_mazda_mx5_cup',
      { model: 'bmw_m3_e30', skins: ['Misano_red', 'a', 'b'] },
      { model: 'ks_porsche_911_gt3_cup_2017', skins: ['x'] },
    ];
    const config = parseSeasonConfig(minimal([event('e1', { cars })], { defaultSlots: 2 }), SOURCE);
    expect(config.seasons[0]!.events[0]!.cars.map((c) => c.slots)).toEqual([2, 3, 2]);
    const one = parseSeasonConfig(minimal([event('e1', { cars: ['bmw_m3_e30'] })]), SOURCE);
    expect(one.seasons[0]!.events[0]!.cars).toEqual([{ model: 'bmw_m3_e30', skins: [], slots: 1 }]);
  });

  test('when preseason is set or the pattern is changed, then that decides, case-insensitively', () => {
    const events = [
      event('PreSeason2'),
      event('preseason3', { preseason: false }),
      event('shakedown', { preseason: true }),
      event('test1'),
    ];
    const byDefault = parseSeasonConfig(minimal(events), SOURCE).seasons[0]!.events;
    expect(byDefault.map((e) => e.preseason)).toEqual([true, false, true, false]);
    const custom = parseSeasonConfig(minimal(events, { preseasonPattern: '^test' }), SOURCE).seasons[0]!.events;
    expect(custom.map((e) => e.preseason)).toEqual([false, false, true, true]);
  });

  test('when time zones are given at several levels, then the event beats the season beats the top level', () => {
    const text = JSON.stringify({
      timeZone: 'America/New_York',
      seasons: [
        {
          id: 's1',
          name: 'S1',
          timeZone: 'Australia/Sydney',
          events: [event('a'), event('b', { timeZone: 'Europe/London' })],
        },
        {
          id: 's2',
          name: 'S2',
          events: [event('c'), event('d', { start: '2026-01-05T20:00+01:00', timeZone: 'UTC' })],
        },
      ],
    });
    const got = parseSeasonConfig(text, SOURCE).seasons.flatMap((s) =>
      s.events.map((e) => [e.id, e.start, e.timeZone]),
    );
    expect(got).toEqual([
      ['s1#a', '2026-01-05T09:00:00.000Z', 'Australia/Sydney'],
      ['s1#b', '2026-01-05T20:00:00.000Z', 'Europe/London'],
      ['s2#c', '2026-01-06T01:00:00.000Z', 'America/New_York'],
      ['s2#d', '2026-01-05T19:00:00.000Z', 'UTC'],
    ]);
  });

  test('when keys start with _ or $, then they are comments and ignored', () => {
    const text = minimal([{ ...event('e1'), _note: 'x' }], { $schema: './season.schema.json', _comment: 'hi' });
    expect(parseSeasonConfig(text, SOURCE).seasons[0]!.events[0]!.id).toBe('s1#e1');
  });
});

describe('parseSeasonConfig errors', () => {
  test('when an event start is not a date, then the message names the file, the path and the value', () => {
    const err = errorOf(edited((j) => (j.seasons[0].events[2].start = '2026-13-01T20:00')));
    expect(err.message).toBe(
      'seasonConfig.json: seasons[0].events[2].start: "2026-13-01T20:00" is not a date-time (use 2026-01-05T20:00, or with an offset: 2026-01-05T20:00+01:00)',
    );
    expect(err.source).toBe(SOURCE);
  });

  test.each<[string, (j: Json) => void, string, RegExp]>([
    [
      'a season id repeats',
      (j) => (j.seasons[1].id = 'season1'),
      'seasons[1].id',
      /"season1" is already used by \[0\]/,
    ],
    [
      'an event id repeats in a season',
      (j) => (j.seasons[0].events[3].id = 'event1'),
      'seasons[0].events[3].id',
      /already used by \[1\].*unique within a season/,
    ],
    [
      'an event id has a #',
      (j) => (j.seasons[0].events[1].id = 'a#b'),
      'seasons[0].events[1].id',
      /must not contain '#'/,
    ],
    [
      'a season id has a space',
      (j) => (j.seasons[0].id = 'season 1'),
      'seasons[0].id',
      /"season 1" is not a valid season id/,
    ],
    [
      'a track climbs out with ..',
      (j) => (j.seasons[0].events[0].track = '..'),
      'seasons[0].events[0].track',
      /"\.\." is not a valid track folder name/,
    ],
    [
      'a track holds a /',
      (j) => (j.seasons[0].events[1].track = 'ks_nurburgring/layout_gp_a'),
      'seasons[0].events[1].track',
      /not a valid track folder name/,
    ],
    [
      'a track holds a \\',
      (j) => (j.seasons[0].events[1].track = 'tracks\\spa'),
      'seasons[0].events[1].track',
      /not a valid track folder name/,
    ],
    [
      'a layout holds an INI bracket',
      (j) => (j.seasons[0].events[1].layout = 'layout[1]'),
      'seasons[0].events[1].layout',
      /not a valid layout folder name/,
    ],
    [
      'a car model holds a ;',
      (j) => (j.seasons[0].events[0].cars[0] = 'ks_mazda_mx5_cup;bmw_m3_e30'),
      'seasons[0].events[0].cars[0].model',
      /not a valid car folder name/,
    ],
    [
      'a skin holds =',
      (j) => (j.seasons[0].events[3].cars[0].skins = ['red=blue']),
      'seasons[0].events[3].cars[0].skins[0]',
      /not a valid skin folder name/,
    ],
    [
      'a skin holds a newline',
      (j) => (j.seasons[0].events[3].cars[0].skins = ['red\nblue']),
      'seasons[0].events[3].cars[0].skins[0]',
      /not a valid skin folder name/,
    ],
    [
      'a car is listed twice',
      (j) => j.seasons[0].events[4].cars.push('bmw_m3_e30'),
      'seasons[0].events[4].cars[2].model',
      /already used by \[1\]/,
    ],
    [
      'an event has no cars',
      (j) => (j.seasons[0].events[0].cars = []),
      'seasons[0].events[0].cars',
      /at least one car/,
    ],
    [
      'a car is a number',
      (j) => (j.seasons[0].events[0].cars = [7]),
      'seasons[0].events[0].cars[0]',
      /must be a car folder name or/,
    ],
    [
      'slots is 0',
      (j) => (j.seasons[0].events[1].cars[0].slots = 0),
      'seasons[0].events[1].cars[0].slots',
      /must be at least 1, got 0/,
    ],
    [
      'slots is not whole',
      (j) => (j.seasons[0].events[1].cars[0].slots = 2.5),
      'seasons[0].events[1].cars[0].slots',
      /must be a whole number, got 2.5/,
    ],
    [
      'slots are fewer than skins',
      (j) => Object.assign(j.seasons[0].events[3].cars[0], { slots: 1, skins: ['a', 'b'] }),
      'seasons[0].events[3].cars[0].slots',
      /is 1 but 2 skins/,
    ],
    [
      'a name spans two lines',
      (j) => (j.seasons[0].events[0].name = 'Shake\ndown'),
      'seasons[0].events[0].name',
      /single line/,
    ],
    ['a name is blank', (j) => (j.seasons[1].name = '  '), 'seasons[1].name', /must not be empty/],
    [
      'points are negative',
      (j) => (j.seasons[1].pointsTable[2] = -6),
      'seasons[1].pointsTable[2]',
      /must be at least 0, got -6/,
    ],
    ['the points table is empty', (j) => (j.pointsTable = []), 'pointsTable', /at least 1 entry/],
    [
      'participation points are negative',
      (j) => (j.seasons[0].participationPoints = -1),
      'seasons[0].participationPoints',
      /at least 0/,
    ],
    [
      'points have 4 decimals',
      (j) => (j.seasons[1].pointsTable[0] = 0.1234),
      'seasons[1].pointsTable[0]',
      /at most 3 decimals.*got 0\.1234/,
    ],
    [
      'participation points have 4 decimals',
      (j) => (j.seasons[0].participationPoints = 0.0005),
      'seasons[0].participationPoints',
      /at most 3 decimals/,
    ],
    [
      'a fastest-lap bonus has 4 decimals',
      (j) => (j.seasons[0].fastestLapBonus = 1.0001),
      'seasons[0].fastestLapBonus',
      /at most 3 decimals/,
    ],
    ['bestOf is 0', (j) => (j.seasons[0].bestOf = 0), 'seasons[0].bestOf', /at least 1/],
    [
      'a time zone is unknown',
      (j) => (j.seasons[0].events[2].timeZone = 'Europe/Londn'),
      'seasons[0].events[2].timeZone',
      /"Europe\/Londn" is not a time zone/,
    ],
    [
      'the preseason pattern is not a regex',
      (j) => (j.preseasonPattern = '(['),
      'preseasonPattern',
      /not a valid regular expression/,
    ],
    [
      'a key is misspelt',
      (j) => (j.seasons[0].events[2].strat = j.seasons[0].events[2].start),
      'seasons[0].events[2].strat',
      /unknown key \(did you mean "start"\?\)/,
    ],
    [
      'a key is unknown',
      (j) => (j.seasons[0].colour = 'red'),
      'seasons[0].colour',
      /unknown key \(allowed here: id, name/,
    ],
    ['the track is missing', (j) => delete j.seasons[0].events[0].track, 'seasons[0].events[0].track', /^is required$/],
    [
      'isOpen is 3',
      (j) => (j.seasons[0].events[4].sessions.race.isOpen = 3),
      'seasons[0].events[4].sessions.race.isOpen',
      /0 \(closed\), 1 \(open\) or 2/,
    ],
    [
      'a track flag key is not a folder',
      (j) => (j.trackFlags['spa/gp'] = 'x'),
      'trackFlags["spa/gp"]',
      /not a valid track folder name/,
    ],
    ['a season list is an object', (j) => (j.seasons = {}), 'seasons', /must be a list \[\.\.\.\], got an object/],
    [
      'a session time is 1e21 minutes',
      (j) => (j.seasons[0].events[4].sessions.race.time = 1e21),
      'seasons[0].events[4].sessions.race.time',
      /^must be at most 65535, got 1e\+21$/,
    ],
    [
      'a race has 70000 laps',
      (j) => (j.seasons[0].events[4].sessions.race.laps = 70_000),
      'seasons[0].events[4].sessions.race.laps',
      /^must be at most 65535, got 70000$/,
    ],
    [
      'a wait time is 1e21 seconds',
      (j) => (j.seasons[0].events[4].sessions.race.waitTime = 1e21),
      'seasons[0].events[4].sessions.race.waitTime',
      /^must be at most 65535, got 1e\+21$/,
    ],
    ['bestOf is 1e21', (j) => (j.seasons[0].bestOf = 1e21), 'seasons[0].bestOf', /^must be at most 1000, got 1e\+21$/],
    ['defaultSlots is 1e21', (j) => (j.defaultSlots = 1e21), 'defaultSlots', /^must be at most 100, got 1e\+21$/],
    [
      'points are 1e21',
      (j) => (j.seasons[1].pointsTable[0] = 1e21),
      'seasons[1].pointsTable[0]',
      /^must be at most 100000, got 1e\+21$/,
    ],
    [
      'participation points are 1e21',
      (j) => (j.seasons[0].participationPoints = 1e21),
      'seasons[0].participationPoints',
      /^must be at most 100000/,
    ],
    [
      'the fastest-lap bonus is 1e21',
      (j) => (j.seasons[0].fastestLapBonus = 1e21),
      'seasons[0].fastestLapBonus',
      /^must be at most 100000/,
    ],
  ])('when %s, then the problem is reported at its path', (_what, edit, at, message) => {
    const err = errorOf(edited(edit));
    const problem = err.problems.find((p) => p.path === at);
    expect(problem).toBeDefined();
    expect(problem!.message).toMatch(message);
    expect(err.message).toContain(`${SOURCE}: ${at}: ${problem!.message}`);
  });

  test('when a season id is reused by another season, then events with the same local id are still fine', () => {
    // season1#event1 and season2#event1 coexist in the example: ids are unique per season.
    const ids = parseSeasonConfig(EXAMPLE, SOURCE).seasons.flatMap((s) => s.events.map((e) => e.localId));
    expect(ids.filter((id) => id === 'event1')).toHaveLength(2);
  });

  test('when there are several problems, then every one is listed, one per line', () => {
    const err = errorOf(
      edited((j) => {
        j.timeZone = 'Nowhere';
        j.seasons[0].events[0].start = 'tomorrow';
        j.seasons[0].events[1].cars[0].slots = -1;
        j.seasons[1].events[1].id = 'event1';
      }),
    );
    expect(err.problems.map((p) => p.path).sort()).toEqual(
      [
        'timeZone',
        'seasons[0].events[0].start',
        'seasons[0].events[1].cars[0].slots',
        'seasons[1].events[1].id',
      ].sort(),
    );
    expect(err.message.split('\n')).toHaveLength(4);
    expect(err.message.split('\n').every((line) => line.startsWith(`${SOURCE}: `))).toBe(true);
  });

  test('when a comma is missing, then the message gives the line and column of the mistake', () => {
    const text = EXAMPLE.replace('"track": "spa",', '"track": "spa"');
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('"bmw_m3_e30", "skins"')) + 1;
    const column = lines[line - 1]!.indexOf('"cars"') + 1;
    const err = errorOf(text);
    expect(err.problems).toHaveLength(1);
    expect(err.message).toMatch(
      new RegExp(`^seasonConfig\\.json: is not valid JSON: .* at line ${line}, column ${column}$`),
    );
  });

  test('when a literal is misspelt, then the position is found although V8 may not state it', () => {
    const text = EXAMPLE.replace('"start": "2026-03-23T19:00"', '"start": tru');
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('"start": tru')) + 1;
    const column = lines[line - 1]!.length + 1; // the newline after "tru" is the unexpected token
    expect(errorOf(text).message).toMatch(new RegExp(`at line ${line}, column ${column}$`));
  });

  test('when the file is empty or not an object, then it says so', () => {
    expect(errorOf('').message).toBe(
      'seasonConfig.json: is empty: it must hold a JSON object (see examples/seasonConfig.json)',
    );
    expect(errorOf('[]').message).toBe('seasonConfig.json: must be an object {...}, got a list');
    expect(errorOf('{}').message).toBe('seasonConfig.json: seasons: is required');
  });
});
