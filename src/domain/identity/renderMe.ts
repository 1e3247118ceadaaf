import { escapeMarkdown } from '../text/discordText';
import { formatGap, formatLapTime } from '../leaderboard/formatLapTime';
import type { LeaderboardRow } from '../types';

export interface MeFacts {
  driverName: string;
  driverGuid: string;
  /** The running event; null when none runs. */
  current: { title: string; row: LeaderboardRow | null; ahead: LeaderboardRow | null; drivers: number } | null;
  /** The current season's standing; null when the driver has no result in it (or there is none). */
  season: { name: string; rank: number; total: string; drivers: number } | null;
  /** Best valid lap per track and layout, any event. */
  personalBests: Array<{ track: string; lapTimeMs: number; eventTitle: string }>;
  notify: 'on' | 'off' | 'dms-closed';
}

const LIMIT = 2000;

/** The /me reply: where the driver stands now and their bests. */
export function renderMe(f: MeFacts): string {
  const lines = [`**${escapeMarkdown(f.driverName)}** (\`${f.driverGuid}\`)`];
  if (!f.current) lines.push('No event is running.');
  else if (!f.current.row) lines.push(`${escapeMarkdown(f.current.title)}: no valid lap yet.`);
  else {
    const { row, ahead } = f.current;
    const gap = ahead
      ? `, ${formatGap(row.lapTimeMs - ahead.lapTimeMs, false)} behind ${escapeMarkdown(ahead.driverName)} (P${ahead.position})`
      : ', leading';
    lines.push(
      `${escapeMarkdown(f.current.title)}: **P${row.position}** of ${f.current.drivers} with ${formatLapTime(row.lapTimeMs)}${gap}.`,
    );
  }
  if (f.season)
    lines.push(
      `${escapeMarkdown(f.season.name)}: **P${f.season.rank}** of ${f.season.drivers}, ${f.season.total} pts.`,
    );
  if (f.personalBests.length > 0) {
    lines.push('Personal bests:');
    for (const pb of f.personalBests)
      lines.push(`- ${escapeMarkdown(pb.track)}: ${formatLapTime(pb.lapTimeMs)} (${escapeMarkdown(pb.eventTitle)})`);
  }
  const notify = {
    on: 'on',
    off: 'off (`/notify on` to be told when you are passed)',
    'dms-closed': 'off: your DMs were closed to the bot (open them, then `/notify on`)',
  }[f.notify];
  lines.push(`Notifications: ${notify}.`);
  let out = '';
  for (const line of lines) {
    if (out.length + line.length + 1 > LIMIT - 2) return `${out}\n…`;
    out = out ? `${out}\n${line}` : line;
  }
  return out;
}
