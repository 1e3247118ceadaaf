import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Logger } from '../../logger';
import type { Clock, LapStore } from '../ports';
import type { BotState, ProcessedFile } from '../runtime/BotState';
import type { SeasonConfig } from '../../domain/season/season';
import type { Lap } from '../../domain/types';
import { parseResults, ResultsParseError } from '../../domain/results/parseResults';
import { attributeResults, type Attribution } from '../../domain/results/attributeResults';
import { lapsFromResults, type LapServer } from '../../domain/results/lapsFromResults';
import { StoreRejectedError } from './storeErrors';
import { keyLaps, storedKeysOfFile } from './keyLaps';
import { settledStamp, unchangedSince, type FileStamp, type FileStat } from '../../domain/results/fileStamp';

export interface IngestDeps {
  laps: LapStore;
  state: BotState;
  /** The last valid season config (an invalid edit keeps the previous one). */
  season: () => SeasonConfig;
  /** eventId from currentEvent.json, or null. Read once for the files handed over together. */
  currentEventId: () => Promise<string | null>;
  acServerTimeZone: string;
  /** When a file was processed (its record's `at`). */
  clock: Clock;
  log: Logger;
  /** Told each file's laps just stored (live-lap reconciliation uses them instead of reading the event again). */
  stored?: (file: string, laps: readonly Lap[]) => void;
  /**
   * Told each file's outcome as soon as it is final (after `stored`), in a batch before the next
   * files are done: files done before the store fails are followed up even though the call throws.
   */
  handled?: (outcome: IngestOutcome) => Promise<void>;
  /** Laps are about to move to another event (old key -> new key): stewarding decisions follow them. */
  moving?: (from: string, to: string, keys: ReadonlyArray<{ from: string; to: string }>) => Promise<void>;
  /** The server whose results folder the file is in (servers.json); absent in the single-server setup. */
  server?: LapServer;
}

export interface ResultsFileInput {
  path: string;
  /** As a function, the bytes are handed over once, so a large file is let go of as soon as it is parsed. */
  bytes: Buffer | (() => Buffer);
  /** Used as the session time when neither the file name nor the file holds one. */
  mtime: Date;
  /** false: the file changed moments ago and may still be being written, so a parse failure is not final. */
  settled?: boolean;
  /** The file's stat as it was read, kept with its record (see readBefore). */
  stamp?: FileStamp;
}

export type IngestOutcome =
  | { status: 'skipped'; file: string; reason: string }
  | {
      status: 'ingested' | 'unattributed';
      file: string;
      eventId: string;
      lapCount: number;
      validLapCount: number;
      /** The file had been read before (changed content, or read again on purpose). */
      reread: boolean;
      /** The event this file's laps were filed under before; they were moved from there. */
      movedFrom?: string;
      reason?: string;
    }
  /** `unsettled`: not recorded, the file is read again once it stopped changing. */
  | { status: 'failed'; file: string; error: string; unsettled?: boolean };

/** A file read and parsed, its laps not stored yet. */
interface ReadFile {
  file: string;
  hash: string;
  stamp: FileStamp | undefined;
  seen: ProcessedFile | undefined;
  at: string;
  attribution: Attribution;
  laps: Lap[];
}

type IngestOptions = { forcedEventId?: string; reingest?: boolean };

/** A file's outcome is final: handed on at once, so a batch cut short by an outage loses none. */
type Emit = (read: ReadFile, outcome: IngestOutcome) => Promise<void>;

/**
 * Results files in order -> laps stored; an outcome per file, in the same order. Never throws for a
 * bad file: the outcome says what happened and the file is recorded with its hash, so it is retried
 * only when its content changes (a store that is down throws, and the files are tried again).
 * Files never read before are stored together, in one write where the store can (putNewLaps: a
 * backlog of 1,000 files is then a few writes, not 1,000, and needs no key lookups but for keys
 * already taken); a file read before (changed content, forced or read again on purpose) is stored
 * on its own, in turn.
 */
