import { computeStandings } from '../../../src/domain/standings/computeStandings';
import type { SeasonStandings } from '../../../src/domain/standings/types';
import { KICKED_GUID } from '../../../src/domain/types';
import { byEvent, lap, season } from './factory';

const E1 = 's1#event1';
const E2 = 's1#event2';
const E3 = 's1#event3';

function row(s: SeasonStandings, guid: string) {
  const found = s.rows.find((r) => r.driverGuid === guid);
  if (found === undefined) throw new Error(`no row for ${guid}`);
  return found;
}

describe('computeStandings: points', () => {
  it('when the table is longer than ten places, then every place gets its own points and places beyond it get 0', () => {
    const table = [30, 26, 22, 19, 17, 15, 13, 11, 9, 7, 5, 3];
    const laps = Array.from({ length: 14 }, (_, i) => lap({ event: E1, guid: `g${i + 1}`, ms: 90_000 + i * 100 }));
    const s = computeStandings(season([E1], { pointsTable: table }), byEvent(laps), []);

    for (let i = 0; i < 14; i++) {
      const r = row(s, `g${i + 1}`);
      expect(r.results[0]?.position).toBe(i + 1);
      expect(r.results[0]?.points).toBe(table[i] ?? 0);
      expect(r.total).toBe(table[i] ?? 0);
    }
    expect(row(s, 'g13').total).toBe(0);
    expect(row(s, 'g14').rank).toBe(14);
  });

  it('when participation points are set, then every classified driver gets them on top of the table, and beyond it', () => {
    const laps = [
      lap({ event: E1, guid: 'a', ms: 90_000 }),
      lap({ event: E1, guid: 'b', ms: 91_000 }),
      lap({ event: E1, guid: 'c', ms: 92_000 }),
    ];
    const s = computeStandings(season([E1], { pointsTable: [10, 5], participationPoints: 2 }), byEvent(laps), []);
    expect(s.rows.map((r) => [r.driverGuid, r.total])).toEqual([
      ['a', 12],
      ['b', 7],
      ['c', 2],
    ]);
  });

  it('when a fastest-lap bonus is set, then only the fastest driver of each event gets it', () => {
    const laps = [
      lap({ event: E1, guid: 'a', ms: 90_000 }),
      lap({ event: E1, guid: 'b', ms: 91_000 }),
      lap({ event: E2, guid: 'b', ms: 80_000 }),
      lap({ event: E2, guid: 'a', ms: 80_500 }),
    ];
    const s = computeStandings(season([E1, E2], { pointsTable: [10, 6], fastestLapBonus: 3 }), byEvent(laps), []);
    expect(row(s, 'a').results.map((r) => r.points)).toEqual([13, 6]);
    expect(row(s, 'b').results.map((r) => r.points)).toEqual([6, 13]);
  });
});

describe('computeStandings: which laps and events count', () => {
  it('when a season has a preseason event, then it is not listed, scores nothing and its laps are not counted', () => {
    const pre = 's1#preseason1';
    const laps = [
      lap({ event: pre, guid: 'only-pre', ms: 70_000 }),
      lap({ event: pre, guid: 'a', ms: 70_500 }),
      lap({ event: E1, guid: 'a', ms: 90_000 }),
    ];
    const s = computeStandings(season([{ id: pre, preseason: true }, E1]), byEvent(laps), []);
    expect(s.events.map((e) => e.eventId)).toEqual([E1]);
    expect(s.rows.map((r) => r.driverGuid)).toEqual(['a']);
    expect(row(s, 'a').results).toHaveLength(1);
    expect(row(s, 'a').total).toBe(25);
    expect(s.generatedFrom.lapCount).toBe(1);
  });

  it('when a driver has invalid laps, then only valid laps classify them, and all laps are counted as read', () => {
    const laps = [
      lap({ event: E1, guid: 'a', ms: 85_000, valid: false }),
      lap({ event: E1, guid: 'a', ms: 92_000 }),
      lap({ event: E1, guid: 'b', ms: 91_000 }),
      lap({ event: E1, guid: 'cutter', ms: 80_000, valid: false }),
    ];
    const s = computeStandings(season([E1]), byEvent(laps), []);
    expect(s.rows.map((r) => r.driverGuid)).toEqual(['b', 'a']);
    expect(row(s, 'a').results[0]?.lapTimeMs).toBe(92_000);
    expect(s.events[0]).toEqual({ eventId: E1, name: 'Round event1', fastestLapMs: 91_000, driverCount: 2 });
    expect(s.generatedFrom.lapCount).toBe(4);
  });

  it('when laps carry no identity (empty or kicked GUID), then they classify nobody', () => {
    const laps = [
      lap({ event: E1, guid: '', ms: 80_000 }),
      lap({ event: E1, guid: KICKED_GUID, ms: 81_000 }),
      lap({ event: E1, guid: 'a', ms: 90_000 }),
    ];
    const s = computeStandings(season([E1]), byEvent(laps), []);
    expect(s.rows.map((r) => r.driverGuid)).toEqual(['a']);
    expect(s.events[0]?.fastestLapMs).toBe(90_000);
  });

  it('when two best laps have the same time, then the one recorded first, then the lower lap timestamp, is ahead', () => {
    const laps = [
      lap({ event: E1, guid: 'late', ms: 90_000, at: '2024-01-02T10:00:00Z', ts: 1 }),
      lap({ event: E1, guid: 'early', ms: 90_000, at: '2024-01-01T10:00:00Z', ts: 9 }),
      lap({ event: E2, guid: 'late', ms: 90_000, at: '2024-01-03T10:00:00Z', ts: 500 }),
      lap({ event: E2, guid: 'early', ms: 90_000, at: '2024-01-03T10:00:00Z', ts: 200 }),
    ];
    const s = computeStandings(season([E1, E2]), byEvent(laps), []);
    expect(row(s, 'early').results.map((r) => r.position)).toEqual([1, 1]);
    expect(row(s, 'late').results.map((r) => r.position)).toEqual([2, 2]);
  });

  it('when an event has no laps, then it is listed with no fastest lap and nobody has a result there', () => {
    const laps = [lap({ event: E1, guid: 'a', ms: 90_000 }), lap({ event: E3, guid: 'a', ms: 95_000 })];
    const s = computeStandings(season([E1, E2, E3]), byEvent(laps), []);
    expect(s.events[1]).toEqual({ eventId: E2, name: 'Round event2', fastestLapMs: null, driverCount: 0 });
    expect(row(s, 'a').results[1]).toEqual({ eventId: E2, position: null, points: 0, lapTimeMs: null, dropped: false });
    expect(row(s, 'a').eventsEntered).toBe(2);
  });

  it('when nobody has a valid lap, then there are no rows', () => {
    const s = computeStandings(season([E1, E2]), new Map(), []);
    expect(s.rows).toEqual([]);
    expect(s.events.map((e) => e.driverCount)).toEqual([0, 0]);
    expect(s).toMatchObject({ seasonId: 's1', seasonName: 'Season 1', bestOf: null, generatedFrom: { lapCount: 0 } });
  });
});

