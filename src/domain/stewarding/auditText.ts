import { escapeMarkdown, inlineCode } from '../text/discordText';
import { formatLapTime } from '../leaderboard/formatLapTime';
import type { Actor, AuditEntry } from './types';

/** An actor as the admin channel names them: a mention for members (allowed mentions stay empty), the OS user for the CLI. */
export function actorMention(actor: Actor): string {
  return actor.kind === 'discord' ? `<@${actor.id}>` : inlineCode(`cli:${actor.id}`);
}

export interface AuditTextContext {
  eventTitle: (eventId: string) => string;
  seasonName: (seasonId: string) => string;
  /** How the actor is named: a mention in Discord (never pinging), a name in the terminal. */
  who: (actor: Actor) => string;
  /** Markdown escaping for Discord; identity for the terminal. */
  text?: (s: string) => string;
  /** How a member a link is about is named (default: a mention). */
  member?: (id: string) => string;
}

const VERB: Record<AuditEntry['action'], string> = {
  strike: '🚩 Lap struck',
  restore: '↩️ Lap restored',
  exclude: '⛔ Driver excluded',
  include: '✅ Driver included again',
  'link-request': '🔗 Link requested',
  link: '🔗 Driver linked',
  'link-reject': '🔗 Link refused',
  unlink: '🔗 Driver unlinked',
};

/** One audit entry as a line for the admin channel or the CLI. */
export function auditText(e: AuditEntry, ctx: AuditTextContext): string {
  const t = ctx.text ?? ((s: string) => s);
  const parts = [`**${VERB[e.action]}**`];
  if (e.eventId) parts.push(`${t(ctx.eventTitle(e.eventId))} (${inlineCode(e.eventId)})`);
  if (e.seasonId) parts.push(`${t(ctx.seasonName(e.seasonId))} (${inlineCode(e.seasonId)}, whole season)`);
  parts.push(`${e.driverName ? `${t(e.driverName)} ` : ''}(${inlineCode(e.driverGuid)})`);
  if (e.lapTimeMs !== undefined)
    parts.push(`${formatLapTime(e.lapTimeMs)}${e.lapKey ? ` (${inlineCode(e.lapKey)})` : ''}`);
  if (e.memberId) parts.push(`member ${ctx.member ? ctx.member(e.memberId) : `<@${e.memberId}>`}`);
  parts.push(`by ${ctx.who(e.by)}`);
  const reason = e.reason ? `: ${t(e.reason)}` : '';
  return `${parts.join(' · ')}${reason}`.slice(0, 1900);
}

/** The public announcement of a stewarding decision (no GUIDs, no who). */
export function stewardingAnnouncement(
  e: AuditEntry,
  eventTitle: (id: string) => string,
  seasonName: (id: string) => string,
): string {
  const driver = escapeMarkdown(e.driverName ?? e.driverGuid);
  const where = e.eventId
    ? escapeMarkdown(eventTitle(e.eventId))
    : e.seasonId
      ? escapeMarkdown(seasonName(e.seasonId))
      : '';
  const time = e.lapTimeMs !== undefined ? formatLapTime(e.lapTimeMs) : '';
  const why = e.reason ? ` Reason: ${escapeMarkdown(e.reason)}` : '';
  const text = {
    strike: `🚩 **Stewards**: ${driver}'s ${time} in ${where} no longer counts.${why}`,
    restore: `↩️ **Stewards**: ${driver}'s ${time} in ${where} counts again.${why}`,
    exclude: `⛔ **Stewards**: ${driver} is excluded from ${where}.${why}`,
    include: `✅ **Stewards**: ${driver} counts again in ${where}.${why}`,
  }[e.action as 'strike'];
  return (text ?? '').slice(0, 2000);
}
