import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { productionNodeFlags } from '../../support/nodeFlags';

const ROOT = path.resolve(__dirname, '../../..');

/**
 * Under the production node flags (--optimize-for-size) V8 drops a hidden class as soon as no object
 * has it, and optimised code that relied on it is thrown away. Without the parser keeping one lap of
 * the last file alive, the lap reader was recompiled after nearly every file of a backlog.
 */
describe('the lap shapes of parsed results files outlive each file', () => {
  it('when files are parsed one after another with a full GC between them, then the lap reader is never deoptimised for a lost shape', () => {
    const script = [
      "const { parseResults } = require('./src/domain/results/parseResults.ts');",
      "const { resultsBytes, rawLap } = require('./test/support/resultsFile.ts');",
      'const laps = Array.from({ length: 200 }, (_, i) => rawLap({ Timestamp: 1000 + i, LapTime: 90000 + i }));',
      'const bytes = resultsBytes(laps);',
      "for (let i = 0; i < 60; i++) { parseResults(bytes, 'f' + i + '.json'); globalThis.gc(); }",
    ].join('\n');
    const flags = [...productionNodeFlags(), '--expose-gc', '--trace-opt', '--trace-deopt'];
    const r = spawnSync(process.execPath, [...flags, '--require', 'tsx/cjs', '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    // The reader did get optimised, so a lost shape would have shown.
    expect(lines.some((l) => /completed optimizing .*plainLap/.test(l))).toBe(true);
    expect(lines.filter((l) => /plainLap.*reason: weak objects/.test(l))).toEqual([]);
  });
});
