import type { Lap } from '../domain/types';
import type { PointsProgression } from '../domain/standings/progression';

/** Where laps live (DynamoDB `Results` table or SQLite). */
export interface LapStore {
  /**
   * Insert or overwrite laps by (eventId, lapKey). Writing the same laps twice changes nothing.
   * `replacing`: keys among them the caller found holding a lap already (a copy replacing itself),
   * for a cache over the store that counts laps; stores ignore it.
   */
  putLaps(laps: readonly Lap[], opts?: { replacing?: ReadonlySet<string> }): Promise<void>;
  /**
   * Stores, in one write, each lap whose (eventId, lapKey) no stored lap holds; returns the others,
   * not stored, in order. Optional: a store with it lets a backlog of new results files skip the key
   * lookups (keyLaps) for every lap but those.
   */
  putNewLaps?(laps: readonly Lap[]): Promise<Lap[]>;
  /** Every lap of one event (a query by partition key, never a scan). */
  lapsForEvent(eventId: string): Promise<Lap[]>;
  /** The laps of one event stored under these keys (point reads); unknown keys are left out. */
  lapsWithKeys(eventId: string, lapKeys: readonly string[]): Promise<Lap[]>;
  /**
   * Only the provisional live laps of one event (lapKey holds `#live#`), without loading the rest:
   * an event may hold 200,000 laps. Optional: without it they are filtered from lapsForEvent.
   */
  liveLapsForEvent?(eventId: string): Promise<Lap[]>;
  /**
   * Every lap of one event a page at a time (lapKey order), so an event of 200,000 laps is never
   * in memory at once. Optional: without it lapsForEvent is read whole.
   */
  lapPagesForEvent?(eventId: string, pageSize: number): AsyncIterable<Lap[]>;
  /**
   * Remove laps of one event by key; unknown keys are ignored. Only provisional live laps (UDP
   * plugin) are removed, once the results file's copy of the same lap is stored (docs/live-laps.md).
   */
  deleteLaps(eventId: string, lapKeys: readonly string[]): Promise<void>;
}

/**
 * Small key/value state the bot must remember (processed files, aliases, message ids,
 * last rotation). Namespaced so one backend holds all state. Values are JSON-serialisable.
 */
export interface StateStore {
  get<T>(ns: string, key: string): Promise<T | undefined>;
  put<T>(ns: string, key: string, value: T): Promise<void>;
  delete(ns: string, key: string): Promise<void>;
  list<T>(ns: string): Promise<Array<{ key: string; value: T }>>;
  /**
   * Stores the value only when the key is free, atomically (one of many concurrent inserts wins,
   * across processes too); false when the key was taken. Stewarding and driver links rely on it.
   */
  insert<T>(ns: string, key: string, value: T): Promise<boolean>;
  /** Deletes the key and returns what it held, atomically: of concurrent takes, one gets the value. */
  take<T>(ns: string, key: string): Promise<T | undefined>;
}

/** A backend holding both laps and state. */
export interface Store extends LapStore, StateStore {
  close(): Promise<void>;
}

export interface Clock {
  now(): Date;
}

// eslint-disable-next-line no-restricted-syntax -- the one place the wall clock is read
export const systemClock: Clock = { now: () => new Date() };

/**
 * The JSON files other tools read (leaderboards, standings), kept in step with the store. Paths
 * are relative to DATA_DIR with `/` separators.
 */
export interface OutputFileWriter {
  /** The path of an output file relative to DATA_DIR, as records know it. */
  relative(file: string): string;
  /** Written before, by this process or an earlier one (or the CLI). */
  known(relPath: string): Promise<boolean>;
  /** Writes `value` as JSON unless the file holds it already; true when written. */
  write(relPath: string, value: object): Promise<boolean>;
}

/** Draws the standings points chart as PNG bytes. */
export type ChartRenderer = (
  progression: PointsProgression,
  opts: { title: string; played: number },
) => Promise<Buffer>;
