import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteStore } from '../../src/adapters/sqlite/SqliteStore';
import { silentLogger } from '../../src/logger';
import { lap } from './storeContract';
import { asUnprivileged } from '../support/unprivileged';

// DATA_DIR read-only (a wrong ReadWritePaths, a remount, a full disk's ro fallback): SQLite in WAL
// mode cannot even read then, and it never re-checks a connection it opened that way.
describe('SqliteStore when DATA_DIR is read-only for a while', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqlite-ro-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('when the file was opened while its folder was read-only, then it works again once the folder is writable, without a restart', async () => {
    const file = path.join(dir, 'league.db');
    const first = SqliteStore.open(file, silentLogger);
    await first.putLaps([lap({ lapKey: 'a#1' })]);
    await first.close();

    await asUnprivileged(dir, async () => {
      fs.chmodSync(dir, 0o555);
      const store = SqliteStore.open(file, silentLogger);
      try {
        await expect(store.putLaps([lap({ lapKey: 'b#2' })])).rejects.toThrow(/read-?only/i);
        fs.chmodSync(dir, 0o755);
        await store.putLaps([lap({ lapKey: 'b#2' })]);
        await store.put('message', 'leaderboard', { messageId: '1' });
        expect((await store.lapsForEvent('season1#event2')).map((l) => l.lapKey)).toEqual(['a#1', 'b#2']);
      } finally {
        fs.chmodSync(dir, 0o755);
        await store.close();
      }
    });
  });

  it('when a new file cannot be created in a read-only folder, then opening says so and the store works once the folder is writable', async () => {
    const file = path.join(dir, 'league.db');
    await asUnprivileged(dir, async () => {
      fs.chmodSync(dir, 0o555);
      const store = SqliteStore.open(file, silentLogger);
      try {
        await expect(store.lapsForEvent('season1#event2')).rejects.toThrow(/DATA_DIR|read-?only|writable/i);
        fs.chmodSync(dir, 0o755);
        await store.putLaps([lap()]);
        expect(await store.lapsForEvent('season1#event2')).toHaveLength(1);
      } finally {
        fs.chmodSync(dir, 0o755);
        await store.close();
      }
    });
  });
});
