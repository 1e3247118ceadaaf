import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { SqliteStore, WAL_CHECKPOINT_PAGES, WAL_KEEP_BYTES } from '../src/adapters/sqlite/SqliteStore';
import { silentLogger } from '../src/logger';

/**
 * How fast this machine inserts `rows` lap rows with plain better-sqlite3 (the store's schema and
 * pragmas, one prepared statement, one transaction): the ceiling any ingest can reach here. The
 * median of `runs` inserts, each into a new file: one insert alone swings by a third from run to
 * run on a shared machine, and the ratio of the backlog to it would swing with it.
 */
export function rawInsertRowsPerSec(file: string, rows: number, runs = 3): number {
  const rates = Array.from({ length: runs }, (_, i) => {
    const rate = insertOnce(`${file}.${i}`, rows);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}.${i}${suffix}`, { force: true });
    return rate;
  }).sort((a, b) => a - b);
  return rates[Math.floor(runs / 2)]!;
}

function insertOnce(file: string, rows: number): number {
  // The schema exactly as the store creates it.
  void SqliteStore.open(file, silentLogger).close();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
  db.pragma(`journal_size_limit = ${WAL_KEEP_BYTES}`);
  const insert = db.prepare(
    `INSERT INTO laps (event_id, lap_key, driver_guid, driver_name, car_model, lap_time_ms, sectors_ms, cuts, valid,
       invalid_reason, tyre, session_type, track, track_config, result_file, lap_timestamp, session_time, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const t0 = performance.now();
  db.transaction(() => {
    for (let i = 0; i < rows; i++) {
      const guid = String(76561198000000000n + BigInt(i % 120));
      insert.run(
        's1#e1',
        `${guid}#${100_000 + i * 1200}`,
        guid,
        `Driver ${i % 120}`,
        i % 2 ? 'ks_mazda_mx5_cup' : 'bmw_m3_e30',
        100_000 + (i % 9000),
        JSON.stringify([31_000 + (i % 3000), 42_000, 27_000]),
        i % 5 === 0 ? 1 : 0,
        i % 5 === 0 ? 0 : 1,
        null,
        'SM',
        'PRACTICE',
        'ks_red_bull_ring',
        'layout_national',
        `2026_3_${1 + (i % 28)}_20_0_PRACTICE.json`,
        100_000 + i * 1200,
        '2026-03-01T20:00:00.000Z',
        '2026-03-01T20:00:00.000Z',
      );
    }
  })();
  const seconds = (performance.now() - t0) / 1000;
  db.close();
  return rows / seconds;
}
