import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore } from '../../src/adapters/sqlite/SqliteStore';
import { migrate, migrations } from '../../src/adapters/sqlite/migrations';
import { silentLogger } from '../../src/logger';
import { describeStoreContract, lap } from './storeContract';
import { describeStewardingContract } from './stewardingContract';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqlite-store-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describeStoreContract('SQLite file', async () => {
  const store = SqliteStore.open(path.join(tempDir(), 'league.db'), silentLogger);
  return { store, cleanup: () => store.close() };
});

describeStewardingContract('SQLite file', async () => {
  const store = SqliteStore.open(path.join(tempDir(), 'league.db'), silentLogger);
  return { store, cleanup: () => store.close() };
});

describe('SqliteStore', () => {
  it('when an event is read page by page, then every lap of it comes once, in key order, and no other event', async () => {
    const store = SqliteStore.open(path.join(tempDir(), 'league.db'), silentLogger);
    const laps = Array.from({ length: 23 }, (_, i) => lap({ lapTimestamp: 1000 + i }));
    await store.putLaps([...laps, lap({ eventId: 'season1#event3' })]);
    const pages: string[][] = [];
    for await (const page of store.lapPagesForEvent('season1#event2', 5)) pages.push(page.map((l) => l.lapKey));
    await store.close();
    expect(pages.map((p) => p.length)).toEqual([5, 5, 5, 5, 3]);
    expect(pages.flat()).toEqual(laps.map((l) => l.lapKey).sort());
  });

  it('when new laps are put, then those with a free key are stored in one write and the others come back untouched, in order', async () => {
    const store = SqliteStore.open(path.join(tempDir(), 'league.db'), silentLogger);
    const held = lap({ lapTimestamp: 2000, lapTimeMs: 99_000 });
    await store.putLaps([held]);
    const fresh = [lap({ lapTimestamp: 1000 }), lap({ lapTimestamp: 2000 }), lap({ lapTimestamp: 3000 })];
    const again = lap({ lapTimestamp: 1000, lapTimeMs: 77_000 });
    const taken = await store.putNewLaps([...fresh, again]);
    expect(taken).toEqual([fresh[1], again]);
    expect(taken[0]).toBe(fresh[1]);
    const stored = await store.lapsForEvent('season1#event2');
    expect(stored.map((l) => [l.lapTimestamp, l.lapTimeMs])).toEqual([
      [1000, fresh[0]!.lapTimeMs],
      [2000, 99_000],
      [3000, fresh[2]!.lapTimeMs],
    ]);
    await expect(store.putNewLaps([lap({ driverName: 'x'.repeat(2000) })])).rejects.toThrow(/driverName/);
    expect(await store.lapsForEvent('season1#event2')).toHaveLength(3);
    await store.close();
  });

  it('when the folder of the file does not exist, then open creates it', async () => {
    const file = path.join(tempDir(), 'a', 'b', 'league.db');
    const store = SqliteStore.open(file, silentLogger);
    await store.close();
    expect(fs.existsSync(file)).toBe(true);
  });

  it('when the file is reopened, then laps and state are still there', async () => {
    const file = path.join(tempDir(), 'league.db');
    const first = SqliteStore.open(file, silentLogger);
    await first.putLaps([lap()]);
    await first.put('message', 'leaderboard', { messageId: '1' });
    await first.close();

    const second = SqliteStore.open(file, silentLogger);
    expect(await second.lapsForEvent('season1#event2')).toEqual([lap()]);
    expect(await second.get('message', 'leaderboard')).toEqual({ messageId: '1' });
    await second.close();
  });

  it('when opened, then WAL mode and a busy timeout are on and the schema is at the latest version', async () => {
    const store = SqliteStore.open(path.join(tempDir(), 'league.db'), silentLogger);
    expect(store.info()).toEqual({
      journalMode: 'wal',
      busyTimeoutMs: 5000,
      schemaVersion: migrations.length,
      walCheckpointPages: 10_000,
    });
    await store.close();
  });

  it('when migrations run again on a current file, then nothing is applied and data stays', async () => {
    const file = path.join(tempDir(), 'league.db');
    const store = SqliteStore.open(file, silentLogger);
    await store.putLaps([lap()]);
    await store.close();

    const db = new Database(file);
    expect(migrate(db, silentLogger)).toBe(0);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.prepare('SELECT count(*) FROM laps').pluck().get()).toBe(1);
    db.close();
  });

  it('when a new migration is appended, then only it runs, once', async () => {
    const db = new Database(path.join(tempDir(), 'league.db'));
    expect(migrate(db, silentLogger)).toBe(migrations.length);
    const extended = [...migrations, { name: 'extra', up: (d: Database.Database) => d.exec('CREATE TABLE extra (x)') }];
    expect(migrate(db, silentLogger, extended)).toBe(1);
    expect(migrate(db, silentLogger, extended)).toBe(0);
    expect(db.pragma('user_version', { simple: true })).toBe(extended.length);
    db.close();
  });

  it('when a migration fails, then its changes and version bump roll back together', async () => {
    const db = new Database(path.join(tempDir(), 'league.db'));
    migrate(db, silentLogger);
    const broken = [
      ...migrations,
      { name: 'broken', up: (d: Database.Database) => d.exec('CREATE TABLE half (x); SELECT * FROM no_such_table') },
    ];
    expect(() => migrate(db, silentLogger, broken)).toThrow(/no_such_table/);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
    db.close();
  });

  it('when a file of the first schema holding laps is opened, then it gains invalid_reason and its laps read back as before', async () => {
    const file = path.join(tempDir(), 'league.db');
    const db = new Database(file);
    migrate(db, silentLogger, migrations.slice(0, 1));
    db.prepare(
      `INSERT INTO laps VALUES ('season1#event2', '76561198000000001#123456', '76561198000000001', 'Jérôme 小林', 'ks_mazda_mx5_cup',
       101234, '[33001,34002,34231]', 0, 1, 'SM', 'PRACTICE', 'ks_nordschleife', '', '2024_5_12_20_30_PRACTICE.json', 123456,
       '2024-05-12T19:30:00.000Z', '2024-05-12T19:30:00.000Z')`,
    ).run();
    db.close();
    const store = SqliteStore.open(file, silentLogger);
    expect(store.info().schemaVersion).toBe(migrations.length);
    expect(await store.lapsForEvent('season1#event2')).toEqual([lap()]);
    const cut = lap({ lapKey: '76561198000000001#1', lapTimestamp: 1, valid: false, cuts: 1, invalidReason: '1 cut' });
    await store.putLaps([cut]);
    expect((await store.lapsForEvent('season1#event2')).find((l) => l.lapTimestamp === 1)).toEqual(cut);
    await store.close();
  });

  it('when the file was written by a newer schema, then open refuses with a clear message', async () => {
    const file = path.join(tempDir(), 'league.db');
    const db = new Database(file);
    db.pragma(`user_version = ${migrations.length + 1}`);
    db.close();
    expect(() => SqliteStore.open(file, silentLogger)).toThrow(/newer than this bot knows/);
  });

  it('when closed, then further calls reject instead of touching the file', async () => {
    const store = SqliteStore.open(path.join(tempDir(), 'league.db'), silentLogger);
    await store.close();
    await expect(store.lapsForEvent('season1#event2')).rejects.toThrow(/not open/);
  });
});
