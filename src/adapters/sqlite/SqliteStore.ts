import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Store } from '../../app/ports';
import type { Lap, SessionType } from '../../domain/types';
import type { Logger } from '../../logger';
import { checkKey, checkLaps, toJson } from '../stateValue';
import { migrate } from './migrations';
import { LIVE_KEY_MARK } from '../../domain/liveLaps/liveLap';

interface LapRow {
  event_id: string;
  lap_key: string;
  driver_guid: string;
  driver_name: string;
  car_model: string;
  lap_time_ms: number;
  sectors_ms: string;
  cuts: number;
  valid: number;
  invalid_reason: string | null;
  tyre: string | null;
  session_type: string;
  track: string;
  track_config: string;
  result_file: string;
  lap_timestamp: number;
  session_time: string | null;
  recorded_at: string;
  server: string | null;
}

const LAP_COLUMNS =
  'event_id, lap_key, driver_guid, driver_name, car_model, lap_time_ms, sectors_ms, cuts, valid, invalid_reason, tyre, ' +
  'session_type, track, track_config, result_file, lap_timestamp, session_time, recorded_at, server';

function prepare(db: Database.Database) {
  const cols = LAP_COLUMNS.split(', ');
  const updates = cols
    .slice(2)
    .map((c) => `${c} = excluded.${c}`)
    .join(', ');
  return {
    // Positional values: binding an object by name costs more than the insert itself in a backlog.
    upsertLap: db.prepare<LapValues>(
      `INSERT INTO laps (${LAP_COLUMNS}) VALUES (${cols.map(() => '?').join(', ')})
       ON CONFLICT (event_id, lap_key) DO UPDATE SET ${updates}`,
    ),
    insertNewLap: db.prepare<LapValues>(
      `INSERT INTO laps (${LAP_COLUMNS}) VALUES (${cols.map(() => '?').join(', ')}) ON CONFLICT (event_id, lap_key) DO NOTHING`,
    ),
    deleteLap: db.prepare<[string, string]>('DELETE FROM laps WHERE event_id = ? AND lap_key = ?'),
    lapsForEvent: db.prepare<[string], LapRow>(`SELECT ${LAP_COLUMNS} FROM laps WHERE event_id = ? ORDER BY lap_key`),
    // Keyset paging on the primary key: each page starts where the last one ended, without OFFSET.
    lapPage: db.prepare<[string, string, number], LapRow>(
      `SELECT ${LAP_COLUMNS} FROM laps WHERE event_id = ? AND lap_key > ? ORDER BY lap_key LIMIT ?`,
    ),
    liveLapsForEvent: db.prepare<[string], LapRow>(
      `SELECT ${LAP_COLUMNS} FROM laps WHERE event_id = ? AND instr(lap_key, '${LIVE_KEY_MARK}') > 0 ORDER BY lap_key`,
    ),
    // One statement for any number of keys: a read per key costs a transaction each.
    lapsWithKeys: db.prepare<[string, string], LapRow>(
      `SELECT ${LAP_COLUMNS} FROM laps WHERE event_id = ? AND lap_key IN (SELECT value FROM json_each(?))`,
    ),
    getState: db.prepare<[string, string], string>('SELECT value FROM state WHERE ns = ? AND key = ?').pluck(),
    putState: db.prepare<[string, string, string]>(
      'INSERT INTO state (ns, key, value) VALUES (?, ?, ?) ON CONFLICT (ns, key) DO UPDATE SET value = excluded.value',
    ),
    deleteState: db.prepare<[string, string]>('DELETE FROM state WHERE ns = ? AND key = ?'),
    insertState: db.prepare<[string, string, string]>(
      'INSERT INTO state (ns, key, value) VALUES (?, ?, ?) ON CONFLICT (ns, key) DO NOTHING',
    ),
    takeState: db
      .prepare<[string, string], string>('DELETE FROM state WHERE ns = ? AND key = ? RETURNING value')
      .pluck(),
    listState: db.prepare<[string], { key: string; value: string }>(
      'SELECT key, value FROM state WHERE ns = ? ORDER BY key',
    ),
  };
}

/** WAL pages before they are copied into the database file, and the WAL size kept after (store and raw bench). */
export const WAL_CHECKPOINT_PAGES = 10_000;
export const WAL_KEEP_BYTES = 8 * 1024 * 1024;

/** A write failed because SQLite opened the file read-only (its folder was not writable then). */
function isReadOnly(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN'));
}

/** The embedded backend: one SQLite file holding laps and bot state. */
export class SqliteStore implements Store {
  // Replaced together when the file is reopened (see retrying()).
  private db!: Database.Database;
  private stmt!: ReturnType<typeof prepare>;
  private putMany!: (laps: readonly Lap[]) => void;
  private putNew!: (laps: readonly Lap[]) => Lap[];
  private deleteMany!: (eventId: string, lapKeys: readonly string[]) => void;
  private closed = false;

