import { lostShapeDeopts, optimised, v8TraceOf } from '../../support/v8Trace';

/**
 * Under the production node flags (--optimize-for-size) V8 drops a hidden class as soon as no object
 * has it, and optimised code that relied on it is thrown away. Without the parser keeping one lap of
 * the last file alive, the lap reader was recompiled after nearly every file of a backlog.
 */
describe('the lap shapes of parsed results files outlive each file', () => {
  it('when files are parsed one after another with a full GC between them, then the lap reader is never deoptimised for a lost shape', () => {
    const lines = v8TraceOf(
      [
        "const { parseResults } = require('./src/domain/results/parseResults.ts');",
        "const { resultsBytes, rawLap } = require('./test/support/resultsFile.ts');",
        'const laps = Array.from({ length: 200 }, (_, i) => rawLap({ Timestamp: 1000 + i, LapTime: 90000 + i }));',
        'const bytes = resultsBytes(laps);',
        "for (let i = 0; i < 150; i++) { parseResults(bytes, 'f' + i + '.json'); gc(); }",
      ].join('\n'),
    );
    // The reader did get optimised (plainLap on its own, or inlined into readLap), so a lost shape would have shown.
    expect(optimised(lines, 'plainLap') || optimised(lines, 'readLap')).toBe(true);
    expect([...lostShapeDeopts(lines, 'plainLap'), ...lostShapeDeopts(lines, 'readLap')]).toEqual([]);
  });
});
