import { computeStandings } from '../../../src/domain/standings/computeStandings';
import type { SeasonStandings } from '../../../src/domain/standings/types';
import { byEvent, lap, season } from './factory';

const E1 = 's1#event1';
const E2 = 's1#event2';
const E3 = 's1#event3';

function summary(s: SeasonStandings) {
  return s.rows.map((r) => ({ guid: r.driverGuid, rank: r.rank, total: r.total, decidedBy: r.tieBreak.decidedBy }));
}

describe('computeStandings: tie-breaks, one level at a time', () => {
  it('when points tie, then the lower average percentage of the fastest lap is ahead', () => {
    const laps = [
      lap({ event: E1, guid: 'a', ms: 100_000 }),
      lap({ event: E1, guid: 'b', ms: 100_100 }), // 100.1 %
      lap({ event: E2, guid: 'b', ms: 100_000 }),
      lap({ event: E2, guid: 'a', ms: 102_000 }), // 102 %
    ];
    const s = computeStandings(season([E1, E2], { pointsTable: [10, 5] }), byEvent(laps), []);
    expect(summary(s)).toEqual([
      { guid: 'b', rank: 1, total: 15, decidedBy: 'averagePercent' },
      { guid: 'a', rank: 2, total: 15, decidedBy: 'averagePercent' },
    ]);
    expect(s.rows[0]?.tieBreak.averagePercent).toBeCloseTo(100.05, 4);
    expect(s.rows[1]?.tieBreak.averagePercent).toBeCloseTo(101, 4);
  });

  it('when points and average tie, then more wins is ahead', () => {
    const laps = [
      // a: P1 (100 %) + P3 (102 %) = 10 pts; b: P2 (101 %) + P2 (101 %) = 10 pts
      // a is named to sort after b, so only the wins rule can put a first.
      lap({ event: E1, guid: 'a', name: 'Zed', ms: 100_000 }),
      lap({ event: E1, guid: 'b', ms: 101_000 }),
      lap({ event: E2, guid: 'c', ms: 100_000 }),
      lap({ event: E2, guid: 'b', ms: 101_000 }),
      lap({ event: E2, guid: 'a', name: 'Zed', ms: 102_000 }),
      lap({ event: E3, guid: 'c', ms: 100_000 }),
    ];
    const s = computeStandings(season([E1, E2, E3], { pointsTable: [10, 5] }), byEvent(laps), []);
    expect(summary(s)).toEqual([
      { guid: 'c', rank: 1, total: 20, decidedBy: 'points' },
      { guid: 'a', rank: 2, total: 10, decidedBy: 'wins' },
      { guid: 'b', rank: 3, total: 10, decidedBy: 'wins' },
    ]);
    expect(s.rows[1]?.tieBreak.averagePercent).toBeCloseTo(s.rows[2]?.tieBreak.averagePercent ?? NaN, 9);
    expect(s.rows[1]?.tieBreak.wins).toBe(1);
    expect(s.rows[2]?.tieBreak.wins).toBe(0);
  });

  it('when points, average and wins tie, then more podiums is ahead', () => {
    const laps = [
      // a: P2 (101 %) + P4 (102.5 %) = 7 + 1; b: P3 (102 %) + P3 (101.5 %) = 4 + 4
      lap({ event: E1, guid: 'w', ms: 100_000 }),
      lap({ event: E1, guid: 'a', ms: 101_000 }),
      lap({ event: E1, guid: 'b', ms: 102_000 }),
      lap({ event: E2, guid: 'w', ms: 100_000 }),
      lap({ event: E2, guid: 'y', ms: 100_500 }),
      lap({ event: E2, guid: 'b', ms: 101_500 }),
      lap({ event: E2, guid: 'a', ms: 102_500 }),
    ];
    const s = computeStandings(season([E1, E2], { pointsTable: [10, 7, 4, 1] }), byEvent(laps), []);
    expect(summary(s)).toEqual([
      { guid: 'w', rank: 1, total: 20, decidedBy: 'points' },
      { guid: 'b', rank: 2, total: 8, decidedBy: 'podiums' },
      { guid: 'a', rank: 3, total: 8, decidedBy: 'podiums' },
      { guid: 'y', rank: 4, total: 7, decidedBy: 'points' },
    ]);
    expect(s.rows[1]?.tieBreak).toMatchObject({ wins: 0, podiums: 2 });
    expect(s.rows[2]?.tieBreak).toMatchObject({ wins: 0, podiums: 1 });
  });

  it('when two averages differ only by floating-point noise, then they count as equal and the next rule decides', () => {
    // a: 90001 + 90003, b: 90002 + 90002 over a 90000 winner: the same mean, off in the last bit.
    const laps = [
      lap({ event: E1, guid: 'w', ms: 90_000, at: '2024-01-01T09:00:00Z' }),
      lap({ event: E1, guid: 'a', ms: 90_001, at: '2024-01-01T10:00:00Z' }),
      lap({ event: E1, guid: 'b', ms: 90_002, at: '2024-01-01T11:00:00Z' }),
      lap({ event: E2, guid: 'w', ms: 90_000, at: '2024-01-08T09:00:00Z' }),
      lap({ event: E2, guid: 'b', ms: 90_002, at: '2024-01-08T10:00:00Z' }),
      lap({ event: E2, guid: 'a', ms: 90_003, at: '2024-01-08T11:00:00Z' }),
    ];
    const s = computeStandings(season([E1, E2], { pointsTable: [10, 6, 4] }), byEvent(laps), []);
    expect(summary(s).slice(1)).toEqual([
      { guid: 'a', rank: 2, total: 10, decidedBy: 'firstSet' },
      { guid: 'b', rank: 3, total: 10, decidedBy: 'firstSet' },
    ]);
  });

  // Mirror-image results: equal points, average, wins and podiums.
  function mirror(aFirstSet: string, bFirstSet: string) {
    return [
      lap({ event: E1, guid: 'a', name: 'Zed', ms: 100_000, at: aFirstSet }),
      lap({ event: E1, guid: 'b', name: 'Amy', ms: 101_000, at: bFirstSet }),
      // In event 2 b's best lap is older than a's: the rule looks at the earliest, not the latest.
      lap({ event: E2, guid: 'b', name: 'Amy', ms: 100_000, at: '2024-01-08T09:00:00Z' }),
      lap({ event: E2, guid: 'a', name: 'Zed', ms: 101_000, at: '2024-01-08T10:00:00Z' }),
      lap({ event: E2, guid: 'c', name: 'Cat', ms: 103_000, at: '2024-01-08T10:00:00Z' }),
    ];
  }

  it('when everything else ties, then the driver whose earliest best lap was set first is ahead', () => {
    const laps = mirror('2024-01-01T10:00:00Z', '2024-01-01T11:00:00Z');
    const s = computeStandings(season([E1, E2], { pointsTable: [10, 5] }), byEvent(laps), []);
    expect(summary(s)).toEqual([
      { guid: 'a', rank: 1, total: 15, decidedBy: 'firstSet' },
      { guid: 'b', rank: 2, total: 15, decidedBy: 'firstSet' },
      { guid: 'c', rank: 3, total: 0, decidedBy: 'points' },
    ]);
    expect(s.rows[0]?.tieBreak.firstSetAt).toBe('2024-01-01T10:00:00Z');
    expect(s.rows[1]?.tieBreak.firstSetAt).toBe('2024-01-01T11:00:00Z');
  });

  it('when instants are written with different offsets, then the earlier instant still wins', () => {
    // 11:30+02:00 is 09:30Z, earlier than 10:00Z although it sorts later as text.
    const laps = mirror('2024-01-01T10:00:00Z', '2024-01-01T11:30:00+02:00');
    const s = computeStandings(season([E1, E2], { pointsTable: [10, 5] }), byEvent(laps), []);
    expect(s.rows.map((r) => r.driverGuid)).toEqual(['b', 'a', 'c']);
  });

  it('when drivers are equal on every rule, then they share the rank, listed by name, and the next rank skips', () => {
    const laps = mirror('2024-01-01T10:00:00Z', '2024-01-01T10:00:00Z');
    const s = computeStandings(season([E1, E2], { pointsTable: [10, 5] }), byEvent(laps), []);
    expect(s.rows.map((r) => [r.driver, r.rank, r.tieBreak.decidedBy])).toEqual([
      ['Amy', 1, 'tied'],
      ['Zed', 1, 'tied'],
      ['Cat', 3, 'points'],
    ]);
  });
});
