import { mkdtempSync, writeFileSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FSWatcher } from 'chokidar';
import { startWatcher } from '../../../src/adapters/files/startWatcher';
import { captureLog } from '../../support/captureLog';
import { waitFor } from '../../support/fakeDiscord/waitFor';

describe('startWatcher (real chokidar on a temp folder)', () => {
  let dir: string;
  let watcher: FSWatcher | undefined;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'watch-'));
  });
  afterEach(async () => {
    await watcher?.close();
    watcher = undefined;
  });

  it('when files are added, changed and removed, then each event reaches its handler once the file settled', async () => {
    const events: string[] = [];
    const { log } = captureLog();
    watcher = await startWatcher(
      dir,
      {
        what: 'test folder',
        settleMs: 50,
        depth: 0,
        add: (p) => events.push(`add ${path.basename(p)}`),
        change: (p) => events.push(`change ${path.basename(p)}`),
        unlink: (p) => events.push(`unlink ${path.basename(p)}`),
      },
      log,
    );
    const file = path.join(dir, 'a.json');
    writeFileSync(file, '1');
    await waitFor(() => events.includes('add a.json'));
    writeFileSync(file, '22');
    await waitFor(() => events.includes('change a.json'));
    unlinkSync(file);
    await waitFor(() => events.includes('unlink a.json'));
    expect(events).toEqual(['add a.json', 'change a.json', 'unlink a.json']);
  });

  it('when asked for the initial files, then the ones already there are reported before it resolves; otherwise not', async () => {
    writeFileSync(path.join(dir, 'old.json'), '{}');
    const { log } = captureLog();
    const seen: string[] = [];
    watcher = await startWatcher(dir, { what: 'x', settleMs: 0, add: (p) => seen.push(path.basename(p)) }, log);
    expect(seen).toEqual([]);
    await watcher.close();
    watcher = await startWatcher(
      dir,
      { what: 'x', settleMs: 0, initial: true, add: (p) => seen.push(path.basename(p)) },
      log,
    );
    expect(seen).toEqual(['old.json']);
  });

  it('when the watcher reports an error, then it is logged with what is watched and the process goes on', async () => {
    const { log, lines } = captureLog();
    watcher = await startWatcher(dir, { what: 'results folder', settleMs: 0 }, log);
    watcher.emit('error', new Error('EMFILE: too many open files'));
    expect(lines.find((l) => l.msg === 'results folder watcher error; still watching')).toMatchObject({ path: dir });
  });
});
