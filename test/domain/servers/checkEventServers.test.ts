import { parseSeasonConfig, SeasonConfigError } from '../../../src/domain/season/seasonSchema';

const SOURCE = 'seasonConfig.json';
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const event = (id: string, start: string, more: Json = {}) => ({
  id,
  name: `Event ${id}`,
  track: 'monza',
  cars: ['ks_mazda_mx5_cup'],
  start,
  ...more,
});
const file = (events: Json[], season: Json = {}) =>
  JSON.stringify({ seasons: [{ id: 's1', name: 'Season 1', ...season, events }] });

function problemsOf(text: string, ids?: string[]): string[] {
  try {
    parseSeasonConfig(text, SOURCE, ids ? { ids } : undefined);
  } catch (e) {
    if (e instanceof SeasonConfigError) return e.problems.map((p) => `${p.path}: ${p.message}`);
    throw e;
  }
  return [];
}

describe('which servers host an event', () => {
  test('when an event lists servers, then it keeps them; else it takes its season default, else none is set', () => {
    const config = parseSeasonConfig(
      JSON.stringify({
        seasons: [
          {
            id: 's1',
            name: 'S1',
            servers: ['eu'],
            events: [event('e1', '2026-01-05T20:00'), event('e2', '2026-01-12T20:00', { servers: ['eu', 'na'] })],
          },
          { id: 's2', name: 'S2', events: [event('e1', '2026-02-05T20:00')] },
        ],
      }),
      SOURCE,
      { ids: ['eu', 'na'] },
    );
    const events = config.seasons.flatMap((s) => s.events);
    expect(events.map((e) => e.servers)).toEqual([['eu'], ['eu', 'na'], undefined]);
  });

  test('when an event names a server servers.json does not declare, then the problem names the event and the server', () => {
    expect(problemsOf(file([event('e1', '2026-01-05T20:00', { servers: ['eu', 'asia'] })]), ['eu', 'na'])).toEqual([
      'seasons[0].events[0].servers: "asia" is not a server declared in servers.json (declared: eu, na)',
    ]);
  });

  test('when there is no servers.json and an event names a server, then only "default" is accepted', () => {
    expect(problemsOf(file([event('e1', '2026-01-05T20:00', { servers: ['default'] })]))).toEqual([]);
    expect(problemsOf(file([event('e1', '2026-01-05T20:00', { servers: ['eu'] })]))[0]).toMatch(
      /^seasons\[0]\.events\[0]\.servers: "eu" is not a server: without servers.json the only server is "default"/,
    );
  });

  test('when two events start at the same time on one server, then the second is refused, naming both', () => {
    const text = file([
      event('e1', '2026-01-05T20:00', { servers: ['eu'] }),
      event('e2', '2026-01-05T20:00', { servers: ['na', 'eu'] }),
    ]);
    expect(problemsOf(text, ['eu', 'na'])).toEqual([
      'seasons[0].events[1].start: starts at the same time as seasons[0].events[0] (s1#e1) on server "eu": one server runs one event at a time; move a start or put one event on another server',
    ]);
  });

  test('when two events start at the same time on two servers, then both are fine', () => {
    const text = file([
      event('gt3', '2026-01-05T20:00', { servers: ['a'] }),
      event('mx5', '2026-01-05T20:00', { servers: ['b'] }),
    ]);
    expect(problemsOf(text, ['a', 'b'])).toEqual([]);
  });

  test('when events name no server, then they run on the first declared server and its clashes are found', () => {
    const text = file([event('e1', '2026-01-05T20:00'), event('e2', '2026-01-05T20:00')]);
    expect(problemsOf(text, ['a', 'b'])).toHaveLength(1);
    expect(problemsOf(text)).toEqual([]); // env-only setup: equal starts keep the old rule
  });

  test('when a server is listed twice, then the list is refused', () => {
    expect(problemsOf(file([event('e1', '2026-01-05T20:00', { servers: ['a', 'a'] })]), ['a'])).toEqual([
      'seasons[0].events[0].servers: lists a server twice',
    ]);
  });
});
