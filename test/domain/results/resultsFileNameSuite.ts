import { readdirSync } from 'node:fs';
import { parseResultsFileName } from '../../../src/domain/results/resultsFileName';

/** Every file in `dir` named like acServer's results reads to the date in its name; returns how many. */
export function expectDatedNamesRead(dir: string): number {
  const dated = readdirSync(dir).filter((f) => /\d+_\d+_\d+_\d+_\d+_[A-Z]+( \(\d+\))?\.json$/.test(f));
  for (const f of dated) {
    const parsed = parseResultsFileName(f);
    expect(parsed).not.toBeNull();
    const [y, mo, d, h, mi] = f
      .match(/(\d+)_(\d+)_(\d+)_(\d+)_(\d+)_[A-Z]+( \(\d+\))?\.json$/)!
      .slice(1, 6)
      .map(Number);
    expect(parsed!.local).toEqual({ year: y, month: mo, day: d, hour: h, minute: mi });
  }
  return dated.length;
}
