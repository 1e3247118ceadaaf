import path from 'node:path';
import { GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';

/** A private family name, so the chart never depends on (or differs with) the system's fonts. */
export const CHART_FONT = 'LeagueChartSans';
export const CHART_FONT_BOLD = 'LeagueChartSansBold';

let registered = false;

/**
 * Loads DejaVu Sans from the dejavu-fonts-ttf package. A fresh server may have no fonts at all
 * (Skia then draws no text), so the chart ships its own. DejaVu covers Latin, Greek and
 * Cyrillic; characters it lacks (CJK, emoji) come from a system font when one has them, else
 * show as a box.
 */
export function registerChartFonts(): void {
  if (registered) return;
  const dir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const regular = GlobalFonts.registerFromPath(path.join(dir, 'DejaVuSans.ttf'), CHART_FONT);
  const bold = GlobalFonts.registerFromPath(path.join(dir, 'DejaVuSans-Bold.ttf'), CHART_FONT_BOLD);
  if (!regular || !bold) throw new Error(`could not load the chart font from ${dir}: reinstall with npm ci`);
  registered = true;
}

/** Control characters and lone surrogates out: names come from acServer and Discord users. */
export function cleanText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- control characters are what this strips
      .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
      .trim()
  );
}

/** The text, shortened with an ellipsis (by whole code points) until it fits maxWidth. */
export function fitText(ctx: SKRSContext2D, text: string, maxWidth: number): string {
  const clean = cleanText(text);
  if (ctx.measureText(clean).width <= maxWidth) return clean;
  const chars = [...clean];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ctx.measureText(chars.slice(0, mid).join('') + '…').width <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? '' : chars.slice(0, lo).join('').trimEnd() + '…';
}
