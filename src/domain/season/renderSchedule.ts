import type { EventConfig, SeasonConfig } from './season';
import { escapeMarkdown } from '../standings/escapeMarkdown';
import { trackFlag } from './trackFlags';
import { carEmoji } from './carEmoji';
import { prettyTrackName } from './prettyTrackName';
import { prettyCarName } from './prettyCarName';

export { prettyTrackName } from './prettyTrackName';

export interface RenderScheduleOptions {
  skipPreseason: boolean;
  activeEventId?: string | null;
  /** Several servers: every event running now (one per server), marked like activeEventId. */
  activeEventIds?: readonly string[];
  /** Several servers: the names of the servers an event runs on (absent: no server line). */
  serverNames?: (event: EventConfig) => string[];
  /** Discord's message limit by default */
  maxLength?: number;
}

interface Block {
  seasonIndex: number;
  heading: string;
  text: string;
  active: boolean;
}

const LABEL_WIDTH = 28;

/** One Discord message with every scheduled event, the active one marked; cut to fit maxLength. */
export function renderSchedule(config: SeasonConfig, opts: RenderScheduleOptions): string {
  const maxLength = opts.maxLength ?? 2000;
  const blocks: Block[] = [];
  config.seasons.forEach((season, seasonIndex) => {
    const heading = `**📅 ${escapeMarkdown(season.name)} — Schedule**`;
    let number = 0;
    for (const event of season.events) {
      if (!event.preseason) number++;
      const active =
        (opts.activeEventId != null && event.id === opts.activeEventId) ||
        (opts.activeEventIds?.includes(event.id) ?? false);
      // a running preseason event is still shown: hiding what the server runs would confuse
      if (event.preseason && opts.skipPreseason && !active) continue;
      blocks.push({
        seasonIndex,
        heading,
        active,
        text: renderEvent(config, event, event.preseason ? null : number, active, opts.serverNames?.(event)),
      });
    }
  });
  if (blocks.length === 0) return fit('📅 No events scheduled yet.', maxLength);

  const assemble = (from: number, to: number): string => {
    const parts: string[] = [];
    let season = -1;
    for (const b of blocks.slice(from, to)) {
      if (b.seasonIndex !== season) parts.push(b.heading);
      if (season === -1 && from > 0) parts.push(`*…${from} earlier event${from === 1 ? '' : 's'}*`);
      season = b.seasonIndex;
      parts.push(b.text);
    }
    const more = blocks.length - to;
    if (more > 0) parts.push(`*…and ${more} more event${more === 1 ? '' : 's'}*`);
    return parts.join('\n\n');
  };

  const all = assemble(0, blocks.length);
  if (all.length <= maxLength) return all;
  // Past events matter least: when it does not all fit, the list starts at the running event.
  const activeIndex = blocks.findIndex((b) => b.active);
  const from = activeIndex > 0 && assemble(0, activeIndex + 1).length > maxLength ? activeIndex : 0;
  let to = from + 1;
  while (to < blocks.length && assemble(from, to + 1).length <= maxLength) to++;
  return fit(assemble(from, to), maxLength);
}

function renderEvent(
  config: SeasonConfig,
  event: EventConfig,
  number: number | null,
  active: boolean,
  servers: string[] | undefined,
): string {
  const name = escapeMarkdown(event.name.trim());
  const label = number === null || new RegExp(`\\b${number}\\b`).test(event.name) ? name : `${number} · ${name}`;
  const lines = [
    centred(`${active ? '▶ ' : ''}${label}${number === null && !/preseason/i.test(event.name) ? ' (preseason)' : ''}`),
  ];
  if (active) lines.push('🟢 **Now running**');
  const track = escapeMarkdown(prettyTrackName(event.track, event.layout));
  lines.push(`${trackFlag(event.track, config.trackFlags)} **${track}**`);
  const models = [...new Set(event.cars.map((c) => c.model))];
  if (models.length > 0) {
    lines.push(models.map((m) => `${carEmoji(m, config.carEmoji)} ${escapeMarkdown(prettyCarName(m))}`).join('  ·  '));
  }
  if (servers && servers.length > 0) lines.push(`🖥️ ${servers.map((s) => escapeMarkdown(s)).join('  ·  ')}`);
  const unix = Math.floor(Date.parse(event.start) / 1000);
  lines.push(Number.isFinite(unix) ? `🗓️ <t:${unix}:F> (<t:${unix}:R>)` : '🗓️ date to be announced');
  return lines.join('\n');
}

// Discord has no centring; equal runs of a box-drawing line either side make the label look centred.
function centred(label: string): string {
  const visible = [...label.replace(/\\(.)/g, '$1')].length;
  const side = Math.max(3, Math.floor((LABEL_WIDTH - visible) / 2));
  const bar = '━'.repeat(side);
  return `**${bar} ${label} ${bar}**`;
}

// Last resort when even one event is too long: a hard cut that does not split a surrogate pair.
function fit(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  if (maxLength < 1) return '';
  let cut = maxLength - 1;
  if (/[\udc00-\udfff]/.test(text.charAt(cut))) cut--;
  return `${text.slice(0, cut)}…`;
}
