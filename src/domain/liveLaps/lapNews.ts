import { escapeMarkdown } from '../text/discordText';
import { formatGap, formatLapTime } from '../leaderboard/formatLapTime';
import { prettyCarName } from '../season/prettyCarName';
import type { Leaderboard, LeaderboardRow } from '../types';

export type LapNews =
  | { kind: 'leader'; row: LeaderboardRow; previous: LeaderboardRow | null }
  /** previousMs null: the driver's first valid lap of the event, their first personal best. */
  | { kind: 'pb'; row: LeaderboardRow; previousMs: number | null };

/** ANNOUNCE_PERSONAL_BESTS: nothing, only a new leader, or every personal best. */
export type AnnounceMode = 'off' | 'leader' | 'all';

/**
 * What a just-stored lap changed on the board: a new leader (the top row is now this lap), or a
 * personal best (the driver's row is now this lap). A driver's first valid lap of the event is
 * their first personal best: news too (README: ANNOUNCE_PERSONAL_BESTS).
 */
export function lapNews(before: Leaderboard, after: Leaderboard, lapKey: string): LapNews | null {
  const row = after.rows.find((r) => r.lapKey === lapKey);
  if (!row) return null;
  if (row.position === 1) {
    const previous = before.rows[0] ?? null;
    return previous?.lapKey === lapKey ? null : { kind: 'leader', row, previous };
  }
  const mine = before.rows.find((r) => r.driverGuid === row.driverGuid);
  if (mine?.lapKey === lapKey) return null;
  return { kind: 'pb', row, previousMs: mine?.lapTimeMs ?? null };
}

export function wantsNews(mode: AnnounceMode, news: LapNews): boolean {
  return mode === 'all' || (mode === 'leader' && news.kind === 'leader');
}

/** One Discord line (names escaped, no mentions). */
export function lapNewsDiscordText(news: LapNews, eventTitle: string): string {
  const name = `**${escapeMarkdown(news.row.driverName)}**`;
  const time = `**${formatLapTime(news.row.lapTimeMs)}**`;
  const where = escapeMarkdown(eventTitle);
  if (news.kind === 'pb') {
    if (news.previousMs === null) return `⏱️ ${name} sets a first time of ${time} in ${where}: P${news.row.position}`;
    return `⏱️ ${name} improves to ${time} in ${where}: P${news.row.position}, ${faster(news.previousMs - news.row.lapTimeMs)}`;
  }
  const car = escapeMarkdown(prettyCarName(news.row.carModel));
  const prev = news.previous;
  if (!prev) return `🏆 ${name} sets the first time in ${where}: ${time} (${car})`;
  const over = prev.driverGuid === news.row.driverGuid ? 'their previous best' : escapeMarkdown(prev.driverName);
  return `🏆 ${name} takes the lead in ${where}: ${time} (${car}), ${faster(prev.lapTimeMs - news.row.lapTimeMs)} than ${over}`;
}

function faster(ms: number): string {
  return `${formatGap(ms, false).slice(1)} s faster`;
}

/** Longest driver name shown in game: with the time the line stays one chat line (60 characters). */
const CHAT_NAME_MAX = 32;

/** Text for the in-game chat, one line; the sender folds it to short ASCII lines (toSafeChat). */
export function lapNewsChatText(news: LapNews): string {
  const time = formatLapTime(news.row.lapTimeMs);
  const chars = [...news.row.driverName];
  const name =
    chars.length > CHAT_NAME_MAX
      ? `${chars
          .slice(0, CHAT_NAME_MAX - 3)
          .join('')
          .trimEnd()}...`
      : news.row.driverName;
  if (news.kind === 'leader') return `New leader: ${name} ${time}`;
  return `PB: ${name} ${time} (P${news.row.position})`;
}
