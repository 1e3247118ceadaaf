import type { Lap } from '../../domain/types';
import type { LapStore } from '../ports';
import { rankingLaps } from '../../domain/leaderboard/rankLaps';
import { applyStewarding } from '../../domain/stewarding/applyStewarding';
import { NO_RULES, type StewardingRules } from '../../domain/stewarding/types';
import { SerialQueue } from '../../lib/SerialQueue';

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
          const [laps, rules] = await Promise.all([this.store.lapsForEvent(eventId), this.rulesFor(eventId)]);
          const ranking = { ...rankingLaps(eventId, applyStewarding(laps, rules)), rules };
          this.events.set(eventId, ranking);
          return ranking;
        })
        .finally(() => this.loading.delete(eventId));
      this.loading.set(eventId, load);
    }
    return load;
  }

  /** New laps were stored (called inside the write's turn): merge them into the events already read. */
  private added(laps: readonly Lap[]): void {
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
      this.events.set(eventId, {
        laps: rankingLaps(eventId, [...cached.laps, ...counted]).laps,
        lapCount: cached.lapCount + fresh.length,
        rules: cached.rules,
      });
    }
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
      putLaps: (laps) =>
        this.turns.run(async () => {
          await this.store.putLaps(laps);
          this.added(laps);
        }),
      lapsForEvent: (eventId) => this.store.lapsForEvent(eventId),
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
