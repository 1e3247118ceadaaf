import {
  cutToLength,
  displayWidth,
  escapeMarkdown,
  fitWidth,
  padWidth,
  sanitizeForCodeBlock,
} from '../text/discordText';
import { formatGap, formatLapTime } from './formatLapTime';
import type { Leaderboard } from '../types';

export interface RenderLeaderboardOptions {
  title: string;
  /** Car folder name -> display name (e.g. from ui_car.json); the folder name when absent. */
  carName?: (model: string) => string;
  /** Discord's message limit by default. Measured in UTF-16 units, which never undercounts. */
  maxLength?: number;
  /** A last line that is always kept (the link to the website); rows make room for it. */
  footer?: string;
  /**
   * Several servers: a column naming where each best lap was set (server id -> name; a lap
   * without a server id was set on the default server). Absent: no such column.
   */
  serverName?: (serverId: string | undefined) => string;
}

/** The post's link to the event's page; the angle brackets stop Discord from adding a preview. */
export function pageLink(url: string | undefined): string | undefined {
  return url ? `🔗 [Sectors, laps and per-car boards](<${url}>)` : undefined;
}

const DISCORD_LIMIT = 2000;
const NAME_COLUMNS = 20;
const CAR_COLUMNS = 24;
const SERVER_COLUMNS = 12;
const TITLE_CHARS = 120;
const FENCE = '```';
/** Shortest possible row (columns are at least as wide as their headers): caps rows worth laying out. */
const MIN_ROW = 15;
export const EMPTY_BOARD_TEXT = 'No valid laps yet. Be the first to set a clean lap!';

function titleLine(title: string, suffix = ''): string {
  return `**🏁 ${escapeMarkdown(cutToLength(title.trim(), TITLE_CHARS))} 🏁**${suffix}`;
}

/** Header row and one aligned line per driver, inside-code-block safe. */
function tableLines(
  rows: Leaderboard['rows'],
  carName?: (model: string) => string,
  serverName?: (serverId: string | undefined) => string,
): { header: string; rows: string[] } {
  const cells = rows.map((r) => ({
    pos: String(r.position),
    name: fitWidth(sanitizeForCodeBlock(r.driverName.trim()) || '?', NAME_COLUMNS),
    time: formatLapTime(r.lapTimeMs),
    gap: formatGap(r.gapMs, r.position === 1),
    server: serverName ? fitWidth(sanitizeForCodeBlock(serverName(r.server)), SERVER_COLUMNS) : '',
    car: fitWidth(sanitizeForCodeBlock(carName ? carName(r.carModel) : r.carModel), CAR_COLUMNS),
  }));
  const head = { pos: '#', name: 'Driver', time: 'Time', gap: 'Gap', server: serverName ? 'Server' : '', car: 'Car' };
  const all = [head, ...cells];
  const width = (key: 'pos' | 'name' | 'time' | 'gap' | 'server'): number =>
    all.reduce((m, c) => Math.max(m, displayWidth(c[key])), 0);
  const w = { pos: width('pos'), name: width('name'), time: width('time'), gap: width('gap'), server: width('server') };
  const line = (c: typeof head): string =>
    [
      padWidth(c.pos, w.pos, 'right'),
      padWidth(c.name, w.name, 'left'),
      padWidth(c.time, w.time, 'right'),
      padWidth(c.gap, w.gap, 'right'),
      ...(serverName ? [padWidth(c.server, w.server, 'left')] : []),
      c.car,
    ]
      .join('  ')
      .trimEnd();
  return { header: line(head), rows: cells.map(line) };
}

function block(header: string, rows: string[]): string {
  return `${FENCE}\n${header}\n${rows.join('\n')}\n${FENCE}`;
}

function moreLine(count: number): string {
  return `…and ${count} more driver${count === 1 ? '' : 's'} (use /leaderboard)`;
}

/**
 * One Discord message: bold title line, then the board in a code block (names cannot trigger
 * markdown or mentions there). Always within maxLength: rows that do not fit are replaced by an
 * "…and N more drivers (use /leaderboard)" line after the block.
 */
export function renderLeaderboard(board: Leaderboard, opts: RenderLeaderboardOptions): string {
  if (opts.footer)
    return `${renderLeaderboard(board, { ...opts, footer: undefined, maxLength: (opts.maxLength ?? DISCORD_LIMIT) - opts.footer.length - 1 })}\n${opts.footer}`;
  const max = opts.maxLength ?? DISCORD_LIMIT;
  const title = titleLine(opts.title);
  if (board.rows.length === 0) return cutToLength(`${title}\n${EMPTY_BOARD_TEXT}`, max);
  // Only rows that could fit are laid out, so columns fit the shown rows and 5000 drivers stay cheap.
  const { header, rows: candidates } = tableLines(
    board.rows.slice(0, Math.ceil(max / MIN_ROW)),
    opts.carName,
    opts.serverName,
  );
  const total = board.rows.length;
  // Length of the message with the first n rows, without building it, so the search stays linear.
  const lengthWith = (n: number, rowChars: number): number => {
    const more = total - n;
    const table = n > 0 ? 1 + block(header, []).length + rowChars + (n - 1) : 0;
    return title.length + table + (more > 0 ? 1 + moreLine(more).length : 0);
  };
  let shown = 0;
  let rowChars = 0;
  for (let n = 1; n <= candidates.length; n++) {
    rowChars += (candidates[n - 1] as string).length;
    if (lengthWith(n, rowChars) <= max) shown = n;
  }
  // Laid out again for the rows actually shown: columns can only get narrower, so it still fits.
  const table = tableLines(board.rows.slice(0, shown), opts.carName, opts.serverName);
  const parts = shown > 0 ? [title, block(table.header, table.rows)] : [title];
  if (shown < total) parts.push(moreLine(total - shown));
  return cutToLength(parts.join('\n'), max);
}

/** Every row, split into messages of at most maxLength each (for a slash command's pages). */
export function renderLeaderboardPages(board: Leaderboard, opts: RenderLeaderboardOptions): string[] {
  const max = opts.maxLength ?? DISCORD_LIMIT;
  if (board.rows.length === 0) return [renderLeaderboard(board, opts)];
  const { header, rows } = tableLines(board.rows, opts.carName, opts.serverName);
  // Room for the widest " (n/n)" suffix, so page numbers can be added after the split.
  const reserve = titleLine(opts.title, ` (${rows.length}/${rows.length})`).length;
  const fixed = reserve + 1 + block(header, []).length;
  const pages: string[][] = [];
  let current: string[] = [];
  let used = fixed;
  for (const row of rows) {
    if (current.length > 0 && used + row.length + 1 > max) {
      pages.push(current);
      current = [];
      used = fixed;
    }
    current.push(row);
    used += row.length + 1;
  }
  pages.push(current);
  return pages.map((page, i) => {
    const suffix = pages.length > 1 ? ` (${i + 1}/${pages.length})` : '';
    return cutToLength(`${titleLine(opts.title, suffix)}\n${block(header, page)}`, max);
  });
}
