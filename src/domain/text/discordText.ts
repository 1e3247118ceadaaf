// Text helpers for Discord message content: markdown escaping outside code blocks, and
// sanitising plus column alignment inside them (names are user-chosen Steam names).

const ZERO_WIDTH_SPACE = '\u200b';

/** @everyone / @here / <@id> / <@&role> become inert text (a zero-width space after the @). */
function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZERO_WIDTH_SPACE}$1`).replace(/<@/g, `<${ZERO_WIDTH_SPACE}@`);
}

/**
 * For text outside code blocks (driver, event and season names): markdown characters shown
 * literally (`[x](url)` can't become a link), one line, mentions inert.
 */
export function escapeMarkdown(text: string): string {
  return neutraliseMentions(text.replace(/[\\*_~`|<>[\]]/g, '\\$&').replace(/[\r\n]+/g, ' '));
}

/**
 * For text inside a ``` block: a backtick could close the block, so it becomes a look-alike
 * (U+02CB); control and bidi-override characters would break the line or the column order.
 */
export function sanitizeForCodeBlock(text: string): string {
  return neutraliseMentions(
    text
      .replace(/`/g, '\u02cb')
      // eslint-disable-next-line no-control-regex -- control characters are what this strips
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
      .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ''),
  );
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const ZERO_WIDTH = /^[\p{M}\u200b-\u200d\u2060\ufeff]$/u;
// East Asian wide/fullwidth ranges and pictographs take two columns in Discord's monospace font.
const WIDE =
  /^[\u1100-\u115f\u2e80-\u303e\u3040-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]$/u;

function charWidth(ch: string): number {
  if (ZERO_WIDTH.test(ch)) return 0;
  return WIDE.test(ch) || /^\p{Extended_Pictographic}$/u.test(ch) ? 2 : 1;
}

/** Columns a string takes in a monospace font (approximate: East Asian wide = 2). */
export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let width = 0;
  for (const ch of text) width += charWidth(ch);
  return width;
}

/** Cut to at most `max` columns, ending in … when cut. */
export function fitWidth(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  let out = '';
  let width = 0;
  for (const ch of text) {
    const w = charWidth(ch);
    if (width + w > max - 1) break;
    out += ch;
    width += w;
  }
  return `${out}…`;
}

/** Pad with spaces to `width` columns (left or right aligned). */
export function padWidth(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}

/** Hard cut to `max` UTF-16 units without splitting a surrogate pair; last resort for tiny limits. */
export function cutToLength(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** An id from the data (GUID, lap key, event id) as inline code: a backtick in it cannot end the span, mentions stay inert. */
export function inlineCode(text: string): string {
  return `\`${sanitizeForCodeBlock(text)}\``;
}
