import type { Logger } from '../logger';
import type { Clock, LapStore, OutputFileWriter } from './ports';
import type { BotState } from './runtime/BotState';
import type { SeasonConfig, EventConfig } from '../domain/season/season';
import { UNATTRIBUTED_EVENT_ID, type Lap, type Leaderboard } from '../domain/types';
import { ingestResultsFiles, readBefore, type IngestOutcome, type ResultsFileInput } from './results/ingestResultsFile';
import type { FileStat } from '../domain/results/fileStamp';
import type { LapServer } from '../domain/results/lapsFromResults';
import { rankLaps } from '../domain/leaderboard/rankLaps';
import { isLater } from '../domain/results/lapOrder';
import { aliasResolver } from '../domain/leaderboard/aliases';
import { activeEvent, findEvent } from '../domain/season/resolveEvent';
import { toLeaderboardJson, eventLeaderboardPath } from './leaderboard/leaderboardFiles';
import { Coalescer } from './posts/Coalescer';
import { RankingCache } from './leaderboard/RankingCache';
import { LiveLapBook } from './liveLaps/LiveLapBook';
import type { StewardingState } from './stewarding/StewardingState';
import { carryStrikes, type KeyMoves } from './stewarding/carryStrikes';
import { applyStewarding } from '../domain/stewarding/applyStewarding';
import { NO_RULES, type StewardingRules } from '../domain/stewarding/types';

/** Told when an event's laps changed (the Discord leaderboard post, standings, ...). */
export interface LeaderboardListener {
  leaderboardChanged(eventId: string): void;
  /** Names, the schedule or the current event changed (alias, season config, rotation). */
  namesChanged?(): void;
}

/** One acServer's results (servers.json): its events, its current event, its clock. */
export interface ServerFeed {
  server: LapServer;
  /** Only the events this server hosts (seasonForServer). */
  season: () => SeasonConfig;
  readCurrentEventId: () => Promise<string | null>;
  timeZone: string;
}

export interface LeagueDeps {
  laps: LapStore;
  state: BotState;
  season: () => SeasonConfig;
  readCurrentEventId: () => Promise<string | null>;
  acServerTimeZone: string;
  dataDir: string;
  /** The leaderboard files under dataDir. */
  outputs: OutputFileWriter;
  clock: Clock;
  log: Logger;
  /** Leaderboard files are rewritten at most once per this window per event (default 100 ms). */
  fileWindowMs?: number;
  /** First wait before failed leaderboard files are written again (default 2 s, doubling to 5 minutes). */
  fileRetryMs?: number;
  /** Struck laps and excluded drivers; without it every stored valid lap counts. */
  stewarding?: StewardingState;
}

/**
 * The league's data flow in one place:
 * results file -> parsed -> laps stored -> leaderboard ranked -> leaderboard.json + listeners
 * (the Discord post edits itself when told).
 */
export class League {
  private readonly listeners: LeaderboardListener[] = [];
  private readonly files: Coalescer;
  private readonly ranking: RankingCache;
  /** Events whose leaderboard files this process wrote (rewritten when names change). */
  private readonly written = new Set<string>();
  private readonly live: LiveLapBook;

  constructor(private readonly deps: LeagueDeps) {
    this.ranking = new RankingCache(deps.laps, (eventId) => this.rules(eventId));
    // A struck live lap stays struck when the results file's copy replaces it.
    this.live = new LiveLapBook(this.ranking.writingThrough(), deps.log, (eventId, keys) =>
      this.carryStrikes(eventId, eventId, keys),
    );
    // A backlog of 1,000 files rewrites each event's files a few times, not 1,000 times.
    // A failed write (full disk, read-only DATA_DIR) is tried again by itself until the files match the store.
    this.files = new Coalescer(
      deps.fileWindowMs ?? 100,
      (eventId) => this.writeLeaderboardFiles(eventId),
      (eventId, err) =>
        deps.log.error(
          { eventId, err },
          `could not write the leaderboard files of ${eventId}: ${(err as Error).message}; check that ${deps.dataDir} is writable and not full (tried again by itself)`,
        ),
      { baseMs: deps.fileRetryMs ?? 2000, maxMs: 300_000 },
    );
  }

