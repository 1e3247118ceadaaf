import { escapeMarkdown } from './escapeMarkdown';
import { formatPoints } from './points';
import type { SeasonStandings, StandingResult, StandingRow } from './types';

const DISCORD_LIMIT = 2000;

function pts(n: number): string {
  return `${formatPoints(n)} ${n === 1 ? 'pt' : 'pts'}`;
}

function cell(r: StandingResult, round: number): string {
  if (r.position === null) return `R${round} –`;
  const text = `R${round} P${r.position} ${formatPoints(r.points)}`;
  return r.dropped ? `~~${text}~~` : text;
}

// The dot is escaped so Discord does not turn the lines into an ordered list, which would
// renumber shared ranks (1, 2, 2) as 1, 2, 3.
function rowLine(row: StandingRow, breakdown: boolean): string {
  const head = `${row.rank}\\. ${escapeMarkdown(row.driver)} — ${pts(row.total)}`;
  if (!breakdown) return head;
  return `${head} · ${row.results.map((r, i) => cell(r, i + 1)).join(' · ')}`;
}

function legend(s: SeasonStandings): string {
  const rounds = s.events.map((e, i) => `R${i + 1} ${escapeMarkdown(e.name)}`).join(' · ');
  const best = s.bestOf === null ? '' : ` — best ${s.bestOf} results count, dropped ones ~~struck through~~`;
  return `*${rounds}${best}*`;
}

function fits(lines: string[], max: number): boolean {
  return lines.join('\n').length <= max;
}

/**
 * The standings post. Never longer than maxLength (Discord's 2000 by default): the per-event
 * breakdown goes first, then rows from the bottom, replaced by an "…and N more" line.
 */
export function renderStandings(s: SeasonStandings, opts: { maxLength?: number } = {}): string {
  const max = opts.maxLength ?? DISCORD_LIMIT;
  const header = `**${escapeMarkdown(s.seasonName)} Standings**`;
  if (s.rows.length === 0) return clip([header, 'No results yet.'].join('\n'), max);

  const full = [header, legend(s), ...s.rows.map((r) => rowLine(r, true))];
  if (fits(full, max)) return full.join('\n');

  const short = s.rows.map((r) => rowLine(r, false));
  if (fits([header, ...short], max)) return [header, ...short].join('\n');

  // Keep as many rows as leave room for the "more" line.
  let length = header.length;
  let kept = 0;
  for (const line of short) {
    const more = `…and ${short.length - kept - 1} more`;
    if (length + 1 + line.length + 1 + more.length > max) break;
    length += 1 + line.length;
    kept += 1;
  }
  return clip([header, ...short.slice(0, kept), `…and ${short.length - kept} more`].join('\n'), max);
}

/** Last resort for absurdly small limits: the guarantee is the length, not the layout. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return max < 1 ? '' : text.slice(0, max - 1) + '…';
}
