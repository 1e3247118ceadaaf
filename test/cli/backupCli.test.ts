import {
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { runCli } from '../../src/cli/runCli';
import { SqliteStore } from '../../src/adapters/sqlite/SqliteStore';
import { silentLogger } from '../../src/logger';
import { lap } from '../domain/standings/factory';
import { migrations } from '../../src/adapters/sqlite/migrations';
import { FIXTURE_SEASON } from '../support/leagueFixture';

const AT = new Date('2026-12-02T04:30:00Z');

function setup() {
  const dir = mkdtempSync(path.join(tmpdir(), 'backup-'));
  writeFileSync(path.join(dir, 'seasonConfig.json'), FIXTURE_SEASON);
  mkdirSync(path.join(dir, 'results'));
  const env = {
    DATA_DIR: path.join(dir, 'data'),
    RESULTS_DIR: path.join(dir, 'results'),
    SEASON_CONFIG: path.join(dir, 'seasonConfig.json'),
    LOG_LEVEL: 'silent',
  };
  return { dir, env, db: path.join(dir, 'data', 'league.db') };
}

const laps = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) =>
    lap({ event: 'season1#event1', guid: `7656119800000${from + i}`, ms: 90_000 + i, ts: from + i }),
  );

/** A database as the bot leaves it: laps and a processed-file record, WAL mode. */
async function seed(file: string, count = 50) {
  const store = SqliteStore.open(file, silentLogger);
  await store.putLaps(laps(count));
  await store.put('processed', 'a.json', { file: 'a.json', hash: 'h', status: 'ingested', lapCount: count });
  await store.close();
}

