import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { PointsProgression } from '../../domain/standings/progression';
import { formatPoints } from '../../domain/standings/points';
import { CHART_FONT, CHART_FONT_BOLD, fitText, registerChartFonts } from './chartText';

// Discord's dark theme, so the image sits well in the channel; readable on the light theme too.
const BG = '#2b2d31';
const GRID = '#3f4147';
const AXIS = '#80848e';
const TEXT = '#dbdee1';
const PALETTE = [
  '#5865f2',
  '#57f287',
  '#fee75c',
  '#eb459e',
  '#ed4245',
  '#faa61a',
  '#00b0f4',
  '#b37feb',
  '#1abc9c',
  '#f5f5f5',
];

function seriesColor(i: number): string {
  return PALETTE[i % PALETTE.length]!; // a remainder of the length is always an index
}

export interface ChartOptions {
  title: string;
  /** Events run so far: lines stop there, later events are labelled only (default: all). */
  played?: number;
  width?: number;
  height?: number;
}

/** Step of 1, 2 or 5 x 10^k giving about five gridlines up to max (at least 0..5, whole points). */
function niceStep(max: number): number {
  const rough = Math.max(max, 5) / 5;
  const pow = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= rough) ?? 10 * pow;
}

/**
 * The season's cumulative points per driver as a line chart (PNG): x = start + one step per
 * scoring event (R1, R2, ... with the event name where it fits), y = points, legend = standings
 * order with totals. The same data always gives the same bytes.
 */
export function renderPointsChart(p: PointsProgression, opts: ChartOptions): Buffer {
  registerChartFonts();
  const width = opts.width ?? 1000;
  const height = opts.height ?? 560;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = BG;
  ctx.fillRect(0, 0, width, height);

  ctx.fillStyle = TEXT;
  ctx.font = `bold 22px ${CHART_FONT_BOLD}`;
  ctx.textBaseline = 'top';
  ctx.fillText(fitText(ctx, `${opts.title} — points progression`, width - 40), 20, 16);

  const legendW = p.series.length > 0 ? 230 : 0;
  const plot = { left: 64, top: 64, right: width - 24 - legendW, bottom: height - 64 };
  const max = Math.max(0, ...p.series.flatMap((s) => s.cumulative));
  const step = niceStep(max);
  const yMax = Math.max(5, Math.ceil(max / step) * step);
  const y = (v: number) => plot.bottom - (v / yMax) * (plot.bottom - plot.top);
  const n = p.labels.length;
  const x = (k: number) => plot.left + (n === 0 ? 0 : (k / n) * (plot.right - plot.left));

  drawGrid(ctx, plot, yMax, step, y);
  drawXLabels(ctx, p.labels, plot, x, width);

  if (p.series.length === 0 || n === 0) {
    ctx.fillStyle = AXIS;
    ctx.font = `18px ${CHART_FONT}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText('No results yet', (plot.left + plot.right) / 2, (plot.top + plot.bottom) / 2);
    return canvas.toBuffer('image/png');
  }

  // Drawn bottom-up so the leader's line ends up on top.
  [...p.series].reverse().forEach((s, r) => {
    const color = seriesColor(p.series.length - 1 - r);
    const points = [0, ...s.cumulative.slice(0, opts.played ?? n)].map((v, k) => [x(k), y(v)] as const);
    ctx.strokeStyle = color;
    ctx.lineWidth = 3;
    ctx.lineJoin = 'round';
    ctx.beginPath();
    points.forEach(([px, py], k) => (k === 0 ? ctx.moveTo(px, py) : ctx.lineTo(px, py)));
    ctx.stroke();
    ctx.fillStyle = color;
    for (const [px, py] of points.slice(1)) {
      ctx.beginPath();
      ctx.arc(px, py, 4, 0, Math.PI * 2);
      ctx.fill();
    }
  });
  drawLegend(ctx, p, { left: width - legendW, top: plot.top, width: legendW - 16 });
  return canvas.toBuffer('image/png');
}

type Box = { left: number; top: number; right: number; bottom: number };

function drawGrid(ctx: SKRSContext2D, plot: Box, yMax: number, step: number, y: (v: number) => number): void {
  ctx.font = `13px ${CHART_FONT}`;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  ctx.lineWidth = 1;
  for (let v = 0; v <= yMax + step / 2; v += step) {
    ctx.strokeStyle = v === 0 ? AXIS : GRID;
    ctx.beginPath();
    ctx.moveTo(plot.left, Math.round(y(v)) + 0.5);
    ctx.lineTo(plot.right, Math.round(y(v)) + 0.5);
    ctx.stroke();
    ctx.fillStyle = AXIS;
    ctx.fillText(formatPoints(v), plot.left - 8, y(v));
  }
  ctx.save();
  ctx.translate(18, (plot.top + plot.bottom) / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = 'center';
  ctx.fillText('points', 0, 0);
  ctx.restore();
}

/** R1, R2, ... under each event, the event name below where the column has room for it. */
function drawXLabels(
  ctx: SKRSContext2D,
  labels: string[],
  plot: Box,
  x: (k: number) => number,
  canvasWidth: number,
): void {
  const n = labels.length;
  const column = n === 0 ? 0 : (plot.right - plot.left) / n;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  labels.forEach((label, i) => {
    const px = x(i + 1);
    ctx.strokeStyle = AXIS;
    ctx.beginPath();
    ctx.moveTo(Math.round(px) + 0.5, plot.bottom);
    ctx.lineTo(Math.round(px) + 0.5, plot.bottom + 5);
    ctx.stroke();
    ctx.fillStyle = TEXT;
    ctx.font = `bold 13px ${CHART_FONT_BOLD}`;
    ctx.fillText(`R${i + 1}`, px, plot.bottom + 8);
    ctx.fillStyle = AXIS;
    ctx.font = `12px ${CHART_FONT}`;
    // Centred under its tick: never wider than its column, nor past the image's right edge.
    const name = fitText(ctx, label, Math.min(column - 8, 2 * (canvasWidth - 4 - px)));
    if ([...name].length >= 4 || name === label) ctx.fillText(name, px, plot.bottom + 26);
  });
}

function drawLegend(ctx: SKRSContext2D, p: PointsProgression, box: { left: number; top: number; width: number }): void {
  const rowH = Math.min(26, 440 / Math.max(1, p.series.length));
  ctx.textBaseline = 'middle';
  p.series.forEach((s, i) => {
    const cy = box.top + i * rowH + rowH / 2;
    ctx.strokeStyle = seriesColor(i);
    ctx.lineWidth = 3;
    ctx.beginPath();
    ctx.moveTo(box.left, cy);
    ctx.lineTo(box.left + 18, cy);
    ctx.stroke();
    const total = formatPoints(s.cumulative[s.cumulative.length - 1] ?? 0);
    ctx.font = `bold 14px ${CHART_FONT_BOLD}`;
    ctx.textAlign = 'right';
    ctx.fillStyle = TEXT;
    ctx.fillText(total, box.left + box.width, cy);
    const room = box.width - 26 - ctx.measureText(total).width - 8;
    ctx.font = `14px ${CHART_FONT}`;
    ctx.textAlign = 'left';
    ctx.fillText(fitText(ctx, s.driver, room), box.left + 26, cy);
  });
}
