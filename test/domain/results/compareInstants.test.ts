import { compareInstants } from '../../../src/domain/results/compareInstants';
import { isLater, lapOrder } from '../../../src/domain/results/lapOrder';
import { computeStandings } from '../../../src/domain/standings/computeStandings';
import { rankLaps } from '../../../src/domain/leaderboard/rankLaps';
import { A, EVENT, lap } from '../stewarding/lapFactory';

const sign = (n: number) => Math.sign(n);

describe('compareInstants', () => {
  it('when both are toISOString values, then they order by time', () => {
    expect(sign(compareInstants('2026-01-01T10:00:00.000Z', '2026-01-01T10:00:00.001Z'))).toBe(-1);
    expect(sign(compareInstants('2026-01-02T00:00:00.000Z', '2026-01-01T23:59:59.999Z'))).toBe(1);
  });

  it('when the same instant is written with another offset or precision, then they are equal', () => {
    expect(compareInstants('2026-01-01T10:00:00.000Z', '2026-01-01T12:00:00+02:00')).toBe(0);
    expect(compareInstants('2026-01-01T10:00:00Z', '2026-01-01T10:00:00.000Z')).toBe(0);
  });

  it('when offsets differ, then the instant decides, not the text', () => {
    // As text, "09:30+00:00" sorts before "10:00+02:00"; as instants it is later.
    expect(sign(compareInstants('2026-01-01T09:30:00+00:00', '2026-01-01T10:00:00+02:00'))).toBe(1);
  });

  it('when a value does not parse, then text order keeps the order total and antisymmetric', () => {
    const values = ['garbage', '2026-01-01T10:00:00.000Z', '', 'zzz'];
    for (const a of values)
      for (const b of values) {
        expect(sign(compareInstants(a, b))).toBe(-sign(compareInstants(b, a)) || 0);
        if (a !== b) expect(compareInstants(a, b)).not.toBe(0);
      }
  });
});

describe('lapOrder and isLater', () => {
  it('when two laps share the instant and the lap timestamp, then the lapKey decides, whatever the input order', () => {
    const one = lap({ driverGuid: A, lapTimeMs: 90_000, lapTimestamp: 5, lapKey: `${A}#5` });
    const two = { ...one, lapKey: `${A}#5#b.json`, driverName: 'renamed' };
    expect(lapOrder(one, two)).toBeLessThan(0);
    expect(isLater(two, one)).toBe(true);
    expect(isLater(one, two)).toBe(false);
  });

  it('when a lap was recorded later in another offset, then it is later', () => {
    const early = lap({ driverGuid: A, lapTimeMs: 90_000, recordedAt: '2026-01-01T10:00:00.000Z', lapTimestamp: 9 });
    const late = lap({ driverGuid: A, lapTimeMs: 90_000, recordedAt: '2026-01-01T12:30:00+02:00', lapTimestamp: 1 });
    expect(isLater(late, early)).toBe(true);
  });

  it('when laps tie on everything but the key, then the leaderboard and the standings show the same latest name', () => {
    const one = lap({ driverGuid: A, lapTimeMs: 90_000, lapTimestamp: 5, lapKey: `${A}#5`, driverName: 'Old' });
    const two = { ...one, lapKey: `${A}#5#b.json`, driverName: 'New' };
    const season = {
      id: 'season1',
      name: 'S',
      pointsTable: [10],
      participationPoints: 0,
      fastestLapBonus: 0,
      events: [{ id: EVENT, name: 'E', preseason: false }],
    } as unknown as Parameters<typeof computeStandings>[0];
    for (const laps of [
      [one, two],
      [two, one],
    ]) {
      expect(rankLaps(EVENT, laps, []).rows[0]?.driverName).toBe('New');
      expect(computeStandings(season, new Map([[EVENT, laps]]), []).rows[0]?.driver).toBe('New');
    }
  });
});
