import type { ChartRenderer } from '../../app/ports';

/** The chart renderer (Skia, ~16 MB) is loaded on first use, so a bot that never draws one never pays for it. */
export const lazyPointsChart: ChartRenderer = async (progression, opts) =>
  (await import('./renderPointsChart')).renderPointsChart(progression, opts);
