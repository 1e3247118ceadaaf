import type { StateStore } from '../ports';
import type { AuditEntry, Exclusion, ExclusionScope, StewardingRules, StruckLap } from '../../domain/stewarding/types';
import { stewardingRules } from '../../domain/stewarding/stewardingRules';

const NS = {
  struck: (eventId: string) => `struck:${eventId}`,
  excluded: (scope: ExclusionScope) =>
    scope.kind === 'event' ? `excluded:event:${scope.eventId}` : `excluded:season:${scope.seasonId}`,
  audit: 'audit',
  auditMeta: 'audit-meta',
  auditPosted: 'audit-posted',
} as const;

/**
 * Stewarding decisions in the store (SQLite or DynamoDB, beside the laps): struck laps per event,
 * exclusions per event or season, and the audit trail. Strike and exclude are atomic inserts, and
 * restore and include atomic takes, so doing one twice, or from two places at once, does it once.
 */
export class StewardingState {
  constructor(private readonly store: StateStore) {}

  /** false when the lap was already struck (the first decision stays). */
  strike(s: StruckLap): Promise<boolean> {
    return this.store.insert(NS.struck(s.eventId), s.lapKey, s);
  }
  /** The strike removed, or undefined when the lap was not struck. */
  restore(eventId: string, lapKey: string): Promise<StruckLap | undefined> {
    return this.store.take<StruckLap>(NS.struck(eventId), lapKey);
  }
  struckLap(eventId: string, lapKey: string): Promise<StruckLap | undefined> {
    return this.store.get<StruckLap>(NS.struck(eventId), lapKey);
  }
  async struck(eventId: string): Promise<StruckLap[]> {
    return (await this.store.list<StruckLap>(NS.struck(eventId))).map((e) => e.value);
  }

  /** false when the driver was already excluded there. */
  exclude(e: Exclusion): Promise<boolean> {
    return this.store.insert(NS.excluded(e.scope), e.driverGuid, e);
  }
  include(scope: ExclusionScope, driverGuid: string): Promise<Exclusion | undefined> {
    return this.store.take<Exclusion>(NS.excluded(scope), driverGuid);
  }
  async exclusions(scope: ExclusionScope): Promise<Exclusion[]> {
    return (await this.store.list<Exclusion>(NS.excluded(scope))).map((e) => e.value);
  }

  /** What counts in an event: its struck laps, its exclusions and its season's. */
  async rules(eventId: string, seasonId: string | undefined): Promise<StewardingRules> {
    const [struck, forEvent, forSeason] = await Promise.all([
      this.struck(eventId),
      this.exclusions({ kind: 'event', eventId }),
      seasonId ? this.exclusions({ kind: 'season', seasonId }) : Promise.resolve([]),
    ]);
    return stewardingRules(struck, [...forSeason, ...forEvent]);
  }

  record(entry: AuditEntry): Promise<void> {
    return this.store.put(NS.audit, entry.id, entry);
  }
  /** The whole trail, oldest first (ids sort by time). */
  async audit(): Promise<AuditEntry[]> {
    return (await this.store.list<AuditEntry>(NS.audit))
      .map((e) => e.value)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  /** Ids of the entries already posted to Discord; undefined before the bot's first start. */
  async postedIds(): Promise<Set<string> | undefined> {
    if ((await this.store.get<boolean>(NS.auditMeta, 'started')) === undefined) return undefined;
    return new Set((await this.store.list(NS.auditPosted)).map((e) => e.key));
  }
  async markPosted(ids: readonly string[]): Promise<void> {
    for (const id of ids) await this.store.put(NS.auditPosted, id, true);
    await this.store.put(NS.auditMeta, 'started', true);
  }
}
