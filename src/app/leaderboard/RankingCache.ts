import type { Lap } from '../../domain/types';
import type { LapStore } from '../ports';
import { rankingLaps } from '../../domain/leaderboard/rankLaps';
import { applyStewarding } from '../../domain/stewarding/applyStewarding';
import { NO_RULES, type StewardingRules } from '../../domain/stewarding/types';
import { SerialQueue } from '../../lib/SerialQueue';

const keyOf = (lap: Lap) => `${lap.eventId}\n${lap.lapKey}`;

/** Laps per page when an event is read from the store. */
const PAGE_SIZE = 5000;

interface EventRanking {
  /** Each driver's best valid and latest lap: all ranking needs. */
  laps: Lap[];
  lapCount: number;
  /** The stewarding rules read with the laps: laps merged in later are judged by them too. */
  rules: StewardingRules;
}

/**
 * Keeps, per event, only the laps ranking depends on, so a leaderboard costs O(drivers) instead
 * of reading every lap again: an event is read from the store once, then new laps are merged in.
 * A results file that is read again (changed content) invalidates its event. Laps count as the
 * stewards decided (struck laps and excluded drivers do not), so a lap written again, by a re-read
 * file, stays struck.
 */
export class RankingCache {
  /** Events read and kept current. */
  private readonly events = new Map<string, EventRanking>();
  /** Reads in progress (one per event). */
  private readonly loading = new Map<string, Promise<EventRanking>>();
  /**
   * Reads and writes take turns: a write merges only into events whose read finished before it,
   * and a read queued after a write sees that write, so no lap is counted twice.
   */
  private readonly turns = new SerialQueue();

  constructor(
    private readonly store: LapStore,
    private readonly rulesFor: (eventId: string) => Promise<StewardingRules> = async () => NO_RULES,
  ) {}

  async get(eventId: string): Promise<EventRanking> {
    const ready = this.events.get(eventId);
    if (ready) return ready;
    let load = this.loading.get(eventId);
    if (!load) {
      load = this.turns
        .run(async () => {
          const ranking = await this.read(eventId);
          this.events.set(eventId, ranking);
          return ranking;
        })
        .finally(() => this.loading.delete(eventId));
      this.loading.set(eventId, load);
    }
    return load;
  }

  /** An event's ranking laps from the store: page by page where it can, so only a page and the kept laps are in memory. */
  private async read(eventId: string): Promise<EventRanking> {
    const rules = await this.rulesFor(eventId);
    if (!this.store.lapPagesForEvent) {
      return { ...rankingLaps(eventId, applyStewarding(await this.store.lapsForEvent(eventId), rules)), rules };
    }
    let laps: Lap[] = [];
    let lapCount = 0;
    for await (const page of this.store.lapPagesForEvent(eventId, PAGE_SIZE)) {
      const counted = rankingLaps(eventId, applyStewarding(page, rules));
      lapCount += counted.lapCount;
      laps = rankingLaps(eventId, [...laps, ...counted.laps]).laps;
    }
    return { laps, lapCount, rules };
  }

  /**
   * Laps were stored (called inside the write's turn): merged into the events already read.
   * `replaced`: keys among them that held a lap before (a copy of a file already read), so the
   * count of laps stored grows only by the others.
   */
  private added(laps: readonly Lap[], replaced: ReadonlySet<string> = new Set()): void {
    const byEvent = new Map<string, Lap[]>();
    for (const lap of laps) {
      const list = byEvent.get(lap.eventId);
      if (list) list.push(lap);
      else byEvent.set(lap.eventId, [lap]);
    }
    for (const [eventId, fresh] of byEvent) {
      const cached = this.events.get(eventId);
      if (!cached) continue;
      const counted = applyStewarding(fresh, cached.rules);
      const added = replaced.size === 0 ? fresh.length : fresh.filter((l) => !replaced.has(keyOf(l))).length;
      this.events.set(eventId, {
        laps: rankingLaps(eventId, [...cached.laps, ...counted]).laps,
        lapCount: cached.lapCount + added,
        rules: cached.rules,
      });
    }
  }

  /** Keys of these laps that hold a lap already, looked up only in events this cache counts (when the writer did not say). */
  private async heldKeys(laps: readonly Lap[]): Promise<Set<string>> {
    const held = new Set<string>();
    const byEvent = new Map<string, string[]>();
    for (const lap of laps) {
      if (!this.events.has(lap.eventId)) continue;
      const keys = byEvent.get(lap.eventId);
      if (keys) keys.push(lap.lapKey);
      else byEvent.set(lap.eventId, [lap.lapKey]);
    }
    for (const [eventId, keys] of byEvent)
      for (const lap of await this.store.lapsWithKeys(eventId, keys)) held.add(keyOf(lap));
    return held;
  }

  invalidate(eventId: string): void {
    this.events.delete(eventId);
  }

  /**
   * A stewarding decision: written in turn with laps and reads, then these events are read again,
   * so no ranking mixes the rules before and after it.
   */
  rewrite<T>(eventIds: readonly string[], write: () => Promise<T>): Promise<T> {
    return this.turns.run(async () => {
      try {
        return await write();
      } finally {
        for (const eventId of eventIds) this.invalidate(eventId);
      }
    });
  }

  /** A LapStore that keeps this cache current as laps are written through it. */
  writingThrough(): LapStore {
    return {
      putLaps: (laps, opts) =>
        this.turns.run(async () => {
          const replaced = opts?.replacing
            ? new Set(laps.filter((l) => opts.replacing!.has(l.lapKey)).map(keyOf))
            : await this.heldKeys(laps);
          await this.store.putLaps(laps);
          this.added(laps, replaced);
        }),
      ...(this.store.putNewLaps
        ? {
            putNewLaps: (laps: readonly Lap[]) =>
              this.turns.run(async () => {
                // An event read before its first write takes the laps in by merging: read after a
                // backlog's first writes, it would read back thousands of laps just stored.
                for (const eventId of new Set(laps.map((l) => l.eventId)))
                  if (!this.events.has(eventId)) this.events.set(eventId, await this.read(eventId));
                const taken = await this.store.putNewLaps!(laps);
                const notStored = new Set(taken);
                this.added(taken.length === 0 ? laps : laps.filter((l) => !notStored.has(l)));
                return taken;
              }),
          }
        : {}),
      lapsForEvent: (eventId) => this.store.lapsForEvent(eventId),
      ...(this.store.lapPagesForEvent
        ? { lapPagesForEvent: (eventId: string, size: number) => this.store.lapPagesForEvent!(eventId, size) }
        : {}),
      lapsWithKeys: (eventId, lapKeys) => this.store.lapsWithKeys(eventId, lapKeys),
      ...(this.store.liveLapsForEvent
        ? { liveLapsForEvent: (eventId: string) => this.store.liveLapsForEvent!(eventId) }
        : {}),
      // Removing laps can change any driver's best, so the event is read again on next use.
      deleteLaps: (eventId, lapKeys) =>
        this.turns.run(async () => {
          await this.store.deleteLaps(eventId, lapKeys);
          this.invalidate(eventId);
        }),
    };
  }
}
