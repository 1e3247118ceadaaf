import { mkdtempSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ResultsWatcher } from '../../../src/adapters/files/ResultsWatcher';
import { silentLogger } from '../../../src/logger';
import type { ResultsFileInput } from '../../../src/app/results/ingestResultsFile';
import { resultsFixture, acServerName } from '../../support/fixtures';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The input with its bytes taken (the watcher hands them over once). */
const taken = (i: ResultsFileInput) => ({ ...i, bytes: typeof i.bytes === 'function' ? i.bytes() : i.bytes });
async function waitFor(cond: () => boolean, ms = 5000) {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await sleep(20);
  }
}

describe('ResultsWatcher (real chokidar on a temp folder)', () => {
  let dir: string;
  let seen: Array<ReturnType<typeof taken>>;
  let watcher: ResultsWatcher;
  const start = async (onFile?: (i: ResultsFileInput) => Promise<unknown>) => {
    watcher = new ResultsWatcher({
      dir,
      settleMs: 200,
      log: silentLogger,
      onFile: onFile ?? (async (i) => void seen.push(taken(i))),
    });
    await watcher.start();
  };
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'results-'));
    seen = [];
  });
  afterEach(() => watcher?.stop());

  it('when files were there before start, then they are handed over at start (catch-up)', async () => {
    const q = resultsFixture('2019_2_15_22_3_QUALIFY.json');
    writeFileSync(path.join(dir, acServerName(q.name)), q.bytes);
    writeFileSync(path.join(dir, 'notes.txt'), 'not a results file');
    await start();
    await waitFor(() => seen.length === 1);
    expect(path.basename(seen[0]!.path)).toBe(acServerName(q.name));
    expect(seen[0]?.bytes.equals(q.bytes)).toBe(true);
  });

  it('when a file is written slowly in pieces, then only the complete file is taken, once, without waiting for it to settle', async () => {
    // As the ingest does: a file that does not parse yet, moments after a change, is not complete.
    const complete: Array<ReturnType<typeof taken>> = [];
    await start(async (i) => {
      const input = taken(i);
      try {
        JSON.parse(input.bytes.toString());
      } catch {
        return { status: 'failed', file: input.path, error: 'not JSON yet', unsettled: input.settled === false };
      }
      complete.push(input);
      return { status: 'ingested' };
    });
    const r = resultsFixture('2019_3_2_22_3_RACE.json');
    const file = path.join(dir, acServerName(r.name));
    const fd = openSync(file, 'w');
    const step = Math.ceil(r.bytes.length / 5);
    for (let i = 0; i < r.bytes.length; i += step) {
      writeSync(fd, r.bytes.subarray(i, i + step));
      await sleep(60); // pauses shorter than the settle time, as acServer writing in place
    }
    closeSync(fd);
    await waitFor(() => complete.length >= 1);
    await sleep(400);
    expect(complete).toHaveLength(1);
    expect(complete[0]?.bytes.equals(r.bytes)).toBe(true);
  });

  it('when a complete file appears, then it is handed over without waiting for the settle time', async () => {
    watcher = new ResultsWatcher({
      dir,
      settleMs: 60_000,
      log: silentLogger,
      onFile: async (i) => void seen.push(taken(i)),
    });
    await watcher.start();
    const r = resultsFixture('2019_3_2_22_3_RACE.json');
    writeFileSync(path.join(dir, acServerName(r.name)), r.bytes);
    await waitFor(() => seen.some((s) => s.bytes.equals(r.bytes)));
  });

  it('when a file changes later, then it is handed over again', async () => {
    await start();
    const file = path.join(dir, '2026_1_1_20_0_PRACTICE.json');
    writeFileSync(file, '{"a":1}');
    await waitFor(() => seen.length === 1);
    writeFileSync(file, '{"a":2}');
    await waitFor(() => seen.length === 2);
    expect(seen[1]?.bytes.toString()).toBe('{"a":2}');
  });

  it('when storing a file fails (store down), then it is tried again later without the file changing', async () => {
    let calls = 0;
    watcher = new ResultsWatcher({
      dir,
      settleMs: 50,
      retryBaseMs: 100,
      log: silentLogger,
      onFile: async (i) => {
        calls++;
        if (calls < 3) throw new Error('SQLITE_BUSY: database is locked');
        seen.push(taken(i));
      },
    });
    await watcher.start();
    writeFileSync(path.join(dir, '2026_1_1_20_0_PRACTICE.json'), '{}');
    await waitFor(() => seen.length === 1, 5000);
    expect(calls).toBe(3);
  });

  it('when handling a file throws, then the watcher carries on with the next one', async () => {
    let calls = 0;
    await start(async (i) => {
      calls++;
      if (i.path.endsWith('bad.json')) throw new Error('boom');
      seen.push(taken(i));
    });
    writeFileSync(path.join(dir, 'bad.json'), '{}');
    await waitFor(() => calls === 1);
    writeFileSync(path.join(dir, 'good.json'), '{}');
    await waitFor(() => seen.length === 1);
    expect(path.basename(seen[0]!.path)).toBe('good.json');
  });

  it('when stopped while a file is being handled, then stop waits for it to finish', async () => {
    let started = false;
    let finished = false;
    await start(async () => {
      started = true;
      await sleep(300);
      finished = true;
    });
    writeFileSync(path.join(dir, 'slow.json'), '{}');
    // Stopped once the handler runs: a file queued but not yet read when stop comes is left for the next start.
    await waitFor(() => started);
    await watcher.stop();
    expect(finished).toBe(true);
  });
});