  onLeaderboardChanged(listener: LeaderboardListener): void {
    this.listeners.push(listener);
  }

  async onResultsFile(
    input: ResultsFileInput,
    opts: { forcedEventId?: string; reingest?: boolean; feed?: ServerFeed } = {},
  ): Promise<IngestOutcome> {
    return (await this.onResultsFiles([input], opts))[0]!;
  }

  /**
   * Results files in arrival order (a backlog the watcher found at once): stored together where the
   * store can, then each file's outcome handled as onResultsFile does; an outcome per file, in order.
   */
  async onResultsFiles(
    inputs: readonly ResultsFileInput[],
    opts: { forcedEventId?: string; reingest?: boolean; feed?: ServerFeed } = {},
  ): Promise<IngestOutcome[]> {
    const storedLaps = new Map<string, readonly Lap[]>();
    const handled = async (outcome: IngestOutcome) => {
      const laps = storedLaps.get(outcome.file) ?? [];
      storedLaps.delete(outcome.file);
      await this.afterIngest(outcome, laps);
    };
    return ingestResultsFiles(
      { ...this.ingestDeps(opts.feed), stored: (file, laps) => storedLaps.set(file, laps), handled },
      inputs,
      opts,
    );
  }

  /** The results file is as it was when it was read: the watcher need not read it again. */
  readBefore(filePath: string, stat: FileStat, feed?: ServerFeed): Promise<boolean> {
    return readBefore({ state: this.deps.state, ...(feed ? { server: feed.server } : {}) }, filePath, stat);
  }

  /** What follows one file's ingest: caches, live laps, the log line, the leaderboard told. */
  private async afterIngest(outcome: IngestOutcome, storedLaps: readonly Lap[]): Promise<void> {
    const { log } = this.deps;
    if (outcome.status === 'ingested' || outcome.status === 'unattributed') {
      if (outcome.reread) this.ranking.invalidate(outcome.eventId);
      if (outcome.movedFrom) {
        log.warn(
          { file: outcome.file, from: outcome.movedFrom, to: outcome.eventId },
          `laps of ${outcome.file} moved from ${outcome.movedFrom} to ${outcome.eventId}`,
        );
        if (outcome.movedFrom !== UNATTRIBUTED_EVENT_ID) this.leaderboardChanged(outcome.movedFrom);
      }
    }
    if (outcome.status === 'ingested') {
      await this.live
        .reconcile(outcome.eventId, outcome.file, storedLaps)
        .catch((err: Error) =>
          log.error(
            { err, file: outcome.file },
            `live laps not reconciled with ${outcome.file}: ${err.message}; they still count until the file is read again`,
          ),
        );
    }
    switch (outcome.status) {
      case 'skipped':
        log.debug({ file: outcome.file }, `results file skipped: ${outcome.reason}`);
        break;
      case 'failed':
        if (outcome.unsettled) {
          log.info(
            { file: outcome.file, err: outcome.error },
            `results file ${outcome.file} is not readable yet (${outcome.error}); it changed moments ago, so it is read again once it stops changing`,
          );
          break;
        }
        log.error(
          { file: outcome.file, err: outcome.error },
          `results file not ingested: ${outcome.error}. Nothing was stored from it; it is read again as soon as it changes (fix or re-export it, or move it out of the results folder).`,
        );
        break;
      case 'unattributed':
        log.warn(
          { file: outcome.file, laps: outcome.lapCount },
          `results file kept as unattributed (not counted): ${outcome.reason}`,
        );
        break;
      case 'ingested':
        log.info(
          { file: outcome.file, eventId: outcome.eventId, laps: outcome.lapCount, validLaps: outcome.validLapCount },
          'results ingested',
        );
        this.leaderboardChanged(outcome.eventId);
        break;
    }
  }

