import path from 'node:path';
import type { Logger } from '../../logger';
import type { OutputFileWriter } from '../ports';
import type { BotState } from '../runtime/BotState';
import type { League } from '../League';
import type { SeasonConfig } from '../../domain/season/season';
import type { SeasonStandings } from '../../domain/standings/types';
import { combineStandings } from '../../domain/standings/combineStandings';
import { classifyEvent, type EventClassification } from '../../domain/standings/classifyEvent';
import { RowMemo } from '../../domain/standings/RowMemo';
import { toStandingsFile } from '../../domain/standings/standingsFile';
import { Coalescer } from '../posts/Coalescer';

export interface StandingsDeps {
  league: League;
  state: BotState;
  season: () => SeasonConfig;
  dataDir: string;
  /** The standings files under dataDir. */
  outputs: OutputFileWriter;
  log: Logger;
  /** A season's files are rewritten at most once per this window (default 200 ms). */
  windowMs?: number;
  /** First wait before failed standings files are written again (default 2 s, doubling to 5 minutes). */
  retryMs?: number;
}

/** data/standings/season1.json: one file per season, kept for every season in the config. */
export function seasonStandingsPath(dataDir: string, seasonId: string): string {
  return path.join(dataDir, 'standings', `${seasonId.replace(/[^A-Za-z0-9_-]+/g, '_')}.json`);
}

/** data/seasonStandings.json: the current season's standings (same content as its own file). */
export function currentStandingsPath(dataDir: string): string {
  return path.join(dataDir, 'seasonStandings.json');
}

/** One event's classification as last computed, and the count of its stored laps read with it. */
interface KeptEvent {
  classification: EventClassification;
  lapCount: number;
}

/**
 * Season standings from the league's ranking cache (best valid + latest lap per driver and
 * event, read through the lap store by event id). Each scoring event's classification is kept
 * until that event's laps change (the league tells), so a new file costs one event's
 * classification plus the season's combination (points, totals, names, tie-breaks: a sum per
 * driver, and only the rows of drivers in changed events built anew). Any change to a scoring
 * event's laps marks its season; a coalesced run rewrites the season's files and then tells the
 * listeners (the standings post). Aliases and the season config are applied when combining, so
 * they need no event classified again; refreshAll() drops every kept classification all the same.
 */
export class Standings {
  private readonly listeners: Array<(s: SeasonStandings, current: boolean) => void> = [];
  private readonly files: Coalescer;
  /** Per event id: its classification, computed (or being computed) since its laps last changed. */
  private readonly kept = new Map<string, Promise<KeptEvent>>();
  /** Per season: the driver rows of its last combination (a row is rebuilt when its driver's placings change). */
  private readonly rows = new Map<string, RowMemo>();
  private report: (err: unknown, what: string) => void;

  constructor(private readonly deps: StandingsDeps) {
    this.report = (err, what) => deps.log.error({ err }, `${what} failed: ${(err as Error).message}`);
    // A failed write is tried again by itself (growing waits) until the files match the store.
    this.files = new Coalescer(
      deps.windowMs ?? 200,
      (seasonId) => this.write(seasonId),
      (seasonId, err) =>
        this.report(
          err,
          `writing the ${seasonId} standings (check that ${deps.dataDir} is writable and not full; tried again by itself)`,
        ),
      { baseMs: deps.retryMs ?? 2000, maxMs: 300_000 },
    );
    deps.league.onLeaderboardChanged({
      leaderboardChanged: (eventId) => {
        this.kept.delete(eventId);
        const event = deps.league.event(eventId);
        if (event && !event.preseason) this.files.mark(event.seasonId);
      },
    });
  }

  /** Told after a season's files were written, with what they hold and whether it is the current season. */
  onChanged(listener: (s: SeasonStandings, current: boolean) => void): void {
    this.listeners.push(listener);
  }

  /** Task start: errors go to the task runner, and every season is written once. */
  async start(report: (err: unknown, what: string) => void): Promise<void> {
    this.report = report;
    this.refreshAll();
  }

  /** Recompute every season from every event's laps (aliases or season config changed, Discord reconnected). */
  refreshAll(): void {
    this.kept.clear();
    this.rows.clear();
    for (const s of this.deps.season().seasons) this.files.mark(s.id);
  }

  flush(): Promise<void> {
    return this.files.flush();
  }

  /** A season's standings now; undefined when the config has no such season. */
  async compute(seasonId: string): Promise<SeasonStandings | undefined> {
    const season = this.deps.season().seasons.find((s) => s.id === seasonId);
    if (!season) return undefined;
    const scoring = season.events.filter((e) => !e.preseason);
    const [aliases, perEvent] = await Promise.all([
      this.deps.state.nameAliases(),
      Promise.all(scoring.map((e) => this.event(e.id))),
    ]);
    const classified = new Map(perEvent.map((k) => [k.classification.eventId, k.classification]));
    // The cache keeps only the laps ranking needs; the count of every lap stored comes from it too.
    const lapCount = perEvent.reduce((sum, k) => sum + k.lapCount, 0);
    let rows = this.rows.get(seasonId);
    if (!rows) this.rows.set(seasonId, (rows = new RowMemo()));
    return { ...combineStandings(season, classified, aliases, rows), generatedFrom: { lapCount } };
  }

  /** The event's kept classification, computed from its ranking laps when they changed since. */
  private event(eventId: string): Promise<KeptEvent> {
    const kept = this.kept.get(eventId);
    if (kept) return kept;
    const computing = (async () => {
      const [laps, lapCount] = await Promise.all([
        this.deps.league.rankingLaps(eventId),
        this.deps.league.lapCount(eventId),
      ]);
      return { classification: classifyEvent(eventId, laps), lapCount };
    })();
    this.kept.set(eventId, computing);
    // A failed read is not kept: the next run reads again.
    computing.catch(() => this.kept.get(eventId) === computing && this.kept.delete(eventId));
    return computing;
  }

  /**
   * The season of the current event; else the latest season (config order) with a result;
   * else the last season in the config. undefined only when the config has no season.
   */
  async currentSeasonId(): Promise<string | undefined> {
    const current = await this.deps.league.currentEventId();
    const fromEvent = current ? this.deps.league.event(current)?.seasonId : undefined;
    if (fromEvent) return fromEvent;
    const seasons = this.deps.season().seasons;
    for (const s of [...seasons].reverse()) {
      if (((await this.compute(s.id))?.rows.length ?? 0) > 0) return s.id;
    }
    return seasons[seasons.length - 1]?.id;
  }

  /** Files only when their content changed (OutputFiles); the listeners (the post) hear of it even when the disk is full. */
  private async write(seasonId: string): Promise<void> {
    const standings = await this.compute(seasonId);
    if (!standings) return; // removed from the config since it was marked: its old file stays
    const current = seasonId === (await this.currentSeasonId());
    const file = toStandingsFile(standings);
    try {
      await this.deps.outputs.write(this.deps.outputs.relative(seasonStandingsPath(this.deps.dataDir, seasonId)), file);
      if (current)
        await this.deps.outputs.write(this.deps.outputs.relative(currentStandingsPath(this.deps.dataDir)), file);
    } finally {
      for (const listener of this.listeners) listener(standings, current);
    }
  }

  /** Shutdown: no more retries of failed writes. */
  stopRetries(): void {
    this.files.stopRetries();
  }
}