  private constructor(
    private readonly file: string,
    private readonly log: Logger,
  ) {}

  private connect(): void {
    const db = new Database(this.file);
    try {
      db.pragma('journal_mode = WAL');
      // The bot and an admin CLI may hold the file at once; wait for the other writer rather than fail.
      db.pragma('busy_timeout = 5000');
      // In WAL mode NORMAL is still crash-safe for the database; only the last commits may roll back on power loss.
      db.pragma('synchronous = NORMAL');
      // Pages are copied from the WAL into the file once it holds 10,000 (40 MB), not 1,000: a
      // backlog's batch writes would each pay a copy and two fsyncs. The WAL is cut back to 8 MB after.
      db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
      db.pragma(`journal_size_limit = ${WAL_KEEP_BYTES}`);
      migrate(db, this.log);
    } catch (err) {
      db.close();
      throw err;
    }
    this.db = db;
    // Prepared once: re-preparing per row costs more than the insert itself.
    this.stmt = prepare(db);
    this.putMany = db.transaction((laps: readonly Lap[]) => {
      const upsert = this.stmt.upsertLap;
      for (const lap of laps) runWithLap(upsert, lap);
    });
    this.putNew = db.transaction((laps: readonly Lap[]) => this.insertNewLaps(laps));
    this.deleteMany = db.transaction((eventId: string, lapKeys: readonly string[]) => {
      for (const key of lapKeys) this.stmt.deleteLap.run(eventId, key);
    });
  }

  /** Inserts the laps whose key is free; returns those whose key is taken. */
  private insertNewLaps(laps: readonly Lap[]): Lap[] {
    const insert = this.stmt.insertNewLap;
    const taken: Lap[] = [];
    for (const lap of laps) {
      lastRun = runWithLap(insert, lap);
      if (lastRun.changes === 0) taken.push(lap);
    }
    return taken;
  }

  /**
   * Opens (creating folder and file if needed) and migrates the database at `file`. A folder that
   * is read-only now (DATA_DIR not writable yet) does not stop start-up: the file is opened again
   * on the next use, and each use says what is wrong until it works.
   */
  static open(file: string, log: Logger): SqliteStore {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const store = new SqliteStore(file, log);
    try {
      store.connect();
    } catch (err) {
      if (!isReadOnly(err)) throw err;
      log.warn({ file, err }, `${store.readOnlyMessage()}; the bot keeps trying on each use`);
    }
    log.debug({ file }, 'sqlite store opened');
    return store;
  }

  private readOnlyMessage(): string {
    return `the SQLite file ${this.file} cannot be written (read-only folder or file): make DATA_DIR (or SQLITE_PATH's folder) writable for the bot's user`;
  }

  /**
   * SQLite decides once, when it opens the file, that it is read-only; it never looks again. So a
   * read-only failure reopens the file and tries once more: the folder may be writable by now.
   */
  private retrying<T>(work: () => T): T {
    if (this.closed) throw new Error('the SQLite store is closed (the database connection is not open)');
    try {
      if (!this.db?.open) this.connect();
      return work();
    } catch (err) {
      if (!isReadOnly(err)) throw err;
      if (this.db?.open) this.db.close();
      try {
        this.connect();
        this.log.info({ file: this.file }, 'SQLite file reopened: it can be written again');
      } catch (again) {
        if (isReadOnly(again))
          throw new Error(`${this.readOnlyMessage()} (${(again as Error).message})`, { cause: again });
        throw again;
      }
      return work();
    }
  }

  /** SQLite settings and schema version, for diagnostics and tests. */
  info(): { journalMode: string; busyTimeoutMs: number; schemaVersion: number; walCheckpointPages: number } {
    return {
      journalMode: this.db.pragma('journal_mode', { simple: true }) as string,
      walCheckpointPages: this.db.pragma('wal_autocheckpoint', { simple: true }) as number,
      busyTimeoutMs: this.db.pragma('busy_timeout', { simple: true }) as number,
      schemaVersion: this.db.pragma('user_version', { simple: true }) as number,
    };
  }

  async putLaps(laps: readonly Lap[]): Promise<void> {
    if (laps.length === 0) return;
    checkLaps(laps);
    this.retrying(() => this.putMany(laps));
    this.log.debug({ count: laps.length }, 'laps stored');
  }

  async putNewLaps(laps: readonly Lap[]): Promise<Lap[]> {
    if (laps.length === 0) return [];
    checkLaps(laps);
    const taken = this.retrying(() => this.putNew(laps));
    this.log.debug({ count: laps.length - taken.length, taken: taken.length }, 'new laps stored');
    return taken;
  }

  async lapsForEvent(eventId: string): Promise<Lap[]> {
    return this.retrying(() => this.stmt.lapsForEvent.all(eventId)).map(fromRow);
  }

