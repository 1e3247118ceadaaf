import { lapsFromResults } from '../../../src/domain/results/lapsFromResults';
import { parseResults } from '../../../src/domain/results/parseResults';
import { rankLaps } from '../../../src/domain/leaderboard/rankLaps';
import {
  EMPTY_BOARD_TEXT,
  pageLink,
  renderLeaderboard,
  renderLeaderboardPages,
} from '../../../src/domain/leaderboard/renderLeaderboard';
import type { Leaderboard, LeaderboardRow } from '../../../src/domain/types';
import { resultsFixture } from '../../support/fixtures';

function row(position: number, over: Partial<LeaderboardRow> = {}): LeaderboardRow {
  const lapTimeMs = 60_000 + position * 137;
  return {
    position,
    driverGuid: `7656119800000${String(position).padStart(4, '0')}`,
    driverName: `Driver Number ${position}`,
    carModel: 'ks_mazda_mx5_cup',
    lapTimeMs,
    gapMs: lapTimeMs - 60_137,
    sectorsMs: [],
    tyre: 'SM',
    recordedAt: '2024-05-12T18:00:00.000Z',
    lapKey: `k${position}`,
    ...over,
  };
}
function board(n: number, over: (i: number) => Partial<LeaderboardRow> = () => ({})): Leaderboard {
  return {
    eventId: 'season1#event1',
    rows: Array.from({ length: n }, (_, i) => row(i + 1, over(i + 1))),
    lapCount: n * 3,
  };
}
function codeLines(text: string): string[] {
  const block = /```\n([\s\S]*?)\n```/.exec(text);
  if (!block) throw new Error(`no code block in:\n${text}`);
  return block[1]!.split('\n');
}

