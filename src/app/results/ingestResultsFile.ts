import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Logger } from '../../logger';
import type { Clock, LapStore } from '../ports';
import type { BotState } from '../runtime/BotState';
import type { SeasonConfig } from '../../domain/season/season';
import type { Lap } from '../../domain/types';
import { parseResults, ResultsParseError } from '../../domain/results/parseResults';
import { attributeResults } from '../../domain/results/attributeResults';
import { lapsFromResults, type LapServer } from '../../domain/results/lapsFromResults';
import { StoreRejectedError } from './storeErrors';
import { keyLaps, storedKeysOfFile } from './keyLaps';

export interface IngestDeps {
  laps: LapStore;
  state: BotState;
  /** The last valid season config (an invalid edit keeps the previous one). */
  season: () => SeasonConfig;
  /** eventId from currentEvent.json, or null. */
  currentEventId: () => Promise<string | null>;
  acServerTimeZone: string;
  /** When a file was processed (its record's `at`). */
  clock: Clock;
  log: Logger;
  /** Told the laps just stored (live-lap reconciliation uses them instead of reading the event again). */
  stored?: (laps: readonly Lap[]) => void;
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

/**
 * One results file -> laps stored. Never throws for a bad file: the outcome says what happened
 * and the file is recorded with its hash, so it is retried only when its content changes.
 */
export async function ingestResultsFile(
  deps: IngestDeps,
  input: ResultsFileInput,
  opts: { forcedEventId?: string; reingest?: boolean } = {},
): Promise<IngestOutcome> {
  const name = path.basename(input.path);
  // Two servers may write files of the same name: each non-default server's are recorded apart.
  const file = deps.server?.inKey ? `${deps.server.id}/${name}` : name;
  let bytes: Buffer | undefined = typeof input.bytes === 'function' ? input.bytes() : input.bytes;
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
    return { status: 'skipped', file, reason: `already processed (${seen.status})` };
  }
  const at = deps.clock.now().toISOString();

  let parsed;
  try {
    parsed = parseResults(bytes, name);
  } catch (err) {
    const error = err instanceof ResultsParseError ? err.message : `results file ${file}: ${String(err)}`;
    if (input.settled === false) return { status: 'failed', file, error, unsettled: true };
    await deps.state.recordProcessedFile({ file, hash, status: 'failed', eventId: null, lapCount: 0, error, at });
    return { status: 'failed', file, error };
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
  const fileLaps = lapsFromResults(parsed, {
    eventId: attribution.eventId,
    sessionTime,
    resultFile: file,
    ...(deps.server ? { server: deps.server } : {}),
  });
  // eslint-disable-next-line no-useless-assignment -- dropping the reference lets the GC free it
  parsed = undefined; // nor the parsed copy while they are stored
  // No lap overwrites a different lap that happens to share its <guid>#<Timestamp> (acServer restarted).
  const { laps } = await keyLaps(deps.laps, fileLaps);
  // Filed under another event before (forced, or the schedule changed): move the laps, so they never count twice.
  const movedFrom = seen?.eventId && seen.eventId !== attribution.eventId ? seen.eventId : undefined;
  try {
    await deps.laps.putLaps(laps);
  } catch (err) {
    // A store that is down throws on (the file is tried again); one that refuses the data always will.
    if (!(err instanceof StoreRejectedError)) throw err;
    const error = `results file ${file}: the store refused its laps: ${err.message}`;
    await deps.state.recordProcessedFile({ file, hash, status: 'failed', eventId: null, lapCount: 0, error, at });
    return { status: 'failed', file, error };
  }
  // Stored in the new event first: a crash in between leaves the laps twice, never nowhere.
  if (movedFrom) {
    const keys = await storedKeysOfFile(deps.laps, fileLaps, movedFrom, file, laps);
    await deps.moving?.(movedFrom, attribution.eventId, keys);
    await deps.laps.deleteLaps(
      movedFrom,
      keys.map((k) => k.from),
    );
  }
  deps.stored?.(laps);

  const status = attribution.kind === 'event' ? 'ingested' : 'unattributed';
  await deps.state.recordProcessedFile({ file, hash, status, eventId: attribution.eventId, lapCount: laps.length, at });
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