  /** A lap from the UDP plugin (LAP_COMPLETED): stored at once, replaced when its results file is ingested. */
  async recordLiveLap(lap: Lap): Promise<void> {
    await this.live.record(lap);
    this.leaderboardChanged(lap.eventId);
  }

  /** Best valid lap per driver, aliases applied. */
  async leaderboard(eventId: string): Promise<Leaderboard> {
    const [ranking, aliases] = await Promise.all([this.ranking.get(eventId), this.deps.state.nameAliases()]);
    return { ...rankLaps(eventId, ranking.laps, aliases), lapCount: ranking.lapCount };
  }

  /** Best valid lap per driver in one car: a faster lap in another car does not hide it (reads every lap of the event). */
  async carLeaderboard(eventId: string, carModel: string): Promise<Leaderboard> {
    const [laps, aliases] = await Promise.all([this.countedLaps(eventId), this.deps.state.nameAliases()]);
    return rankLaps(
      eventId,
      laps.filter((l) => l.carModel === carModel),
      aliases,
    );
  }

  /** Every lap of the event as it counts: struck laps and excluded drivers' laps are not valid, and say why. */
  async countedLaps(eventId: string): Promise<readonly Lap[]> {
    const [laps, rules] = await Promise.all([this.deps.laps.lapsForEvent(eventId), this.rules(eventId)]);
    return applyStewarding(laps, rules);
  }

  /** Every driver with a lap in the event (valid or not), under the name they are shown with. */
  async eventDrivers(eventId: string): Promise<Array<{ driverGuid: string; driverName: string }>> {
    const [ranking, aliases] = await Promise.all([this.ranking.get(eventId), this.deps.state.nameAliases()]);
    const latest = new Map<string, Lap>();
    for (const lap of ranking.laps) {
      const seen = latest.get(lap.driverGuid);
      if (!seen || isLater(lap, seen)) latest.set(lap.driverGuid, lap);
    }
    const nameOf = aliasResolver(aliases);
    return [...latest.values()].map((l) => ({
      driverGuid: l.driverGuid,
      driverName: nameOf(l.driverGuid, l.driverName),
    }));
  }

  /** Every lap of the event as stored, struck ones valid as the data has them (for stewards picking a lap). */
  storedLaps(eventId: string): Promise<Lap[]> {
    return this.deps.laps.lapsForEvent(eventId);
  }

  /** What the stewards decided for an event (its struck laps, its and its season's exclusions). */
  rules(eventId: string): Promise<StewardingRules> {
    return this.deps.stewarding
      ? this.deps.stewarding.rules(eventId, this.event(eventId)?.seasonId)
      : Promise.resolve(NO_RULES);
  }

  /**
   * A stewarding decision about these events: written in turn with ingest (so a file read at the
   * same time never brings a struck lap back), then every output follows (files, posts, standings, website).
   */
  async stewardingChanged<T>(eventIds: readonly string[], write: () => Promise<T>): Promise<T> {
    const result = await this.ranking.rewrite(eventIds, write);
    for (const eventId of eventIds) this.leaderboardChanged(eventId);
    return result;
  }

  /** The laps ranking depends on (best valid + latest per driver), for standings. */
  async rankingLaps(eventId: string): Promise<Lap[]> {
    return (await this.ranking.get(eventId)).laps;
  }

  /** Laps stored for the event, valid or not (read once, then counted as laps arrive). */
  async lapCount(eventId: string): Promise<number> {
    return (await this.ranking.get(eventId)).lapCount;
  }

  /** currentEvent.json when it names an event, else the event the schedule says is running. */
  async currentEventId(): Promise<string | null> {
    const fromFile = await this.deps.readCurrentEventId();
    if (fromFile) return fromFile;
    return activeEvent(this.deps.season(), this.deps.clock.now())?.id ?? null;
  }