describe('renderLeaderboard', () => {
  it('when rendering a board, then the first line is the bold flagged title and rows show pos, name, time, gap, car', () => {
    const text = renderLeaderboard(board(3), {
      title: 'Magione Time Attack',
      carName: (m) => (m === 'ks_mazda_mx5_cup' ? 'Mazda MX-5 Cup' : m),
    });
    expect(text.split('\n')[0]).toBe('**🏁 Magione Time Attack 🏁**');
    const [header, first, second] = codeLines(text);
    expect(header).toMatch(/#\s+Driver\s+Time\s+Gap\s+Car/);
    expect(first).toMatch(/^1 {2}Driver Number 1 {2}1:00\.137 {2}\s*Mazda MX-5 Cup$/);
    expect(second).toMatch(/^2 {2}Driver Number 2 {2}1:00\.274 {2}\s*\+0\.137 {2}Mazda MX-5 Cup$/);
    expect(text).not.toContain('more driver');
  });

  it('when 150 drivers are on the board, then the message stays within 2000 characters and says how many are hidden', () => {
    const text = renderLeaderboard(board(150), { title: 'Nordschleife' });
    expect(text.length).toBeLessThanOrEqual(2000);
    const shown = codeLines(text).length - 1;
    expect(shown).toBeGreaterThan(20);
    expect(text.endsWith(`\n…and ${150 - shown} more drivers (use /leaderboard)`)).toBe(true);
    expect(text.split('```')).toHaveLength(3);
  });

  it('when a footer (the website link) is given, then it is the last line, whole, and the message stays within the limit', () => {
    const footer = pageLink('https://league.example.org/events/season1%23event2')!;
    for (const rows of [0, 3, 150]) {
      const text = renderLeaderboard(board(rows), { title: 'Nordschleife', footer });
      expect(text.length).toBeLessThanOrEqual(2000);
      expect(text.split('\n').at(-1)).toBe(footer);
    }
    expect(renderLeaderboard(board(150), { title: 'Nordschleife', footer })).toMatch(
      /more drivers \(use \/leaderboard\)\n🔗/,
    );
    expect(pageLink(undefined)).toBeUndefined();
  });

  it('when maxLength is smaller, then it is respected too, down to a title with only the count', () => {
    for (const maxLength of [1500, 600, 200, 120]) {
      const text = renderLeaderboard(board(150), { title: 'Nordschleife', maxLength });
      expect(text.length).toBeLessThanOrEqual(maxLength);
      expect(text).toMatch(/…and \d+ more drivers \(use \/leaderboard\)$/);
    }
    expect(renderLeaderboard(board(150), { title: 'Nordschleife', maxLength: 70 })).toBe(
      '**🏁 Nordschleife 🏁**\n…and 150 more drivers (use /leaderboard)',
    );
    expect(renderLeaderboard(board(150), { title: 'Nordschleife', maxLength: 10 }).length).toBeLessThanOrEqual(10);
  });

  it('when names and cars are long, then every row still fits and the total stays under the limit', () => {
    const text = renderLeaderboard(
      board(150, () => ({ driverName: 'W'.repeat(200), carModel: 'c'.repeat(200) })),
      { title: 'T'.repeat(500) },
    );
    expect(text.length).toBeLessThanOrEqual(2000);
    expect(codeLines(text)[1]).toContain('WWW…');
  });

  it('when a name holds markdown, backticks or mentions, then none can escape the code block or ping', () => {
    const names = ['**bold**', '`` `oops` ``', '@everyone', '<@123456>', 'a|b>c~_d', 'line\nbreak', 'x```y'];
    const text = renderLeaderboard(
      board(names.length, (i) => ({ driverName: names[i - 1]! })),
      { title: 'Names' },
    );
    expect(text.split('```')).toHaveLength(3);
    expect(text).not.toMatch(/@everyone/);
    expect(text).not.toContain('<@1');
    const lines = codeLines(text);
    expect(lines).toHaveLength(names.length + 1);
    expect(lines[1]).toContain('**bold**');
    expect(lines[2]).toContain('ˋˋ ˋoopsˋ ˋˋ');
  });

  it('when the title holds markdown or a mention, then it is escaped', () => {
    const text = renderLeaderboard(board(1), { title: 'Round *1* _fast_ @here' });
    expect(text.split('\n')[0]).toBe('**🏁 Round \\*1\\* \\_fast\\_ @\u200bhere 🏁**');
  });

  it('when names are non-ASCII or wide, then the time column still lines up', () => {
    const names = ['Jérôme Ñúñez', '小林', 'Ann'];
    const text = renderLeaderboard(
      board(3, (i) => ({ driverName: names[i - 1]! })),
      { title: 'x' },
    );
    const lines = codeLines(text).slice(1);
    const columnOfTime = (line: string, time: string): number => {
      const before = line.slice(0, line.indexOf(time));
      return [...before].reduce((w, ch) => w + (/[\u4e00-\u9fff]/.test(ch) ? 2 : 1), 0);
    };
    const cols = lines.map((l, i) => columnOfTime(l, ['1:00.137', '1:00.274', '1:00.411'][i]!));
    expect(new Set(cols).size).toBe(1);
    expect(lines[0]).toContain('Jérôme Ñúñez');
    expect(lines[1]).toContain('小林');
  });

  it('when the board is empty, then it says no valid laps yet', () => {
    const text = renderLeaderboard({ eventId: 'e', rows: [], lapCount: 4 }, { title: 'Empty' });
    expect(text).toBe(`**🏁 Empty 🏁**\n${EMPTY_BOARD_TEXT}`);
    expect(EMPTY_BOARD_TEXT).toMatch(/^No valid laps yet/);
  });

  it('when rendering a qualifying re-saved by a manager, then the fastest driver leads with acServer own time', () => {
    const file = '2019_3_2_21_49_QUALIFY.json';
    const text = resultsFixture(file).bytes.toString('utf8');
    const laps = lapsFromResults(parseResults(text, file), {
      eventId: 'e',
      sessionTime: '2019-03-02T21:49:00.000Z',
      resultFile: file,
    });
    const lines = codeLines(renderLeaderboard(rankLaps('e', laps, []), { title: 'Red Bull Ring' }));
    // Result[0] of the file: Alex Rivera, BestLap 89645, ks_porsche_911_gt3_cup_2017; 7 drivers with a clean lap.
    expect(lines[1]).toMatch(/^1 {2}Alex Rivera +1:29\.645 +ks_porsche_911_gt3_cup_…$/);
    expect(lines).toHaveLength(8);
  });
});

describe('renderLeaderboardPages', () => {
  it('when 150 drivers are paged, then every row appears once, in order, and each page fits', () => {
    const pages = renderLeaderboardPages(board(150), { title: 'Nordschleife' });
    expect(pages.length).toBeGreaterThan(1);
    const rows = pages.flatMap((p) => codeLines(p).slice(1));
    expect(rows).toHaveLength(150);
    rows.forEach((r, i) => expect(r.startsWith(`${String(i + 1).padStart(3)}  Driver Number ${i + 1} `)).toBe(true));
    pages.forEach((p, i) => {
      expect(p.length).toBeLessThanOrEqual(2000);
      expect(p.split('\n')[0]).toBe(`**🏁 Nordschleife 🏁** (${i + 1}/${pages.length})`);
    });
  });

  it('when a small maxLength is asked, then pages respect it', () => {
    const pages = renderLeaderboardPages(board(40), { title: 'x', maxLength: 300 });
    expect(pages.every((p) => p.length <= 300)).toBe(true);
    expect(pages.flatMap((p) => codeLines(p).slice(1))).toHaveLength(40);
  });

  it('when everything fits one page, then there is one page without a page number', () => {
    expect(renderLeaderboardPages(board(5), { title: 'x' })).toEqual([renderLeaderboard(board(5), { title: 'x' })]);
    expect(renderLeaderboardPages({ eventId: 'e', rows: [], lapCount: 0 }, { title: 'x' })).toEqual([
      `**🏁 x 🏁**\n${EMPTY_BOARD_TEXT}`,
    ]);
  });
});

describe('renderLeaderboard with several servers', () => {
  const names: Record<string, string> = { eu: 'EU', na: 'North America' };
  const serverName = (id: string | undefined) => names[id ?? 'eu'] ?? id ?? '?';

  test('when a server name is given, then each row says where its best lap was set', () => {
    const text = renderLeaderboard(
      board(3, (i) => (i === 2 ? { server: 'na' } : i === 3 ? {} : { server: 'eu' })),
      { title: 'GT3', serverName },
    );
    const [header, ...rows] = codeLines(text);
    expect(header).toMatch(/Gap\s+Server\s+Car$/);
    expect(rows[0]).toMatch(/\sEU\s+ks_mazda_mx5_cup$/);
    expect(rows[1]).toMatch(/\sNorth Ameri…\s+ks_mazda_mx5_cup$/); // cut to the column
    expect(rows[2]).toMatch(/\sEU\s+ks_mazda_mx5_cup$/); // no server id: the default server
  });

  test('when no server name is given, then there is no server column', () => {
    expect(
      codeLines(
        renderLeaderboard(
          board(2, () => ({ server: 'na' })),
          { title: 'GT3' },
        ),
      )[0],
    ).not.toMatch(/Server/);
  });
});
