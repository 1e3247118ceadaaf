// Figures as data: with BENCH_JSON=1 (`npm run bench -- --json`) every figure is also one JSON line
// {"bench","metric","value","unit"} on stdout; the human line goes to stderr then. Without it only
// the human line is printed. BENCH_ONLY (comma-separated names) lets a bench skip parts not asked for.

export type Unit = 'ms' | 'per_s' | 'MB' | 'ratio' | 'count';

export interface Figure {
  metric: string;
  value: number;
  unit: Unit;
}

const json = process.env.BENCH_JSON === '1';

/** Prints the human line, and in JSON mode each figure as a line of its own. */
export function report(bench: string, human: string, figures: Figure[]): void {
  if (!json) {
    console.log(human);
    return;
  }
  console.error(human);
  for (const f of figures) {
    const value = Number.isFinite(f.value) ? Math.round(f.value * 1000) / 1000 : null;
    process.stdout.write(`${JSON.stringify({ bench, metric: f.metric, value, unit: f.unit })}\n`);
  }
}

/** Whether a part of a bench was asked for: everything unless BENCH_ONLY names something, else by name or metric prefix. */
export function wanted(...names: string[]): boolean {
  const only = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
  return only.length === 0 || only.some((o) => names.some((n) => n === o || n.startsWith(`${o}.`)));
}

/** The p-th percentile (nearest rank below) of xs. */
export const percentile = (xs: number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