async function run(argv: string[], env: NodeJS.ProcessEnv, at = AT) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, env, { out: (s) => out.push(s), err: (s) => err.push(s) }, { now: () => at });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run cli -- backup', () => {
  it('when asked with no destination, then DATA_DIR/backups gets a dated, checked copy the bot can open as its database', async () => {
    const { env, db } = setup();
    await seed(db);
    const r = await run(['backup'], env);
    expect(r.code).toBe(0);
    const copy = path.join(env.DATA_DIR, 'backups', 'league-2026-12-02T04-30-00Z.db');
    expect(r.out).toContain(`to ${copy}:`);
    expect(r.out).toContain(`50 laps, schema version ${migrations.length}, checked`);
    // One self-contained file (its header says rollback journal, not WAL: no -wal file goes with
    // it), not readable by other users (it holds Steam GUIDs).
    expect(readdirSync(path.dirname(copy))).toEqual([path.basename(copy)]);
    expect([...readFileSync(copy).subarray(18, 20)]).toEqual([1, 1]);
    expect(statSync(copy).mode & 0o777).toBe(0o640);
    const restored = SqliteStore.open(copy, silentLogger);
    try {
      expect(await restored.lapsForEvent('season1#event1')).toHaveLength(50);
      expect(await restored.get('processed', 'a.json')).toEqual(expect.objectContaining({ lapCount: 50 }));
      expect(restored.info().journalMode).toBe('wal');
    } finally {
      await restored.close();
    }
  });

  it('when the bot holds committed laps in its WAL and is in the middle of a write, then the copy has every committed lap, none of the write, and does not wait for it', async () => {
    const { env, db } = setup();
    await seed(db, 10);
    // The bot's connection: commits stay in league.db-wal until a checkpoint, so a plain copy of
    // league.db would miss them.
    const bot = new Database(db);
    bot.pragma('journal_mode = WAL');
    const insert = bot.prepare(
      `INSERT INTO laps (event_id, lap_key, driver_guid, driver_name, car_model, lap_time_ms, sectors_ms, cuts, valid,
         session_type, track, track_config, result_file, lap_timestamp, recorded_at)
       VALUES ('season1#event1', ?, 'g', 'n', 'c', 90000, '[]', 0, 1, 'PRACTICE', 't', '', 'f.json', 1, 'x')`,
    );
    bot.transaction(() => {
      for (let i = 0; i < 5; i++) insert.run(`committed#${i}`);
    })();
    expect(statSync(`${db}-wal`).size).toBeGreaterThan(0);
    bot.exec('BEGIN IMMEDIATE');
    for (let i = 0; i < 3; i++) insert.run(`pending#${i}`);
    try {
      const r = await run(['backup', '--json'], env);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out)).toEqual(expect.objectContaining({ laps: 15, removed: [] }));
    } finally {
      bot.exec('COMMIT');
      bot.close();
    }
    const after = await run(['backup', '--json'], env, new Date(AT.getTime() + 1000));
    expect(JSON.parse(after.out).laps).toBe(18);
  });

  it("when --keep N is given, then only the newest N dated copies stay, and the folder's other files are left alone", async () => {
    const { env, db } = setup();
    await seed(db);
    const folder = path.join(env.DATA_DIR, 'backups');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'league-before-upgrade.db'), 'mine');
    for (let day = 1; day <= 4; day++) {
      const r = await run(['backup', '--keep', '2'], env, new Date(Date.UTC(2026, 11, day, 4, 30)));
      expect(r.code).toBe(0);
    }
    expect(readdirSync(folder).sort()).toEqual([
      'league-2026-12-03T04-30-00Z.db',
      'league-2026-12-04T04-30-00Z.db',
      'league-before-upgrade.db',
    ]);
    const last = await run(['backup', '--keep', '1', '--json'], env, new Date(Date.UTC(2026, 11, 5, 4, 30)));
    expect(JSON.parse(last.out).removed).toEqual(['league-2026-12-03T04-30-00Z.db', 'league-2026-12-04T04-30-00Z.db']);

    // A copy named by a clock that was ahead: the copy just made is still kept, the other goes.
    writeFileSync(path.join(folder, 'league-2030-01-01T00-00-00Z.db'), '');
    const behind = await run(['backup', '--keep', '1', '--json'], env, new Date(Date.UTC(2026, 11, 6, 4, 30)));
    expect(JSON.parse(behind.out).removed).toEqual([
      'league-2026-12-05T04-30-00Z.db',
      'league-2030-01-01T00-00-00Z.db',
    ]);
    expect(readdirSync(folder).sort()).toEqual(['league-2026-12-06T04-30-00Z.db', 'league-before-upgrade.db']);
  });

  it('when given a file name, then the copy goes there, replacing an older copy whole', async () => {
    const { dir, env, db } = setup();
    await seed(db, 3);
    const file = path.join(dir, 'offsite', 'league.db');
    expect((await run(['backup', file], env)).code).toBe(0);
    await seed(db, 7); // 7 laps under the same keys as the first 3, and 4 more
    const r = await run(['backup', file, '--json'], env);
    expect(JSON.parse(r.out)).toEqual(expect.objectContaining({ file, laps: 7 }));
    expect(readdirSync(path.dirname(file))).toEqual(['league.db']);
  });

  it("when the bot is not running, then the -wal and -shm files SQLite makes for the copy belong to the database's owner, not to whoever ran the backup", async () => {
    const { env, db } = setup();
    await seed(db);
    rmSync(`${db}-wal`, { force: true });
    rmSync(`${db}-shm`, { force: true });
    // As root (sudo), the database is the bot's user's; otherwise the CLI's user owns it anyway.
    const owner = process.getuid?.() === 0 ? 65534 : process.getuid!();
    chownSync(db, owner, owner);
    expect((await run(['backup'], env)).code).toBe(0);
    for (const side of [`${db}-wal`, `${db}-shm`]) if (existsSync(side)) expect(statSync(side).uid).toBe(owner);
    expect(existsSync(`${db}-shm`)).toBe(true);
  });

  it("when run as root, then the folder it makes and the copy belong to the database's owner, so the bot's user can make the next one", async () => {
    const { env, db } = setup();
    await seed(db);
    const owner = process.getuid?.() === 0 ? 65534 : process.getuid!();
    chownSync(db, owner, owner);
    expect((await run(['backup'], env)).code).toBe(0);
    const folder = path.join(env.DATA_DIR, 'backups');
    expect(statSync(folder).uid).toBe(owner);
    expect(statSync(path.join(folder, 'league-2026-12-02T04-30-00Z.db')).uid).toBe(owner);
  });

  it('when a backup was killed mid-copy, then its old temp file is removed by the next one (a fresh one, perhaps of a backup still running, is not)', async () => {
    const { env, db } = setup();
    await seed(db);
    const folder = path.join(env.DATA_DIR, 'backups');
    mkdirSync(folder, { recursive: true });
    const stale = path.join(folder, '.league-2026-12-01T04-30-00Z.db.1b4e28ba-2fa1-11d2-883f-0016d3cca427.backup.tmp');
    const fresh = path.join(folder, '.league-2026-12-02T04-29-59Z.db.6fa459ea-ee8a-3ca4-894e-db77e160355e.backup.tmp');
    writeFileSync(stale, 'half a copy');
    writeFileSync(`${stale}-journal`, 'its journal');
    utimesSync(`${stale}-journal`, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    writeFileSync(fresh, 'a copy being made');
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(stale, hourAgo, hourAgo);
    expect((await run(['backup'], env)).code).toBe(0);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(`${stale}-journal`)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
  });

  it("when the destination file is not an earlier backup (.env, servers.json) or is one of the database's own files, then it is refused and left as it was", async () => {
    const { dir, env, db } = setup();
    await seed(db);
    const dotEnv = path.join(dir, '.env');
    writeFileSync(dotEnv, 'DISCORD_TOKEN=secret\n');
    const r = await run(['backup', dotEnv], env);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/\.env exists and is not a SQLite database: a backup replaces only an earlier backup/);
    expect(readFileSync(dotEnv, 'utf8')).toBe('DISCORD_TOKEN=secret\n');
    for (const own of ['-wal', '-shm', '-journal']) {
      const file = `${db}${own}`;
      const before = existsSync(file) ? readFileSync(file) : undefined;
      const refused = await run(['backup', file], env);
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(/one of the database's own files/);
      expect(existsSync(file) ? readFileSync(file) : undefined).toEqual(before);
      // Also when named through a symlinked folder.
      const linked = path.join(dir, 'datalink');
      if (!existsSync(linked)) symlinkSync(path.dirname(db), linked);
      expect((await run(['backup', path.join(linked, path.basename(file))], env)).code).toBe(1);
      expect(existsSync(file) ? readFileSync(file) : undefined).toEqual(before);
    }
  });

  it('when the destination is a symlink to an earlier backup, then that backup is replaced and the link stays', async () => {
    const { dir, env, db } = setup();
    await seed(db, 3);
    const real = path.join(dir, 'real.db');
    expect((await run(['backup', real], env)).code).toBe(0);
    const link = path.join(dir, 'latest.db');
    symlinkSync(real, link);
    await seed(db, 7);
    const r = await run(['backup', link, '--json'], env);
    expect(JSON.parse(r.out)).toEqual(expect.objectContaining({ file: real, laps: 7 }));
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('when the copy fails half-way (the file at SQLITE_PATH is not a database), then the previous copy stays and no temp file is left', async () => {
    const { dir, env, db } = setup();
    await seed(db, 3);
    const copy = path.join(dir, 'copies', 'league.db');
    expect((await run(['backup', copy], env)).code).toBe(0);
    const before = readFileSync(copy);
    writeFileSync(db, 'not a database, but big enough to look like one '.repeat(100));
    rmSync(`${db}-wal`, { force: true });
    rmSync(`${db}-shm`, { force: true });
    const r = await run(['backup', copy], env);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error: .*not a database/);
    expect(readFileSync(copy).equals(before)).toBe(true);
    expect(readdirSync(path.dirname(copy))).toEqual(['league.db']);
  });

  it('when the season config is broken, then a backup still works (it needs only the database)', async () => {
    const { env, db } = setup();
    await seed(db);
    writeFileSync(env.SEASON_CONFIG, '{ "seasons": [');
    expect((await run(['leaderboard'], env)).code).toBe(1);
    expect((await run(['backup'], env)).code).toBe(0);
  });

  it('when there is nothing to back up or the destination is wrong, then it exits 1 saying why, leaving nothing behind', async () => {
    const { dir, env, db } = setup();
    const none = await run(['backup'], env);
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/no SQLite database at .*league\.db: nothing to back up yet/);

    await seed(db);
    const itself = await run(['backup', db], env);
    expect(itself.code).toBe(1);
    expect(itself.err).toMatch(/is the database itself/);

    const keepFile = await run(['backup', path.join(dir, 'x.db'), '--keep', '3'], env);
    expect(keepFile.code).toBe(1);
    expect(keepFile.err).toMatch(/--keep applies to a folder/);

    for (const keep of ['0', 'two', '1.5']) {
      const r = await run(['backup', '--keep', keep], env);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/--keep needs a whole number/);
    }

    // A destination under a file: the folder cannot be made.
    const blocker = path.join(dir, 'not-a-folder');
    writeFileSync(blocker, 'x');
    const bad = await run(['backup', path.join(blocker, 'league.db')], env);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^error: .*not-a-folder/);
    expect(readFileSync(blocker, 'utf8')).toBe('x');
    expect(existsSync(path.join(env.DATA_DIR, 'backups'))).toBe(false);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(blocker.replace('not-a-folder', '')).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it("when the store is DynamoDB, then it exits 1 and names DynamoDB's own backups for both tables", async () => {
    const { env } = setup();
    const r = await run(['backup'], { ...env, STORE: 'dynamodb', AWS_REGION: 'eu-west-1' });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/point-in-time recovery.*--table-name Results.*BotState/);
  });
});
