import { escapeMarkdown } from '../text/discordText';
import { formatLapTime } from '../leaderboard/formatLapTime';
import type { Passer } from './passedDrivers';

/** One thing a driver is told about by DM. */
export type DriverNews =
  | { kind: 'passed'; eventId: string; eventTitle: string; from: number; to: number; by: Passer[] }
  | { kind: 'record'; track: string; lapTimeMs: number; by: Passer };

const LIMIT = 2000;
const FOOTER = '*Turn these messages off with `/notify off`.*';

/**
 * One DM for everything that happened since the last one: passes in one event are merged (the
 * first position before, the latest after, every driver who went ahead once), records listed.
 */
export function notificationText(news: readonly DriverNews[]): string {
  const lines: string[] = [];
  const passes = new Map<string, Extract<DriverNews, { kind: 'passed' }>>();
  for (const n of news) {
    if (n.kind !== 'passed') continue;
    const seen = passes.get(n.eventId);
    if (!seen) {
      passes.set(n.eventId, { ...n, by: [...n.by] });
      continue;
    }
    seen.to = n.to;
    for (const p of n.by) {
      const i = seen.by.findIndex((q) => q.driverGuid === p.driverGuid);
      if (i >= 0) seen.by[i] = p;
      else seen.by.push(p);
    }
  }
  for (const p of passes.values()) {
    const who = p.by.map((d) => `${escapeMarkdown(d.driverName)} (${formatLapTime(d.lapTimeMs)})`).join(', ');
    lines.push(`🏁 **${escapeMarkdown(p.eventTitle)}**: you are now P${p.to} (were P${p.from}), passed by ${who}.`);
  }
  for (const n of news) {
    if (n.kind !== 'record') continue;
    lines.push(
      `🏆 Your record on ${escapeMarkdown(n.track)} (${formatLapTime(n.lapTimeMs)}) was beaten by ${escapeMarkdown(n.by.driverName)}: ${formatLapTime(n.by.lapTimeMs)}.`,
    );
  }
  let body = lines.join('\n');
  if (body.length + FOOTER.length + 1 > LIMIT) body = `${body.slice(0, LIMIT - FOOTER.length - 3)}…`;
  return `${body}\n${FOOTER}`;
}