export async function ingestResultsFiles(
  deps: IngestDeps,
  inputs: readonly ResultsFileInput[],
  opts: IngestOptions = {},
): Promise<IngestOutcome[]> {
  const outcomes: IngestOutcome[] = [];
  const indexOf = new Map<ReadFile, number>();
  const settle = async (index: number, outcome: IngestOutcome) => {
    outcomes[index] = outcome;
    await deps.handled?.(outcome);
  };
  const emit: Emit = (read, outcome) => settle(indexOf.get(read)!, outcome);
  // Read once, when the first file needs it: a backlog of 1,000 files is not 1,000 reads of
  // currentEvent.json, and a start-up scan of files read before needs none. A rotation while a
  // batch runs applies from the next batch on.
  let currentEvent: Promise<string | null> | undefined;
  const fileDeps = { ...deps, currentEventId: () => (currentEvent ??= deps.currentEventId()) };
  let batch: ReadFile[] = [];
  const storeBatch = async () => {
    const files = batch;
    batch = [];
    await storeNewFiles(deps, files, emit);
  };
  for (const [index, input] of inputs.entries()) {
    const read = await readFile(fileDeps, input, opts);
    if ('status' in read) {
      await settle(index, read);
      continue;
    }
    indexOf.set(read, index);
    if (deps.laps.putNewLaps && !read.seen && !opts.forcedEventId && !opts.reingest) batch.push(read);
    else {
      await storeBatch(); // files stay in order: an earlier new file is stored before this one
      await emit(read, await storeFile(deps, read));
    }
  }
  await storeBatch();
  return outcomes;
}

/** The name a results file is recorded under: two servers may write files of the same name, so each non-default server's are recorded apart. */
function recordName(server: LapServer | undefined, filePath: string): string {
  const name = path.basename(filePath);
  return server?.inKey ? `${server.id}/${name}` : name;
}

/**
 * True when the file is as it was when it was read (unchangedSince): it need not be read and hashed
 * again (each start lists the whole results folder, and a season's folder holds thousands of files).
 */
export async function readBefore(
  deps: Pick<IngestDeps, 'state' | 'server'>,
  filePath: string,
  stat: FileStat,
): Promise<boolean> {
  const seen = await deps.state.processedFile(recordName(deps.server, filePath));
  return unchangedSince(seen?.stamp, stat);
}

/** Hash, parse and attribute one file: its laps, or the outcome when there is nothing to store. */
async function readFile(
  deps: IngestDeps,
  input: ResultsFileInput,
  opts: IngestOptions,
): Promise<ReadFile | IngestOutcome> {
  const name = path.basename(input.path);
  const file = recordName(deps.server, input.path);
  let bytes: Buffer | undefined = typeof input.bytes === 'function' ? input.bytes() : input.bytes;
  const { stamp } = input;
  const hash = createHash('sha256').update(bytes).digest('hex');
  const seen = await deps.state.processedFile(file);
  if (seen && seen.hash === hash && !opts.reingest && !opts.forcedEventId) {
    // Written since it was read (copied in again): say why nothing happens. A file untouched since
    // (the start-up scan of the folder) stays quiet.
    if (input.mtime.getTime() > Date.parse(seen.at)) {
      deps.log.info(
        { file, processedAt: seen.at, status: seen.status },
        `results file ${file} was already read on ${seen.at} with the same content: skipped, nothing changes (its laps are stored once). To file it under another event: npm run cli -- ingest <file> --event <id>`,
      );
    }
    // Recorded before stamps were kept, touched since, or read moments after a change: the record
    // gets this read's stamp, so the next start need not read the file again (unless this one proves
    // nothing either: a modification time in the future).
    if (stamp && settledStamp(stamp) && !unchangedSince(seen.stamp, stamp)) await refreshStamp(deps, seen, stamp);
    return { status: 'skipped', file, reason: `already processed (${seen.status})` };
  }
  const at = deps.clock.now().toISOString();

  let parsed;
  try {
    parsed = parseResults(bytes, name);
  } catch (err) {
    const error = err instanceof ResultsParseError ? err.message : `results file ${file}: ${String(err)}`;
    if (input.settled === false) return { status: 'failed', file, error, unsettled: true };
    return recordFailed(deps, { file, hash, at, stamp }, error);
  }
  // eslint-disable-next-line no-useless-assignment -- dropping the reference lets the GC free the file
  bytes = undefined; // a 50 MB file must not stay in memory while its laps are stored
  for (const warning of parsed.warnings) deps.log.warn({ file }, warning);

  const attribution = attributeResults({
    config: deps.season(),
    parsed,
    acServerTimeZone: deps.acServerTimeZone,
    currentEventId: await deps.currentEventId(),
    forcedEventId: opts.forcedEventId,
  });
  if (attribution.kind === 'event' && attribution.note)
    deps.log.warn({ file, eventId: attribution.eventId }, attribution.note);
  const sessionTime = attribution.sessionTime ?? input.mtime.toISOString();
  const laps = lapsFromResults(parsed, {
    eventId: attribution.eventId,
    sessionTime,
    resultFile: file,
    ...(deps.server ? { server: deps.server } : {}),
  });
  return { file, hash, stamp, seen, at, attribution, laps };
}