describe('computeStandings: drivers who missed events', () => {
  it('when a driver missed an event, then that result is empty and their average is over attended events only', () => {
    const laps = [
      lap({ event: E1, guid: 'a', ms: 100_000 }),
      lap({ event: E1, guid: 'b', ms: 102_000 }),
      lap({ event: E2, guid: 'b', ms: 60_000 }),
      lap({ event: E3, guid: 'a', ms: 81_000 }),
      lap({ event: E3, guid: 'b', ms: 80_000 }),
    ];
    const s = computeStandings(season([E1, E2, E3]), byEvent(laps), []);
    const a = row(s, 'a');
    expect(a.results.map((r) => r.position)).toEqual([1, null, 2]);
    expect(a.results.map((r) => r.lapTimeMs)).toEqual([100_000, null, 81_000]);
    expect(a.eventsEntered).toBe(2);
    expect(a.averagePercent).toBeCloseTo((100 + 101.25) / 2, 4);
    expect(row(s, 'b').averagePercent).toBeCloseTo((102 + 100 + 100) / 3, 4);
    expect(row(s, 'b').eventsEntered).toBe(3);
  });
});

describe('computeStandings: aliases and identity', () => {
  it('when a driver changes name between events, then the GUID keeps one row under the latest name', () => {
    const laps = [
      lap({ event: E1, guid: 'g1', name: 'Robby', ms: 90_000, at: '2024-01-01T10:00:00Z' }),
      lap({ event: E2, guid: 'g1', name: 'Rob M', ms: 90_000, at: '2024-01-08T10:00:00Z' }),
    ];
    const s = computeStandings(season([E1, E2]), byEvent(laps), []);
    expect(s.rows).toHaveLength(1);
    expect(s.rows[0]).toMatchObject({ driverGuid: 'g1', driver: 'Rob M', alias: null, total: 50 });
  });

  it('when an alias is keyed by GUID, then it names the driver even over an alias of their lap name', () => {
    const laps = [lap({ event: E1, guid: 'g1', name: 'rob_m', ms: 90_000 })];
    const aliases = [
      { key: 'rob_m', name: 'By Name' },
      { key: 'g1', name: 'Rob Macaroni' },
    ];
    const s = computeStandings(season([E1]), byEvent(laps), aliases);
    expect(s.rows[0]).toMatchObject({ driver: 'Rob Macaroni', alias: 'Rob Macaroni' });
  });

  it('when an alias is keyed by the lap name, then it names the driver', () => {
    const laps = [lap({ event: E1, guid: 'g1', name: 'rob_m', ms: 90_000 })];
    const s = computeStandings(season([E1]), byEvent(laps), [{ key: 'rob_m', name: 'Rob Macaroni' }]);
    expect(s.rows[0]).toMatchObject({ driverGuid: 'g1', driver: 'Rob Macaroni', alias: 'Rob Macaroni' });
  });

  it('when two GUIDs share a name, then they stay two drivers', () => {
    const laps = [
      lap({ event: E1, guid: 'g1', name: 'Sam', ms: 90_000 }),
      lap({ event: E1, guid: 'g2', name: 'Sam', ms: 91_000 }),
    ];
    const s = computeStandings(season([E1]), byEvent(laps), [{ key: 'Sam', name: 'Samantha' }]);
    expect(s.rows.map((r) => [r.driverGuid, r.driver, r.total])).toEqual([
      ['g1', 'Samantha', 25],
      ['g2', 'Samantha', 18],
    ]);
  });
});
