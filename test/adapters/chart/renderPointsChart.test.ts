import { createCanvas, GlobalFonts, loadImage } from '@napi-rs/canvas';
import { renderPointsChart } from '../../../src/adapters/chart/renderPointsChart';
import { CHART_FONT, CHART_FONT_BOLD, cleanText } from '../../../src/adapters/chart/chartText';
import type { PointsProgression } from '../../../src/domain/standings/progression';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, which always follows the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Pixels of one colour, read back by decoding the PNG. */
async function countColour(png: Buffer, hex: string): Promise<number> {
  const img = await loadImage(png);
  const ctx = createCanvas(img.width, img.height).getContext('2d');
  ctx.drawImage(img, 0, 0);
  const { data } = ctx.getImageData(0, 0, img.width, img.height);
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] === r && data[i + 1] === g && data[i + 2] === b) n++;
  return n;
}

const season: PointsProgression = {
  labels: ['Round 1 — Red Bull Ring', 'Round 2 — Suzuka', 'Round 3 — Spa'],
  series: [
    { driver: 'Rob Macaroni', cumulative: [25, 50, 68] },
    { driver: 'Ann', cumulative: [18, 33, 58] },
  ],
};

describe('renderPointsChart', () => {
  it('when given a season, then it returns a PNG of the requested size', () => {
    const png = renderPointsChart(season, { title: 'Season 1' });
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(pngSize(png)).toEqual({ width: 1000, height: 560 });
    expect(pngSize(renderPointsChart(season, { title: 'S', width: 640, height: 360 }))).toEqual({
      width: 640,
      height: 360,
    });
  });

  it('when the data is the same, then the bytes are the same; when it differs, then the image differs', () => {
    const a = renderPointsChart(season, { title: 'Season 1' });
    expect(renderPointsChart(season, { title: 'Season 1' }).equals(a)).toBe(true);
    const changed = { ...season, series: [...season.series.slice(0, 1), { driver: 'Ann', cumulative: [18, 33, 45] }] };
    expect(renderPointsChart(changed, { title: 'Season 1' }).equals(a)).toBe(false);
    const renamed = { ...season, series: [...season.series.slice(0, 1), { driver: 'Anna', cumulative: [18, 33, 58] }] };
    expect(renderPointsChart(renamed, { title: 'Season 1' }).equals(a)).toBe(false);
  });

  it('when drivers are drawn, then each line shows in its own palette colour', async () => {
    const png = renderPointsChart(season, { title: 'Season 1' });
    expect(await countColour(png, '#5865f2')).toBeGreaterThan(300); // leader
    expect(await countColour(png, '#57f287')).toBeGreaterThan(300); // second
    expect(await countColour(png, '#fee75c')).toBe(0); // no third driver
  });

  it('when only some events have been run, then the lines stop at the last one run', async () => {
    const all = await countColour(renderPointsChart(season, { title: 'Season 1' }), '#5865f2');
    const two = await countColour(renderPointsChart(season, { title: 'Season 1', played: 2 }), '#5865f2');
    expect(two).toBeGreaterThan(300);
    expect(two).toBeLessThan(all * 0.9);
  });

  it('when there is text, then it is drawn with the bundled font under the chart’s own family (no system font needed)', async () => {
    const withTitle = renderPointsChart({ labels: [], series: [] }, { title: 'Season 1' });
    const otherTitle = renderPointsChart({ labels: [], series: [] }, { title: 'Season 2' });
    expect(withTitle.equals(otherTitle)).toBe(false);
    expect(await countColour(withTitle, '#dbdee1')).toBeGreaterThan(50); // title glyphs
    expect(GlobalFonts.has(CHART_FONT) && GlobalFonts.has(CHART_FONT_BOLD)).toBe(true);
  });

  it('when a total carries float noise, then the legend shows it to 3 decimals: the image is the one of the exact total', () => {
    const chart = (last: number) =>
      renderPointsChart({ labels: ['R1', 'R2'], series: [{ driver: 'Dee', cumulative: [0.2, last] }] }, { title: 'S' });
    expect(chart(0.2 + 0.1).equals(chart(0.3))).toBe(true);
    expect(chart(0.31).equals(chart(0.3))).toBe(false);
  });

  it('when names are non-ASCII, very long or broken, then it still renders', () => {
    const names = ['Łukasz Żółć', 'Дмитрий', '山田太郎', 'Zoë 🏎️', 'x'.repeat(500), 'bad\u0000\ud800name', ''];
    const png = renderPointsChart(
      { labels: ['Nürburgring 🇩🇪', ''], series: names.map((driver, i) => ({ driver, cumulative: [i, i * 2] })) },
      { title: '季節 \u0007' },
    );
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(cleanText('bad\u0000\ud800name')).toBe('bad \ufffdname');
  });

  it('when there are no results or no events, then it renders an empty chart', () => {
    for (const p of [
      { labels: ['R1'], series: [] },
      { labels: [], series: [] },
      { labels: ['R1'], series: [{ driver: 'A', cumulative: [0] }] },
    ]) {
      expect(renderPointsChart(p, { title: 'Season 1' }).subarray(0, 8)).toEqual(PNG_SIGNATURE);
    }
  });
});
