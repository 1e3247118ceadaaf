import { computeStandings } from '../../../src/domain/standings/computeStandings';
import { pointsProgression } from '../../../src/domain/standings/progression';
import { byEvent, lap, season } from './factory';

const E = ['s1#event1', 's1#event2', 's1#event3'] as const;

function fixture() {
  const laps = [
    lap({ event: E[0], guid: 'a', name: 'Ann', ms: 90_000 }),
    lap({ event: E[0], guid: 'b', name: 'Bob', ms: 91_000 }),
    lap({ event: E[0], guid: 'c', name: 'Cy', ms: 92_000 }),
    lap({ event: E[1], guid: 'b', name: 'Bob', ms: 90_000 }),
    lap({ event: E[2], guid: 'a', name: 'Ann', ms: 90_000 }),
    lap({ event: E[2], guid: 'b', name: 'Bob', ms: 91_000 }),
  ];
  const config = season(
    E.map((id, i) => ({ id, name: ['Spa', 'Monza', 'Imola'][i] })),
    { pointsTable: [10, 6, 4], bestOf: 2 },
  );
  return computeStandings(config, byEvent(laps), []);
}

describe('pointsProgression', () => {
  it('when asked for the top drivers, then it gives their running counted points per event, in standings order', () => {
    const s = fixture();
    // Ann: 10, -, 10 = 20. Bob: 6, 10, 6 (dropped, later of the tied 6s) = 16. Cy: 4.
    expect(pointsProgression(s, 2)).toEqual({
      labels: ['Spa', 'Monza', 'Imola'],
      series: [
        { driver: 'Ann', cumulative: [10, 10, 20] },
        { driver: 'Bob', cumulative: [6, 16, 16] },
      ],
    });
  });

  it('when topN exceeds the drivers, then every driver is there and each series ends at the total', () => {
    const s = fixture();
    const p = pointsProgression(s, 10);
    expect(p.series.map((x) => x.driver)).toEqual(['Ann', 'Bob', 'Cy']);
    expect(p.series.map((x) => x.cumulative[x.cumulative.length - 1])).toEqual(s.rows.map((r) => r.total));
    expect(p.series[2]?.cumulative).toEqual([4, 4, 4]);
  });

  it('when topN is 0, then there are no series but the labels stay', () => {
    expect(pointsProgression(fixture(), 0)).toEqual({ labels: ['Spa', 'Monza', 'Imola'], series: [] });
  });
});