/** One file's laps keyed by lookups and stored; laps filed under another event before are moved. */
async function storeFile(deps: IngestDeps, read: ReadFile): Promise<IngestOutcome> {
  const { file, seen, attribution } = read;
  // No lap overwrites a different lap that happens to share its <guid>#<Timestamp> (acServer restarted).
  const { laps, replacing } = await keyLaps(deps.laps, read.laps);
  // Filed under another event before (forced, or the schedule changed): move the laps, so they never count twice.
  const movedFrom = seen?.eventId && seen.eventId !== attribution.eventId ? seen.eventId : undefined;
  const put = await writeOrRefuse(deps, read, () => deps.laps.putLaps(laps, { replacing }));
  if ('failed' in put) return put.failed;
  // Stored in the new event first: a crash in between leaves the laps twice, never nowhere.
  if (movedFrom) {
    const keys = await storedKeysOfFile(deps.laps, read.laps, movedFrom, file, laps);
    await deps.moving?.(movedFrom, attribution.eventId, keys);
    await deps.laps.deleteLaps(
      movedFrom,
      keys.map((k) => k.from),
    );
  }
  return recorded(deps, read, laps, movedFrom);
}

/**
 * Files never read before, stored in one write (putNewLaps). A lap whose own key is taken (acServer
 * restarted, or a copy of a file already read) is then keyed by lookups (keyLaps) as storeFile does.
 * Each file is recorded only once all its laps are stored. When the store refuses the write (a lap
 * no store can keep), each file is stored on its own, so only the file at fault fails.
 */
async function storeNewFiles(deps: IngestDeps, files: readonly ReadFile[], emit: Emit): Promise<void> {
  if (files.length <= 1 || !deps.laps.putNewLaps) return storeEach(deps, files, emit);
  let taken: Lap[];
  try {
    taken = await deps.laps.putNewLaps(files.flatMap((f) => f.laps));
  } catch (err) {
    if (!(err instanceof StoreRejectedError)) throw err;
    return storeEach(deps, files, emit);
  }
  const takenOf = groupByFile(taken);
  for (const read of files) await emit(read, await keyTaken(deps, read, takenOf.get(read.file) ?? []));
}

async function storeEach(deps: IngestDeps, files: readonly ReadFile[], emit: Emit): Promise<void> {
  for (const read of files) await emit(read, await storeNewFile(deps, read));
}

/** One new file through putNewLaps when the store has it, else keyed by lookups. */
async function storeNewFile(deps: IngestDeps, read: ReadFile): Promise<IngestOutcome> {
  const store = deps.laps;
  if (!store.putNewLaps) return storeFile(deps, read);
  const put = await writeOrRefuse(deps, read, () => store.putNewLaps!(read.laps));
  if ('failed' in put) return put.failed;
  return keyTaken(deps, read, put.ok);
}