  event(eventId: string): EventConfig | undefined {
    return findEvent(this.deps.season(), eventId);
  }

  /** An event's laps or names changed: schedule the files and tell every listener (they coalesce). */
  leaderboardChanged(eventId: string): void {
    this.files.mark(eventId);
    for (const l of this.listeners) l.leaderboardChanged(eventId);
  }

  /** Names or the current event changed (alias, season config, rotation): rewrite the leaderboard files. */
  async refreshFiles(): Promise<void> {
    for (const l of this.listeners) l.namesChanged?.();
    const current = await this.currentEventId();
    if (current) this.files.mark(current);
    for (const eventId of this.written) this.files.mark(eventId);
  }

  /** Another process (the CLI) stored laps for these events: read them again and update everything. */
  changedElsewhere(eventIds: readonly string[]): void {
    for (const eventId of eventIds) {
      this.ranking.invalidate(eventId);
      this.live.forget(eventId);
      if (eventId !== UNATTRIBUTED_EVENT_ID) this.leaderboardChanged(eventId);
    }
  }

  /** Wait until the leaderboard files reflect every change so far (CLI exit, shutdown, tests). */
  flush(): Promise<void> {
    return this.files.flush();
  }

  /**
   * Start-up: every event's leaderboard files are offered for writing; only those missing or out
   * of date are written (OutputFiles), so files a crash or a full disk left behind catch up.
   */
  async reconcileFiles(): Promise<void> {
    for (const event of this.deps.season().seasons.flatMap((s) => s.events)) this.files.mark(event.id);
    const current = await this.currentEventId();
    if (current) this.files.mark(current);
  }

  /** Retries to come included: shutdown. */
  stopRetries(): void {
    this.files.stopRetries();
  }

  private async writeLeaderboardFiles(eventId: string): Promise<void> {
    const file = this.deps.outputs.relative(eventLeaderboardPath(this.deps.dataDir, eventId));
    const current = eventId === (await this.currentEventId());
    const board = await this.leaderboard(eventId);
    // No file for an event nobody drove yet, unless it is running or had one (its laps moved away).
    if (board.lapCount === 0 && !current && !(await this.deps.outputs.known(file))) return;
    this.written.add(eventId);
    const json = toLeaderboardJson(board, this.event(eventId), this.deps.clock.now());
    await this.deps.outputs.write(file, json);
    if (current) await this.deps.outputs.write('leaderboard.json', json);
  }

  private ingestDeps(feed?: ServerFeed) {
    const { state, season, acServerTimeZone, clock, log } = this.deps;
    const moving = (from: string, to: string, keys: KeyMoves) => this.carryStrikes(from, to, keys);
    return {
      laps: this.ranking.writingThrough(),
      state,
      season: feed?.season ?? season,
      currentEventId: feed?.readCurrentEventId ?? this.deps.readCurrentEventId,
      acServerTimeZone: feed?.timeZone ?? acServerTimeZone,
      clock,
      log,
      moving,
      ...(feed ? { server: feed.server } : {}),
    };
  }

  /** Laps got new keys: their strikes follow (carryStrikes), and the event they left is told. */
  private async carryStrikes(fromEvent: string, toEvent: string, keys: KeyMoves): Promise<void> {
    if (!this.deps.stewarding) return;
    const moved = await carryStrikes(
      this.deps.stewarding,
      (eventIds, write) => this.ranking.rewrite(eventIds, write),
      fromEvent,
      toEvent,
      keys,
    );
    if (moved === 0) return;
    this.deps.log.info(
      { from: fromEvent, to: toEvent, laps: moved },
      'struck laps keep their strike under their new keys',
    );
    if (fromEvent !== toEvent) this.leaderboardChanged(fromEvent);
  }
}
