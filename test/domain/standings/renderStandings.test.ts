import { computeStandings } from '../../../src/domain/standings/computeStandings';
import { renderStandings } from '../../../src/domain/standings/renderStandings';
import type { SeasonStandings, StandingResult, StandingRow } from '../../../src/domain/standings/types';
import type { Lap } from '../../../src/domain/types';
import { byEvent, lap, season } from './factory';
import { present } from '../../support/present';

function result(eventId: string, position: number | null, points: number, dropped = false): StandingResult {
  return { eventId, position, points, lapTimeMs: position === null ? null : 90_000 + position, dropped };
}

function standingRow(rank: number, driver: string, total: number, results: StandingResult[]): StandingRow {
  return {
    rank,
    driverGuid: `guid-${driver}`,
    driver,
    alias: null,
    total,
    wins: 0,
    podiums: 0,
    eventsEntered: results.filter((r) => r.position !== null).length,
    averagePercent: 100,
    results,
    tieBreak: { averagePercent: 100, wins: 0, podiums: 0, firstSetAt: null, decidedBy: 'points' },
  };
}

function standings(rows: StandingRow[], over: Partial<SeasonStandings> = {}): SeasonStandings {
  return {
    seasonId: 's1',
    seasonName: 'Season 1',
    bestOf: 2,
    events: [
      { eventId: 'e1', name: 'Spa', fastestLapMs: 90_001, driverCount: 2 },
      { eventId: 'e2', name: 'Monza', fastestLapMs: 90_001, driverCount: 1 },
      { eventId: 'e3', name: 'Imola', fastestLapMs: 90_001, driverCount: 1 },
    ],
    rows,
    generatedFrom: { lapCount: 10 },
    ...over,
  };
}

const rob = standingRow(1, 'Rob Macaroni', 50, [result('e1', 1, 25), result('e2', 1, 25), result('e3', 3, 15, true)]);
const ann = standingRow(2, 'Ann', 1, [result('e1', 2, 1), result('e2', null, 0), result('e3', null, 0)]);

/** A season of 5 events with `drivers` drivers, computed from laps. */
function bigSeason(drivers: number): SeasonStandings {
  const events = ['s1#e1', 's1#e2', 's1#e3', 's1#e4', 's1#e5'];
  const laps: Lap[] = [];
  for (const event of events) {
    for (let d = 0; d < drivers; d++) {
      laps.push(
        lap({
          event,
          guid: `g${d}`,
          name: `Driver Number ${d}`,
          ms: 90_000 + d * 37 + ((events.indexOf(event) * d) % 11),
        }),
      );
    }
  }
  return computeStandings(season(events), byEvent(laps), []);
}

describe('renderStandings', () => {
  it('when everything fits, then it shows the title, a round legend and each row with its breakdown', () => {
    expect(renderStandings(standings([rob, ann]))).toBe(
      [
        '**Season 1 Standings**',
        '*R1 Spa · R2 Monza · R3 Imola — best 2 results count, dropped ones ~~struck through~~*',
        '1\\. Rob Macaroni — 50 pts · R1 P1 25 · R2 P1 25 · ~~R3 P3 15~~',
        '2\\. Ann — 1 pt · R1 P2 1 · R2 – · R3 –',
      ].join('\n'),
    );
  });

  it('when every result counts, then the legend has no drop note', () => {
    const text = renderStandings(standings([rob], { bestOf: null }));
    expect(text.split('\n')[1]).toBe('*R1 Spa · R2 Monza · R3 Imola*');
  });

  it('when drivers share a rank, then both lines show the same number', () => {
    const amy = standingRow(1, 'Amy', 10, [result('e1', 1, 10)]);
    const zed = standingRow(1, 'Zed', 10, [result('e1', 2, 10)]);
    const lines = renderStandings(standings([amy, zed], { bestOf: null })).split('\n');
    expect(lines[2]?.startsWith('1\\. Amy — 10 pts')).toBe(true);
    expect(lines[3]?.startsWith('1\\. Zed — 10 pts')).toBe(true);
  });

  it('when there are no results, then it says so under the title', () => {
    expect(renderStandings(standings([]))).toBe('**Season 1 Standings**\nNo results yet.');
    const noEvents = computeStandings(season([{ id: 's1#pre', preseason: true }]), new Map(), []);
    expect(renderStandings(noEvents)).toBe('**Season 1 Standings**\nNo results yet.');
  });

  it('when names hold Discord markdown or mentions, then they show literally', () => {
    const nasty = standingRow(1, '*Star*_x_ `c` ~~s~~ ||sp|| [l](http://x) <@123> @everyone\nline', 5, [
      result('e1', 1, 5),
    ]);
    const text = renderStandings(
      standings([nasty], {
        seasonName: 'S_1 *',
        events: [{ eventId: 'e1', name: 'Spa_2', fastestLapMs: 1, driverCount: 1 }],
      }),
    );
    const lines = text.split('\n');
    expect(lines[0]).toBe('**S\\_1 \\* Standings**');
    expect(lines[1]).toBe('*R1 Spa\\_2 — best 2 results count, dropped ones ~~struck through~~*');
    expect(lines[2]).toBe(
      '1\\. \\*Star\\*\\_x\\_ \\`c\\` \\~\\~s\\~\\~ \\|\\|sp\\|\\| \\[l\\](http://x) \\<\u200b@123\\> @\u200beveryone line — 5 pts · R1 P1 5',
    );
    expect(lines).toHaveLength(3);
  });

  it('when the breakdown does not fit but the rows do, then the breakdown goes and every row stays', () => {
    const s = bigSeason(12);
    const full = renderStandings(s, { maxLength: 100_000 });
    const max = full.length - 1;
    const text = renderStandings(s, { maxLength: max });
    expect(text.length).toBeLessThanOrEqual(max);
    expect(text).not.toContain(' · R1 ');
    expect(text).not.toContain('more');
    const rows = text.split('\n').slice(1);
    expect(rows).toEqual(s.rows.map((r) => `${r.rank}\\. ${r.driver} — ${r.total} pts`));
  });

  it('when 150 drivers do not fit in 2000 characters, then the top rows are shown and the rest counted', () => {
    const s = bigSeason(150);
    const text = renderStandings(s);
    expect(text.length).toBeLessThanOrEqual(2000);
    const lines = text.split('\n');
    const more = /^…and (\d+) more$/.exec(lines.at(-1) ?? '');
    expect(more).not.toBeNull();
    const shown = lines.slice(1, -1);
    expect(shown.length).toBeGreaterThan(20);
    expect(shown.length + Number(more?.[1])).toBe(150);
    expect(shown).toEqual(s.rows.slice(0, shown.length).map((r) => `${r.rank}\\. ${r.driver} — ${r.total} pts`));
    // As many rows as fit: one more row would overflow.
    const nextRow = present(s.rows[shown.length], 'a row after the shown ones');
    const next = `${nextRow.rank}\\. ${nextRow.driver} — ${nextRow.total} pts`;
    const withNext = [lines[0], ...shown, next, `…and ${149 - shown.length} more`].join('\n');
    expect(withNext.length).toBeGreaterThan(2000);
  });

  it('when any limit is given, then the text is never longer', () => {
    const s = bigSeason(40);
    for (let max = 0; max <= 3000; max += 13) {
      expect(renderStandings(s, { maxLength: max }).length).toBeLessThanOrEqual(max);
    }
  });
});
