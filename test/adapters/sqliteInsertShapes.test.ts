import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lostShapeDeopts, optimised, v8TraceOf } from '../support/v8Trace';

/**
 * Under the production node flags (--optimize-for-size) V8 drops a hidden class as soon as no object
 * has it. The insert loop reads each insert's result; without the store keeping the last one alive,
 * its optimised code was thrown away and rebuilt after every batch of a backlog.
 */
describe('the SQLite store keeps its insert loop optimised across batches', () => {
  it('when batches of new laps are stored with a full GC between them, then the insert loop is never deoptimised for a lost shape', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'insert-shapes-')), 'league.db');
    const lines = v8TraceOf(
      [
        "const { SqliteStore } = require('./src/adapters/sqlite/SqliteStore.ts');",
        "const { silentLogger } = require('./src/logger.ts');",
        "const { parseResults } = require('./src/domain/results/parseResults.ts');",
        "const { lapsFromResults } = require('./src/domain/results/lapsFromResults.ts');",
        "const { resultsBytes, rawLap } = require('./test/support/resultsFile.ts');",
        '(async () => {',
        `  const store = SqliteStore.open(${JSON.stringify(file)}, silentLogger);`,
        '  for (let b = 0; b < 20; b++) {',
        '    const raw = Array.from({ length: 4000 }, (_, i) => rawLap({ Timestamp: b * 10000 + i, LapTime: 90000 + i }));',
        "    const parsed = parseResults(resultsBytes(raw), 'f' + b + '.json');",
        "    const laps = lapsFromResults(parsed, { eventId: 's1#e1', sessionTime: '2026-03-01T20:00:00.000Z', resultFile: 'f' + b + '.json' });",
        '    await store.putNewLaps(laps);',
        '    gc();',
        '  }',
        '  await store.close();',
        '})();',
      ].join('\n'),
    );
    expect(optimised(lines, 'insertNewLaps')).toBe(true);
    expect(lostShapeDeopts(lines, 'insertNewLaps')).toEqual([]);
  });
});
