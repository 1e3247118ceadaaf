import { computeStandings } from '../../../src/domain/standings/computeStandings';
import { pointsProgression } from '../../../src/domain/standings/progression';
import { renderStandings } from '../../../src/domain/standings/renderStandings';
import { formatPoints } from '../../../src/domain/standings/points';
import type { SeasonStandings } from '../../../src/domain/standings/types';
import { bonusSeason, issueSeason } from './fractionalSeasons';

/** Every number in the JSON that has more than 4 decimals: float noise (the percentages have 4). */
function noisyNumbers(s: SeasonStandings): string[] {
  return JSON.stringify(s).match(/-?\d+\.\d{5,}(e-?\d+)?/g) ?? [];
}

describe('computeStandings: exact points', () => {
  it('when 0.2 + 0.1 meets a 0.3 win (pointsTable [0.3, 0.2, 0.1]), then all four have exactly 0.3 and the average percentage orders them', () => {
    const { config, laps } = issueSeason();
    const s = computeStandings(config, laps, []);
    const top = s.rows.slice(0, 4);
    expect(top.map((r) => [r.driver, r.total, r.rank, r.tieBreak.decidedBy])).toEqual([
      ['Cal', 0.3, 1, 'averagePercent'],
      ['Bea', 0.3, 2, 'averagePercent'],
      ['Dee', 0.3, 3, 'averagePercent'],
      ['Ash', 0.3, 4, 'averagePercent'],
    ]);
    expect(top.map((r) => r.averagePercent)).toEqual([100, 100.5, 100.65, 102.5]);
    expect(noisyNumbers(s)).toEqual([]);
    expect(renderStandings(s)).toContain('3\\. Dee — 0.3 pts · R1 P2 0.2 · R2 P3 0.1 · R3 –');
  });

  it('when a fractional table, participation points, a fastest-lap bonus and drop rounds combine, then every score and total is the exact decimal', () => {
    const { config, laps } = bonusSeason();
    const s = computeStandings(config, laps, []);
    const table = s.rows.map((r) => ({
      driver: r.driver,
      total: r.total,
      points: r.results.map((x) => x.points),
      dropped: r.results.map((x) => x.dropped),
    }));
    expect(table).toEqual([
      { driver: 'Ben', total: 2.2, points: [0.8, 1.4, 0.8], dropped: [false, false, true] },
      { driver: 'Ann', total: 2.2, points: [1.4, 0.8, 0.45], dropped: [false, false, true] },
      { driver: 'Cy', total: 1.85, points: [0.45, 0.45, 1.4], dropped: [false, true, false] },
      { driver: 'Dot', total: 0.2, points: [0.1, 0, 0.1], dropped: [false, false, false] },
    ]);
    expect(s.rows[0]?.tieBreak.decidedBy).toBe('averagePercent');
    expect(noisyNumbers(s)).toEqual([]);
  });

  it('when the season has fractional points, then the post shows them as written, with no float noise', () => {
    const { config, laps } = bonusSeason();
    const post = renderStandings(computeStandings(config, laps, []));
    expect(post.split('\n').slice(2)).toEqual([
      '1\\. Ben — 2.2 pts · R1 P2 0.8 · R2 P1 1.4 · ~~R3 P2 0.8~~',
      '2\\. Ann — 2.2 pts · R1 P1 1.4 · R2 P2 0.8 · ~~R3 P3 0.45~~',
      '3\\. Cy — 1.85 pts · R1 P3 0.45 · ~~R2 P3 0.45~~ · R3 P1 1.4',
      '4\\. Dot — 0.2 pts · R1 P4 0.1 · R2 – · R3 P4 0.1',
    ]);
  });

  it('when the chart adds up fractional points, then each running total is the exact decimal and ends at the total', () => {
    const issue = issueSeason();
    const dee = pointsProgression(computeStandings(issue.config, issue.laps, []), 4).series.find(
      (x) => x.driver === 'Dee',
    );
    expect(dee?.cumulative).toEqual([0.2, 0.3, 0.3]);
    const bonus = bonusSeason();
    expect(
      pointsProgression(computeStandings(bonus.config, bonus.laps, []), 4).series.map((x) => x.cumulative),
    ).toEqual([
      [0.8, 2.2, 2.2],
      [1.4, 2.2, 2.2],
      [0.45, 0.45, 1.85],
      [0.1, 0.1, 0.2],
    ]);
  });
});

describe('formatPoints', () => {
  it('when given a sum with float noise, then it shows at most 3 decimals and no trailing zeros', () => {
    expect([0.1 + 0.2, 1.1 + 0.1 + 0.2, 0.35 + 0.1, 25, 0, 12.5, 1 / 3].map(formatPoints)).toEqual([
      '0.3',
      '1.4',
      '0.45',
      '25',
      '0',
      '12.5',
      '0.333',
    ]);
  });
});
