import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseResults } from '../../../src/domain/results/parseResults';

export interface FileFacts {
  type: string;
  track: string;
  config: string;
  laps: number;
  cut: number;
  unidentified?: number;
}

/**
 * parseResults over every file of `dir`, against facts counted independently of the parser
 * (a table per folder: its README or SOURCES.md).
 */
export function describeResultsFacts(label: string, dir: string, facts: Record<string, FileFacts>): void {
  describe(`parseResults on every file of ${label}`, () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

    it('when the folder is listed, then every file has its facts in the table', () => {
      expect(files.sort()).toEqual(Object.keys(facts).sort());
    });

    it.each(files)('when parsing %s, then track, type, lap and cut counts match the table', (file) => {
      const parsed = parseResults(readFileSync(path.join(dir, file), 'utf8'), file);
      const f = facts[file]!;
      expect(parsed.fileName).toBe(file);
      expect(parsed.sessionType).toBe(f.type);
      expect(parsed.track).toBe(f.track);
      expect(parsed.trackConfig).toBe(f.config);
      expect(parsed.laps).toHaveLength(f.laps);
      expect(parsed.laps.filter((l) => l.cuts > 0)).toHaveLength(f.cut);
      expect(parsed.laps.filter((l) => !l.identified)).toHaveLength(f.unidentified ?? 0);
      for (const lap of parsed.laps) {
        expect([2, 3]).toContain(lap.sectorsMs.length);
        expect(lap.lapTimeMs).toBeGreaterThan(0);
      }
      for (const driver of parsed.drivers) expect(driver.guid).toMatch(/^\d{17}$/);
      expect(new Set(parsed.drivers.map((d) => d.guid)).size).toBe(parsed.drivers.length);
    });

    it.each(files)('when %s is parsed in one go and piece by piece, then both give the same results', (file) => {
      const bytes = readFileSync(path.join(dir, file));
      const whole = parseResults(bytes, file);
      expect(parseResults(bytes, file, { wholeParseMaxBytes: 0 })).toStrictEqual(whole);
    });
  });
}
