import { mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ResultsWatcher } from '../../../src/adapters/files/ResultsWatcher';
import { silentLogger, type Logger } from '../../../src/logger';
import type { ResultsFileInput } from '../../../src/app/results/ingestResultsFile';
import { waitFor } from '../../support/fakeDiscord/waitFor';
import { captureLog } from '../../support/captureLog';

// acServer's results folder only grows: a league running for a year holds thousands of files. A
// watch per file (chokidar's way) runs into the system's limit (8,192 inotify watches per user on
// a 1 GiB machine), after which the folder's own watch fails and no new file is ever seen. The
// watcher holds one watch for the folder, however many files it holds (counted in /proc: Linux,
// what the bot runs on).
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The inotify watches this process holds (Linux: one `inotify wd:` line per watch in fdinfo). */
function inotifyWatches(): number {
  let watches = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    let target: string;
    try {
      target = readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      continue; // closed since the listing
    }
    if (target !== 'anon_inode:inotify') continue;
    const info = readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8');
    watches += info.split('\n').filter((line) => line.startsWith('inotify wd:')).length;
  }
  return watches;
}

describe('ResultsWatcher on a folder of many files', () => {
  let dir: string;
  let handed: Array<{ name: string; content: string }>;
  let watcher: ResultsWatcher;
  const start = async (opts: { rescanMs?: number; log?: Logger } = {}) => {
    watcher = new ResultsWatcher({
      dir,
      settleMs: 200,
      log: silentLogger,
      ...opts,
      onFiles: async (inputs: ResultsFileInput[]) => {
        for (const i of inputs) {
          const bytes = typeof i.bytes === 'function' ? i.bytes() : i.bytes;
          handed.push({ name: path.basename(i.path), content: bytes.toString() });
        }
        return inputs.map(() => ({ status: 'ingested' }));
      },
    });
    await watcher.start();
  };
  const names = () => handed.map((h) => h.name);
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'results-many-'));
    handed = [];
  });
  afterEach(() => watcher?.stop());

  it('when the folder holds 300 files, then the watcher holds one watch, hands every file over once, and still sees new and changed files', async () => {
    for (let i = 0; i < 300; i++) writeFileSync(path.join(dir, `2026_1_1_${i}_0_PRACTICE.json`), `{"n":${i}}`);
    const before = inotifyWatches();
    await start();
    await waitFor(() => handed.length >= 300, 5000, 'the 300 files handed over');
    expect(new Set(names()).size).toBe(300);
    expect(inotifyWatches() - before).toBe(1);

    writeFileSync(path.join(dir, 'new.json'), '{"n":"new"}');
    await waitFor(() => names().includes('new.json'), 5000, 'new.json handed over');
    writeFileSync(path.join(dir, 'new.json'), '{"n":"changed"}');
    await waitFor(() => handed.some((h) => h.content === '{"n":"changed"}'), 5000, 'the change handed over');
    await sleep(200);
    // Each write is one handover, read complete (not once per event of the write).
    expect(handed.filter((h) => h.name === 'new.json').map((h) => h.content)).toEqual([
      '{"n":"new"}',
      '{"n":"changed"}',
    ]);
    expect(handed).toHaveLength(302);
    expect(inotifyWatches() - before).toBe(1);
  });

  it('when a file arrives unseen (its event lost: the system event queue overflowed), then the periodic listing of the folder finds it', async () => {
    await start({ rescanMs: 200 });
    // The folder's watch closed: as good as an overflowed event queue for what comes next.
    (watcher as unknown as { events: { watcher: { close(): void } } }).events.watcher.close();
    writeFileSync(path.join(dir, 'unseen.json'), '{}');
    await waitFor(() => names().includes('unseen.json'), 3000, 'unseen.json found by the listing');
    await sleep(500);
    expect(names()).toEqual(['unseen.json']); // listed again each time, handed over once
  });

  it('when the results folder is deleted and made again, then the log says so once each way and files in the new folder are read', async () => {
    const { log, lines } = captureLog();
    await start({ rescanMs: 100, log });
    rmSync(dir, { recursive: true });
    await waitFor(() => lines.some((l) => String(l.msg).includes('cannot list the results folder')), 3000, 'gone');
    await sleep(300); // a few more listings while it is gone
    mkdirSync(dir);
    await waitFor(() => lines.some((l) => String(l.msg).includes('watching it again')), 3000, 'back');
    writeFileSync(path.join(dir, 'after.json'), '{}');
    await waitFor(() => names().includes('after.json'), 3000, 'after.json handed over');
    expect(lines.filter((l) => String(l.msg).includes('cannot list the results folder'))).toHaveLength(1);
    expect(lines.filter((l) => String(l.msg).includes('watching it again'))).toHaveLength(1);
  });
});
