import { computeStandings } from '../../../src/domain/standings/computeStandings';
import type { SeasonStandings } from '../../../src/domain/standings/types';
import type { Lap } from '../../../src/domain/types';
import { byEvent, lap, season } from './factory';
import { present } from '../../support/present';

const EVENTS = ['s1#event1', 's1#event2', 's1#event3', 's1#event4'];
const TABLE = [10, 6, 3];

/** Laps that put each driver at the given position (null = absent) in each event. */
function lapsFor(positions: Record<string, Array<number | null>>) {
  const laps: Lap[] = [];
  for (const [guid, perEvent] of Object.entries(positions)) {
    perEvent.forEach((pos, i) => {
      if (pos !== null) laps.push(lap({ event: present(EVENTS[i], `event ${i + 1}`), guid, ms: 90_000 + pos * 100 }));
    });
  }
  // Fillers take every place nobody above holds, so the positions are exact.
  EVENTS.forEach((event, i) => {
    for (let pos = 1; pos <= 3; pos++) {
      const taken = Object.values(positions).some((p) => p[i] === pos);
      if (!taken) laps.push(lap({ event, guid: `filler${i}-${pos}`, ms: 90_000 + pos * 100 }));
    }
  });
  return byEvent(laps);
}

function row(s: SeasonStandings, guid: string) {
  const found = s.rows.find((r) => r.driverGuid === guid);
  if (found === undefined) throw new Error(`no row for ${guid}`);
  return found;
}

describe('computeStandings: drop rounds (bestOf)', () => {
  it('when a driver has more results than bestOf, then only the best N count and the rest are flagged dropped', () => {
    const s = computeStandings(season(EVENTS, { pointsTable: TABLE, bestOf: 2 }), lapsFor({ a: [1, 2, 3, 2] }), []);
    const a = row(s, 'a');
    expect(a.results.map((r) => r.points)).toEqual([10, 6, 3, 6]);
    // 6 in event 2 and event 4 tie: the later one (event 4) is dropped.
    expect(a.results.map((r) => r.dropped)).toEqual([false, false, true, true]);
    expect(a.total).toBe(16);
  });

  it('when dropped scores tie, then the later event is the one dropped', () => {
    const s = computeStandings(season(EVENTS, { pointsTable: TABLE, bestOf: 3 }), lapsFor({ a: [2, 2, 2, 2] }), []);
    expect(row(s, 'a').results.map((r) => r.dropped)).toEqual([false, false, false, true]);
    expect(row(s, 'a').total).toBe(18);
  });

  it('when a driver entered no more than bestOf events, then nothing is dropped and missed events are not "dropped"', () => {
    const s = computeStandings(
      season(EVENTS, { pointsTable: TABLE, bestOf: 2 }),
      lapsFor({ a: [3, null, 1, null] }),
      [],
    );
    const a = row(s, 'a');
    expect(a.results.map((r) => [r.position, r.dropped])).toEqual([
      [3, false],
      [null, false],
      [1, false],
      [null, false],
    ]);
    expect(a.total).toBe(13);
  });

  it('when bestOf is null, then every result counts', () => {
    const s = computeStandings(season(EVENTS, { pointsTable: TABLE, bestOf: null }), lapsFor({ a: [1, 2, 3, 2] }), []);
    expect(row(s, 'a').results.every((r) => !r.dropped)).toBe(true);
    expect(row(s, 'a').total).toBe(25);
  });

  it('when drops apply, then the order follows counted points, not the raw sum', () => {
    // c: 6+6+6 raw 18, counted 12; d: 10+3 raw 13, counted 13.
    const positions = { c: [2, 2, 2, null], d: [1, null, null, 3] };
    const s = computeStandings(season(EVENTS, { pointsTable: TABLE, bestOf: 2 }), lapsFor(positions), []);
    expect(row(s, 'd').total).toBe(13);
    expect(row(s, 'c').total).toBe(12);
    expect(row(s, 'd').rank).toBeLessThan(row(s, 'c').rank);
  });

  it('when a result is dropped, then its win and podium still count for the tie-break', () => {
    const s = computeStandings(
      season(EVENTS, { pointsTable: TABLE, bestOf: 1 }),
      lapsFor({ a: [1, 1, null, null] }),
      [],
    );
    const a = row(s, 'a');
    expect(a.results.map((r) => r.dropped)).toEqual([false, true, false, false]);
    expect(a.tieBreak).toMatchObject({ wins: 2, podiums: 2 });
    expect(a.eventsEntered).toBe(2);
  });
});
