import type { SeasonStandings } from '../../domain/standings/types';
import { pointsProgression } from '../../domain/standings/progression';

const PALETTE = [
  '#e6194b',
  '#3cb44b',
  '#4363d8',
  '#f58231',
  '#911eb4',
  '#42d4f4',
  '#f032e6',
  '#9a6324',
  '#808000',
  '#000075',
];
const W = 760;
const H = 380;
const M = { left: 56, right: 180, top: 16, bottom: 72 };

/** 0, a round step, ... up to at least max: about five gridlines. */
function ticks(max: number): number[] {
  const raw = Math.max(1, max) / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  return Array.from({ length: Math.ceil(Math.max(1, max) / step) + 1 }, (_, i) => i * step);
}

function short(text: string, max = 14): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Cumulative points after each event for the top 10, as inline SVG (no image request; names are SVG text, escaped). */
export function StandingsChart({ standings }: { standings: SeasonStandings }) {
  const { labels, series } = pointsProgression(standings, 10);
  if (labels.length === 0 || series.length === 0)
    return <p class="empty">No results yet: the chart appears after the first scored event.</p>;
  const yTicks = ticks(Math.max(...series.flatMap((s) => s.cumulative)));
  const yMax = yTicks[yTicks.length - 1]!;
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const x = (i: number) => M.left + (labels.length === 1 ? plotW / 2 : (i * plotW) / (labels.length - 1));
  const y = (v: number) => M.top + plotH - (v / yMax) * plotH;
  return (
    <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="chart-title">
      <title id="chart-title">{`${standings.seasonName}: points after each event, top ${series.length}`}</title>
      {yTicks.map((t) => (
        <g>
          <line class="grid" x1={M.left} x2={M.left + plotW} y1={y(t)} y2={y(t)} />
          <text class="tick" x={M.left - 6} y={y(t) + 4} text-anchor="end">
            {String(t)}
          </text>
        </g>
      ))}
      {labels.map((label, i) => (
        <text
          class="tick"
          x={x(i)}
          y={M.top + plotH + 14}
          text-anchor="end"
          transform={`rotate(-30 ${x(i)} ${M.top + plotH + 14})`}
        >
          {short(label)}
        </text>
      ))}
      <text
        class="axis-label"
        x={14}
        y={M.top + plotH / 2}
        text-anchor="middle"
        transform={`rotate(-90 14 ${M.top + plotH / 2})`}
      >
        Points
      </text>
      <text class="axis-label" x={M.left + plotW / 2} y={H - 6} text-anchor="middle">
        Event
      </text>
      {series.map((s, n) => (
        <g>
          <polyline
            fill="none"
            stroke={PALETTE[n % PALETTE.length]}
            stroke-width="2"
            points={s.cumulative.map((v, i) => `${x(i)},${y(v)}`).join(' ')}
          />
          {s.cumulative.map((v, i) => (
            <circle cx={x(i)} cy={y(v)} r="3" fill={PALETTE[n % PALETTE.length]} />
          ))}
        </g>
      ))}
      {series.map((s, n) => (
        <g>
          <rect x={W - M.right + 16} y={M.top + n * 20} width="12" height="12" fill={PALETTE[n % PALETTE.length]} />
          <text class="legend" x={W - M.right + 34} y={M.top + n * 20 + 11}>
            {short(`${n + 1}. ${s.driver}`, 22)}
          </text>
        </g>
      ))}
    </svg>
  );
}