/** The laps of a new file whose own key was taken: keyed by lookups and stored; then the file is recorded. */
async function keyTaken(deps: IngestDeps, read: ReadFile, taken: readonly Lap[]): Promise<IngestOutcome> {
  if (taken.length === 0) return recorded(deps, read, read.laps);
  const { laps: keyed, replacing } = await keyLaps(deps.laps, taken);
  const put = await writeOrRefuse(deps, read, () => deps.laps.putLaps(keyed, { replacing }));
  if ('failed' in put) return put.failed;
  const newKey = new Map(taken.map((lap, i) => [lap, keyed[i]!]));
  return recorded(
    deps,
    read,
    read.laps.map((lap) => newKey.get(lap) ?? lap),
  );
}

/**
 * A write of a file's laps. A store that is down throws on (the file is tried again); one that
 * refuses the data always will, so the file is recorded failed with the reason.
 */
async function writeOrRefuse<T>(
  deps: IngestDeps,
  read: ReadFile,
  write: () => Promise<T>,
): Promise<{ ok: T } | { failed: IngestOutcome }> {
  try {
    return { ok: await write() };
  } catch (err) {
    if (!(err instanceof StoreRejectedError)) throw err;
    return {
      failed: await recordFailed(deps, read, `results file ${read.file}: the store refused its laps: ${err.message}`),
    };
  }
}

/**
 * Best effort: a record that keeps its old stamp only means the file is read once more at the next
 * start. Only a record still as it was read gets it, so a record the CLI just rewrote (`ingest
 * --event`) is never put back.
 */
async function refreshStamp(deps: IngestDeps, seen: ProcessedFile, stamp: FileStamp): Promise<void> {
  try {
    const now = await deps.state.processedFile(seen.file);
    if (JSON.stringify(now) === JSON.stringify(seen)) await deps.state.recordProcessedFile({ ...seen, stamp });
  } catch (err) {
    deps.log.debug({ err, file: seen.file }, 'could not record the stat of a results file read before');
  }
}

/** A file that is read again only when it changes: recorded as failed with the reason. */
async function recordFailed(
  deps: IngestDeps,
  { file, hash, at, stamp }: Pick<ReadFile, 'file' | 'hash' | 'at' | 'stamp'>,
  error: string,
): Promise<IngestOutcome> {
  await deps.state.recordProcessedFile({
    file,
    hash,
    status: 'failed',
    eventId: null,
    lapCount: 0,
    error,
    at,
    ...(stamp ? { stamp } : {}),
  });
  return { status: 'failed', file, error };
}

function groupByFile(laps: readonly Lap[]): Map<string, Lap[]> {
  const byFile = new Map<string, Lap[]>();
  for (const lap of laps) {
    const list = byFile.get(lap.resultFile);
    if (list) list.push(lap);
    else byFile.set(lap.resultFile, [lap]);
  }
  return byFile;
}

/** The file's laps are stored: listeners told, the file recorded, its outcome. */
async function recorded(
  deps: IngestDeps,
  read: ReadFile,
  laps: readonly Lap[],
  movedFrom?: string,
): Promise<IngestOutcome> {
  const { file, hash, stamp, seen, at, attribution } = read;
  deps.stored?.(file, laps);
  const status = attribution.kind === 'event' ? 'ingested' : 'unattributed';
  await deps.state.recordProcessedFile({
    file,
    hash,
    status,
    eventId: attribution.eventId,
    lapCount: laps.length,
    at,
    ...(stamp ? { stamp } : {}),
  });
  return {
    status,
    file,
    eventId: attribution.eventId,
    lapCount: laps.length,
    validLapCount: laps.filter((l) => l.valid).length,
    reread: seen !== undefined && seen.status !== 'failed',
    ...(movedFrom ? { movedFrom } : {}),
    ...(attribution.kind === 'unattributed' ? { reason: attribution.reason } : {}),
  };
}