  async *lapPagesForEvent(eventId: string, pageSize: number): AsyncIterable<Lap[]> {
    for (let after = ''; ;) {
      const rows = this.retrying(() => this.stmt.lapPage.all(eventId, after, pageSize));
      if (rows.length === 0) return;
      after = rows[rows.length - 1]!.lap_key;
      yield rows.map(fromRow);
      if (rows.length < pageSize) return;
    }
  }

  async liveLapsForEvent(eventId: string): Promise<Lap[]> {
    return this.retrying(() => this.stmt.liveLapsForEvent.all(eventId)).map(fromRow);
  }

  async lapsWithKeys(eventId: string, lapKeys: readonly string[]): Promise<Lap[]> {
    if (lapKeys.length === 0) return [];
    return this.retrying(() => this.stmt.lapsWithKeys.all(eventId, JSON.stringify(lapKeys))).map(fromRow);
  }

  async deleteLaps(eventId: string, lapKeys: readonly string[]): Promise<void> {
    if (lapKeys.length === 0) return;
    this.retrying(() => this.deleteMany(eventId, lapKeys));
    this.log.debug({ eventId, count: lapKeys.length }, 'laps deleted');
  }

  async get<T>(ns: string, key: string): Promise<T | undefined> {
    const value = this.retrying(() => this.stmt.getState.get(ns, key));
    return value === undefined ? undefined : (JSON.parse(value) as T);
  }

  async put<T>(ns: string, key: string, value: T): Promise<void> {
    const row = [checkKey(ns, 'namespace'), checkKey(key, 'key'), toJson(value)] as const;
    this.retrying(() => this.stmt.putState.run(...row));
  }

  async delete(ns: string, key: string): Promise<void> {
    this.retrying(() => this.stmt.deleteState.run(ns, key));
  }

  async insert<T>(ns: string, key: string, value: T): Promise<boolean> {
    return this.stmt.insertState.run(checkKey(ns, 'namespace'), checkKey(key, 'key'), toJson(value)).changes === 1;
  }

  async take<T>(ns: string, key: string): Promise<T | undefined> {
    const value = this.stmt.takeState.get(ns, key);
    return value === undefined ? undefined : (JSON.parse(value) as T);
  }

  async list<T>(ns: string): Promise<Array<{ key: string; value: T }>> {
    return this.retrying(() => this.stmt.listState.all(ns)).map((r) => ({
      key: r.key,
      value: JSON.parse(r.value) as T,
    }));
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.db?.open) this.db.close();
  }
}

/** A lap's column values in LAP_COLUMNS order. */
type LapValues = [
  string,
  string,
  string,
  string,
  string,
  number,
  string,
  number,
  number,
  string | null,
  string | null,
  string,
  string,
  string,
  string,
  number,
  string | null,
  string,
  string | null,
];

/**
 * The last insert's result, kept so its hidden class outlives a batch: under the production node
 * flags (--optimize-for-size) V8 drops it once no result lives, and the optimised insert loop that
 * reads `changes` was thrown away and rebuilt after every batch of a backlog.
 */
let lastRun: Database.RunResult | undefined;

/**
 * Runs `statement` with a lap's column values in LAP_COLUMNS order, passed one by one: a backlog
 * writes 200,000 laps, and an array of values per lap is as much garbage again as the lap.
 */
function runWithLap(statement: Database.Statement<LapValues>, lap: Lap): Database.RunResult {
  return statement.run(
    lap.eventId,
    lap.lapKey,
    lap.driverGuid,
    lap.driverName,
    lap.carModel,
    lap.lapTimeMs,
    // Finite numbers (checked before storing): joining writes them exactly as JSON.stringify would, faster.
    `[${lap.sectorsMs.join(',')}]`,
    lap.cuts,
    lap.valid ? 1 : 0,
    lap.invalidReason ?? null,
    lap.tyre,
    lap.sessionType,
    lap.track,
    lap.trackConfig,
    lap.resultFile,
    lap.lapTimestamp,
    lap.sessionTime,
    lap.recordedAt,
    lap.server ?? null,
  );
}

function fromRow(r: LapRow): Lap {
  // One literal of one shape (a spread per optional field costs more than the rest): the first
  // leaderboard of a large event turns every lap through here.
  const lap: Lap = {
    eventId: r.event_id,
    lapKey: r.lap_key,
    driverGuid: r.driver_guid,
    driverName: r.driver_name,
    carModel: r.car_model,
    lapTimeMs: r.lap_time_ms,
    sectorsMs: JSON.parse(r.sectors_ms) as number[],
    cuts: r.cuts,
    valid: r.valid === 1,
    tyre: r.tyre,
    sessionType: r.session_type as SessionType,
    track: r.track,
    trackConfig: r.track_config,
    resultFile: r.result_file,
    lapTimestamp: r.lap_timestamp,
    sessionTime: r.session_time,
    recordedAt: r.recorded_at,
  };
  if (r.invalid_reason !== null) lap.invalidReason = r.invalid_reason;
  if (r.server !== null) lap.server = r.server;
  return lap;
}
