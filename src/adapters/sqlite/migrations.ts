import type Database from 'better-sqlite3';
import type { Logger } from '../../logger';

/**
 * Schema changes in order. Migration N (1-based) brings the file to `PRAGMA user_version = N`.
 * Never edit or reorder a released migration: append a new one instead, because files in the
 * field already carry the version number of the ones they ran.
 */
export interface Migration {
  name: string;
  up(db: Database.Database): void;
}

export const migrations: readonly Migration[] = [
  {
    name: 'laps and state',
    up(db) {
      db.exec(`
        CREATE TABLE laps (
          event_id      TEXT    NOT NULL,
          lap_key       TEXT    NOT NULL,
          driver_guid   TEXT    NOT NULL,
          driver_name   TEXT    NOT NULL,
          car_model     TEXT    NOT NULL,
          lap_time_ms   INTEGER NOT NULL,
          sectors_ms    TEXT    NOT NULL,
          cuts          INTEGER NOT NULL,
          valid         INTEGER NOT NULL,
          tyre          TEXT,
          session_type  TEXT    NOT NULL,
          track         TEXT    NOT NULL,
          track_config  TEXT    NOT NULL,
          result_file   TEXT    NOT NULL,
          lap_timestamp INTEGER NOT NULL,
          session_time  TEXT,
          recorded_at   TEXT    NOT NULL,
          PRIMARY KEY (event_id, lap_key)
        );
        CREATE TABLE state (
          ns    TEXT NOT NULL,
          key   TEXT NOT NULL,
          value TEXT NOT NULL,
          PRIMARY KEY (ns, key)
        );
      `);
    },
  },
  {
    name: 'why a lap does not count',
    up(db) {
      db.exec('ALTER TABLE laps ADD COLUMN invalid_reason TEXT');
    },
  },
  {
    name: 'the server a lap was driven on',
    up(db) {
      db.exec('ALTER TABLE laps ADD COLUMN server TEXT');
    },
  },
];

/**
 * Brings the file up to the latest schema; returns how many migrations ran (0 when current).
 * Each migration and its version bump commit together, so a crash never leaves a half-applied step.
 */
export function migrate(db: Database.Database, log: Logger, list: readonly Migration[] = migrations): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > list.length) {
    throw new Error(
      `database schema version ${current} is newer than this bot knows (${list.length}): ` +
        'run the newer bot version, or restore a backup of the database file',
    );
  }
  let applied = 0;
  for (let version = current + 1; version <= list.length; version++) {
    const m = list[version - 1]!;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${version}`);
    })();
    log.info({ version, migration: m.name }, 'sqlite schema migrated');
    applied++;
  }
  return applied;
}
