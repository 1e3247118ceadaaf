import { readFileSync } from 'fs';
import path from 'path';
import { activeEvent, allEvents, eventWindow, findEvent, nextEvent } from '../../../src/domain/season/resolveEvent';
import { parseSeasonConfig } from '../../../src/domain/season/seasonSchema';

const EXAMPLE = parseSeasonConfig(
  readFileSync(path.resolve(__dirname, '../../../examples/seasonConfig.json'), 'utf8'),
  'seasonConfig.json',
);
const at = (iso: string) => new Date(iso);
const idOf = (e: { id: string } | null | undefined) => e?.id ?? null;
const startOf = (id: string) => findEvent(EXAMPLE, id)!.start;
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms);

function config(
  seasons: Array<{ id: string; timeZone?: string; events: Array<{ id: string; start: string; timeZone?: string }> }>,
) {
  return parseSeasonConfig(
    JSON.stringify({
      timeZone: 'Europe/London',
      seasons: seasons.map((s) => ({
        ...s,
        name: s.id,
        events: s.events.map((e) => ({ name: e.id, track: 'monza', cars: ['bmw_m3_e30'], ...e })),
      })),
    }),
    'test.json',
  );
}

describe('resolveEvent', () => {
  test('when listing all events, then they come in start order across seasons', () => {
    const starts = allEvents(EXAMPLE).map((e) => Date.parse(e.start));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(allEvents(EXAMPLE)).toHaveLength(EXAMPLE.seasons.reduce((n, s) => n + s.events.length, 0));
    const reversed = { ...EXAMPLE, seasons: [...EXAMPLE.seasons].reverse() };
    expect(allEvents(reversed).map((e) => e.id)).toEqual(allEvents(EXAMPLE).map((e) => e.id));
  });

  test('when before the first event, then nothing is active and the first event is next', () => {
    const first = allEvents(EXAMPLE)[0]!;
    expect(first.id).toBe('season1#preseason1');
    expect(activeEvent(EXAMPLE, plus(first.start, -1))).toBeNull();
    expect(idOf(nextEvent(EXAMPLE, plus(first.start, -1)))).toBe(first.id);
    expect(idOf(nextEvent(EXAMPLE, at('2020-01-01T00:00:00Z')))).toBe(first.id);
  });

  test('when exactly at an event start, then that event is active and the one after is next', () => {
    const start = startOf('season1#event2');
    expect(idOf(activeEvent(EXAMPLE, at(start)))).toBe('season1#event2');
    expect(idOf(activeEvent(EXAMPLE, plus(start, -1)))).toBe('season1#event1');
    expect(idOf(nextEvent(EXAMPLE, at(start)))).toBe('season1#event3');
    expect(idOf(nextEvent(EXAMPLE, plus(start, -1)))).toBe('season1#event2');
  });

  test('when after the last event started, then it stays active and nothing is next', () => {
    const last = startOf('season2#event2');
    expect(idOf(activeEvent(EXAMPLE, at(last)))).toBe('season2#event2');
    expect(idOf(activeEvent(EXAMPLE, at('2030-01-01T00:00:00Z')))).toBe('season2#event2');
    expect(nextEvent(EXAMPLE, at(last))).toBeNull();
  });

  test('when the season boundary passes, then the next season takes over', () => {
    const s2 = startOf('season2#event1');
    expect(idOf(activeEvent(EXAMPLE, plus(s2, -1)))).toBe('season1#event4');
    expect(idOf(activeEvent(EXAMPLE, at(s2)))).toBe('season2#event1');
  });

  test('when two events start at the same time, then the one listed last wins', () => {
    const c = config([
      {
        id: 's1',
        events: [
          { id: 'a', start: '2026-01-05T20:00' },
          { id: 'b', start: '2026-01-12T20:00' },
          { id: 'c', start: '2026-01-12T20:00' },
        ],
      },
      {
        id: 's2',
        events: [
          { id: 'd', start: '2026-01-12T20:00Z' },
          { id: 'e', start: '2026-01-19T20:00' },
        ],
      },
    ]);
    expect(allEvents(c).map((e) => e.id)).toEqual(['s1#a', 's1#b', 's1#c', 's2#d', 's2#e']);
    expect(idOf(activeEvent(c, at('2026-01-12T20:00:00Z')))).toBe('s2#d');
    expect(idOf(activeEvent(c, at('2026-01-15T00:00:00Z')))).toBe('s2#d');
    expect(idOf(nextEvent(c, at('2026-01-10T00:00:00Z')))).toBe('s2#d');
    const shadowed = eventWindow(c, findEvent(c, 's1#b')!);
    expect(shadowed.end!.getTime()).toBe(shadowed.start.getTime());
    expect(eventWindow(c, findEvent(c, 's2#d')!).end!.toISOString()).toBe('2026-01-19T20:00:00.000Z');
  });

  test('when events are written in different zones, then they are ordered by the real instant', () => {
    const c = config([
      {
        id: 's1',
        events: [
          { id: 'london', start: '2026-05-01T20:00' }, // 19:00Z (BST)
          { id: 'newyork', start: '2026-05-01T14:30', timeZone: 'America/New_York' }, // 18:30Z
          { id: 'sydney', start: '2026-05-02T05:15', timeZone: 'Australia/Sydney' }, // 19:15Z
        ],
      },
    ]);
    expect(allEvents(c).map((e) => e.localId)).toEqual(['newyork', 'london', 'sydney']);
    expect(idOf(activeEvent(c, at('2026-05-01T18:45:00Z')))).toBe('s1#newyork');
    expect(idOf(activeEvent(c, at('2026-05-01T19:05:00Z')))).toBe('s1#london');
    expect(idOf(activeEvent(c, at('2026-05-01T19:15:00Z')))).toBe('s1#sydney');
    expect(idOf(nextEvent(c, at('2026-05-01T18:45:00Z')))).toBe('s1#london');
  });

  test('when asking for an event window, then it ends where the next event starts', () => {
    const w = eventWindow(EXAMPLE, findEvent(EXAMPLE, 'season1#event3')!);
    expect(w.start.toISOString()).toBe(startOf('season1#event3'));
    expect(w.end!.toISOString()).toBe(startOf('season1#event4'));
    expect(eventWindow(EXAMPLE, findEvent(EXAMPLE, 'season2#event2')!).end).toBeNull();
    const missing = { ...findEvent(EXAMPLE, 'season1#event3')!, id: 'season9#event1' };
    expect(() => eventWindow(EXAMPLE, missing)).toThrow('season9#event1');
  });

  test('when finding by id, then the full id picks the season', () => {
    expect(findEvent(EXAMPLE, 'season2#event1')!.track).toBe('ks_red_bull_ring');
    expect(findEvent(EXAMPLE, 'season1#event1')!.seasonId).toBe('season1');
    expect(findEvent(EXAMPLE, 'event1')).toBeUndefined();
    expect(findEvent(EXAMPLE, 'unattributed')).toBeUndefined();
  });

  test('when there are no events, then nothing is active or next', () => {
    const empty = parseSeasonConfig('{"seasons": []}', 'x.json');
    expect(activeEvent(empty, at('2026-01-01T00:00:00Z'))).toBeNull();
    expect(nextEvent(empty, at('2026-01-01T00:00:00Z'))).toBeNull();
    expect(allEvents(empty)).toEqual([]);
  });
});
