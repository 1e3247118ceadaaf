import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ResultsWatcher } from '../../../src/adapters/files/ResultsWatcher';
import { silentLogger } from '../../../src/logger';
import type { ResultsFileInput } from '../../../src/app/results/ingestResultsFile';
import { waitFor } from '../../support/fakeDiscord/waitFor';

const name = (i: number) => `2026_1_1_20_${String(i).padStart(2, '0')}_PRACTICE.json`;
const bytesOf = (i: ResultsFileInput) => (typeof i.bytes === 'function' ? i.bytes() : i.bytes);

describe('ResultsWatcher handing over a backlog in batches (onFiles)', () => {
  let dir: string;
  let watcher: ResultsWatcher | undefined;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'results-batches-'))));
  afterEach(() => watcher?.stop());

  it('when 25 files are there at start, then they come over in batches within the limits, each once, with their bytes', async () => {
    for (let i = 0; i < 25; i++) writeFileSync(path.join(dir, name(i)), `{"n":${i}}`);
    const batches: string[][] = [];
    const contents = new Map<string, string>();
    watcher = new ResultsWatcher({
      dir,
      settleMs: 200,
      log: silentLogger,
      batchFiles: 10,
      onFiles: async (inputs) => {
        batches.push(inputs.map((i) => path.basename(i.path)));
        for (const i of inputs) contents.set(path.basename(i.path), bytesOf(i).toString());
        return inputs.map(() => ({ status: 'ingested' }));
      },
    });
    await watcher.start();
    await waitFor(() => contents.size === 25);
    await watcher.idle();
    expect(Math.max(...batches.map((b) => b.length))).toBe(10);
    expect(batches.length).toBeLessThan(25); // some came together
    expect(batches.flat().sort()).toEqual(Array.from({ length: 25 }, (_, i) => name(i)).sort());
    for (let i = 0; i < 25; i++) expect(contents.get(name(i))).toBe(`{"n":${i}}`);
  });

  it('when a batch reaches the byte limit, then it ends there (past it by at most the files read at once)', async () => {
    for (let i = 0; i < 20; i++) writeFileSync(path.join(dir, name(i)), `{"pad":"${'x'.repeat(1000)}"}`);
    const sizes: number[] = [];
    watcher = new ResultsWatcher({
      dir,
      settleMs: 200,
      log: silentLogger,
      batchBytes: 2500, // reached by the third 1 kB file
      onFiles: async (inputs) => {
        sizes.push(inputs.length);
        return inputs.map(() => ({}));
      },
    });
    await watcher.start();
    await waitFor(() => sizes.reduce((a, b) => a + b, 0) === 20);
    // Under the limit with 2 files, then at most 4 read at once: never more than 6 in a batch.
    expect(Math.max(...sizes)).toBeLessThanOrEqual(6);
    expect(sizes.length).toBeGreaterThanOrEqual(4);
  });

  it('when handling a batch throws (store down), then every file of it is tried again', async () => {
    for (let i = 0; i < 4; i++) writeFileSync(path.join(dir, name(i)), '{}');
    let calls = 0;
    const done = new Set<string>();
    watcher = new ResultsWatcher({
      dir,
      settleMs: 50,
      retryBaseMs: 100,
      log: silentLogger,
      onFiles: async (inputs) => {
        if (++calls === 1) throw new Error('SQLITE_BUSY: database is locked');
        for (const i of inputs) done.add(path.basename(i.path));
        return inputs.map(() => ({}));
      },
    });
    await watcher.start();
    await waitFor(() => done.size === 4);
    expect(calls).toBeGreaterThan(1);
  });

  it('when one file of a batch is not readable yet, then only that one is read again once settled', async () => {
    writeFileSync(path.join(dir, name(0)), '{"ok":true}');
    writeFileSync(path.join(dir, name(1)), '{"half":');
    const handed: string[] = [];
    watcher = new ResultsWatcher({
      dir,
      settleMs: 50,
      quietMs: 300,
      log: silentLogger,
      onFiles: async (inputs) =>
        inputs.map((i) => {
          handed.push(path.basename(i.path));
          const broken = bytesOf(i).toString().endsWith(':');
          return broken && i.settled === false
            ? { status: 'failed', file: i.path, error: 'truncated', unsettled: true }
            : { status: 'ingested' };
        }),
    });
    await watcher.start();
    await waitFor(() => handed.filter((f) => f === name(1)).length === 2, 5000);
    expect(handed.filter((f) => f === name(0))).toHaveLength(1);
  });
});
