import { lapNews, lapNewsChatText, lapNewsDiscordText, wantsNews } from '../../../src/domain/liveLaps/lapNews';
import type { Leaderboard, LeaderboardRow } from '../../../src/domain/types';

const row = (
  position: number,
  guid: string,
  lapTimeMs: number,
  lapKey = `${guid}#${lapTimeMs}`,
  name = guid,
): LeaderboardRow => ({
  position,
  driverGuid: guid,
  driverName: name,
  carModel: 'ks_mazda_mx5_cup',
  lapTimeMs,
  gapMs: 0,
  sectorsMs: [],
  tyre: null,
  recordedAt: '',
  lapKey,
});
const board = (...rows: LeaderboardRow[]): Leaderboard => ({ eventId: 'e', rows, lapCount: rows.length });

describe('lapNews', () => {
  it('when a lap beats the leader, then it is a new leader naming the one beaten', () => {
    const before = board(row(1, 'a', 90000, 'a#1', 'Ann'), row(2, 'b', 91000));
    const after = board(row(1, 'b', 89500, 'b#live#2', 'Bo *bold*'), row(2, 'a', 90000, 'a#1', 'Ann'));
    const news = lapNews(before, after, 'b#live#2');
    expect(news).toMatchObject({ kind: 'leader', previous: { driverName: 'Ann' } });
    expect(lapNewsDiscordText(news!, 'Season 1 - Event 2')).toBe(
      '🏆 **Bo \\*bold\\*** takes the lead in Season 1 - Event 2: **1:29.500** (Mazda MX5 Cup), 0.500 s faster than Ann',
    );
    expect(lapNewsChatText(news!)).toBe('New leader: Bo *bold* 1:29.500');
  });

  it('when a lap improves a driver but does not lead, then it is a personal best with the new position', () => {
    const before = board(row(1, 'a', 90000), row(2, 'b', 95000, 'b#1'));
    const after = board(row(1, 'a', 90000), row(2, 'b', 92000, 'b#2'));
    const news = lapNews(before, after, 'b#2');
    expect(news).toEqual({ kind: 'pb', row: after.rows[1], previousMs: 95000 });
    expect(lapNewsChatText(news!)).toBe('PB: b 1:32.000 (P2)');
    expect(lapNewsDiscordText(news!, 'E')).toContain('P2, 3.000 s faster');
  });

  it('when a lap is slower than the driver’s best, then it is not news', () => {
    const before = board(row(1, 'a', 90000), row(2, 'c', 99000, 'c#1'));
    expect(lapNews(before, board(row(1, 'a', 90000)), 'a#live#9')).toBeNull();
    expect(lapNews(before, before, 'c#2')).toBeNull();
  });

  it('when a driver’s first lap of the event does not lead, then it is their first personal best', () => {
    const after = board(row(1, 'a', 90000), row(2, 'c', 99000, 'c#1'));
    const news = lapNews(board(row(1, 'a', 90000)), after, 'c#1');
    expect(news).toEqual({ kind: 'pb', row: after.rows[1], previousMs: null });
    expect(lapNewsDiscordText(news!, 'E')).toBe('⏱️ **c** sets a first time of **1:39.000** in E: P2');
    expect(lapNewsChatText(news!)).toBe('PB: c 1:39.000 (P2)');
  });

  it('when a driver’s name is long, then the chat text clips it so the line stays one chat line', () => {
    const news = lapNews(board(), board(row(1, 'a', 90000, 'a#1', 'N'.repeat(255))), 'a#1')!;
    expect(lapNewsChatText(news)).toBe(`New leader: ${'N'.repeat(29)}... 1:30.000`);
  });

  it('when the board was empty, then the first lap leads with no one beaten', () => {
    const news = lapNews(board(), board(row(1, 'a', 90000, 'a#1')), 'a#1');
    expect(news).toMatchObject({ kind: 'leader', previous: null });
    expect(lapNewsDiscordText(news!, 'E')).toMatch(/sets the first time in E: \*\*1:30.000\*\*/);
  });

  it('when the mode is leader, then only leaders are wanted; all takes both; off none', () => {
    const leader = { kind: 'leader', row: row(1, 'a', 1), previous: null } as const;
    const pb = { kind: 'pb', row: row(2, 'a', 1), previousMs: 2 } as const;
    expect([
      wantsNews('leader', leader),
      wantsNews('leader', pb),
      wantsNews('all', pb),
      wantsNews('off', leader),
    ]).toEqual([true, false, true, false]);
  });
});
