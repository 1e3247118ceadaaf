import type { Logger } from '../../logger';
import type { Clock } from '../ports';
import type { League } from '../League';
import type { SeasonConfig } from '../../domain/season/season';
import type { Actor, AuditEntry, Exclusion, ExclusionScope, StruckLap } from '../../domain/stewarding/types';
import { pickLap } from '../../domain/stewarding/pickLap';
import { resolveDriver, type KnownDriver } from '../../domain/stewarding/resolveDriver';
import type { StewardingState } from './StewardingState';
import { auditEntry } from './auditEntry';

export interface StewardingDeps {
  league: Pick<League, 'event' | 'storedLaps' | 'eventDrivers' | 'stewardingChanged'>;
  state: StewardingState;
  season: () => SeasonConfig;
  clock: Clock;
  log: Logger;
  /** Told after every recorded action (the bot posts the trail to the admin channel). */
  recorded?: (entry: AuditEntry) => void;
}

export type StewardOutcome<T> =
  | { status: 'done'; value: T; entry: AuditEntry }
  | { status: 'already'; value: T }
  | { status: 'refused'; message: string };

/**
 * The stewards' use cases: strike and restore a lap, exclude and include a driver. Each is
 * idempotent (doing it twice does it once), recorded in the audit trail (who, when, what, why)
 * and followed at once by every output (League.stewardingChanged).
 */
export class Stewarding {
  constructor(private readonly deps: StewardingDeps) {}

  async strike(input: {
    eventId: string;
    driver: string;
    /** a lap key or a time (m:ss.mmm); default the best */ lap?: string;
    reason: string;
    by: Actor;
  }): Promise<StewardOutcome<StruckLap>> {
    const { league, state } = this.deps;
    const reason = input.reason.trim();
    if (!reason) return refused('a reason is required');
    if (!league.event(input.eventId)) return refused(`unknown event "${input.eventId}"`);
    const driver = resolveDriver(input.driver, await league.eventDrivers(input.eventId));
    if ('error' in driver) return refused(driver.error);
    const lap = pickLap(input.eventId, await league.storedLaps(input.eventId), driver.driverGuid, input.lap);
    if (!lap)
      return refused(
        input.lap
          ? `driver ${driver.driverGuid} has no lap \`${input.lap}\` in ${input.eventId}`
          : `driver ${driver.driverGuid} has no valid lap in ${input.eventId}`,
      );
    if (!lap.valid) return refused(`that lap does not count anyway (${lap.invalidReason ?? 'not valid'})`);
    const struck: StruckLap = {
      eventId: input.eventId,
      lapKey: lap.lapKey,
      driverGuid: lap.driverGuid,
      driverName: lap.driverName,
      lapTimeMs: lap.lapTimeMs,
      reason,
      by: input.by,
      at: this.deps.clock.now().toISOString(),
    };
    if (!(await league.stewardingChanged([input.eventId], () => state.strike(struck)))) {
      return { status: 'already', value: (await state.struckLap(input.eventId, lap.lapKey)) ?? struck };
    }
    return this.done(struck, {
      action: 'strike',
      by: input.by,
      reason,
      driverGuid: lap.driverGuid,
      driverName: lap.driverName,
      eventId: input.eventId,
      lapKey: lap.lapKey,
      lapTimeMs: lap.lapTimeMs,
    });
  }

  /** Undo a strike: the lap given by key, or the driver's only struck lap in the event. */
  async restore(input: {
    eventId: string;
    lapKey?: string;
    driver?: string;
    reason?: string;
    by: Actor;
  }): Promise<StewardOutcome<StruckLap>> {
    const { league, state } = this.deps;
    const struck = await state.struck(input.eventId);
    let lapKey = input.lapKey;
    if (lapKey === undefined) {
      if (!input.driver) return refused('name the lap (its key) or the driver');
      const driver = resolveDriver(
        input.driver,
        struck.map((s) => ({ driverGuid: s.driverGuid, driverName: s.driverName })),
      );
      if ('error' in driver) return refused(driver.error);
      const theirs = struck.filter((s) => s.driverGuid === driver.driverGuid);
      if (theirs.length === 0) return refused(`no struck lap of ${driver.driverGuid} in ${input.eventId}`);
      if (theirs.length > 1)
        return refused(
          `${theirs.length} laps of ${driver.driverGuid} are struck in ${input.eventId}: name the lap key (${theirs.map((s) => s.lapKey).join(', ')})`,
        );
      lapKey = theirs[0]!.lapKey;
    }
    const key = lapKey;
    const removed = await league.stewardingChanged([input.eventId], () => state.restore(input.eventId, key));
    if (!removed) return refused(`no struck lap \`${key}\` in ${input.eventId} (see the struck laps with /lap list)`);
    return this.done(removed, {
      action: 'restore',
      by: input.by,
      reason: input.reason?.trim() || null,
      driverGuid: removed.driverGuid,
      driverName: removed.driverName,
      eventId: input.eventId,
      lapKey: key,
      lapTimeMs: removed.lapTimeMs,
    });
  }

  async exclude(input: {
    scope: ExclusionScope;
    driver: string;
    reason: string;
    by: Actor;
  }): Promise<StewardOutcome<Exclusion>> {
    const reason = input.reason.trim();
    if (!reason) return refused('a reason is required');
    const events = this.eventsOf(input.scope);
    if (!events) return refused(`unknown ${input.scope.kind} "${scopeId(input.scope)}"`);
    const driver = resolveDriver(input.driver, await this.driversOf(events));
    if ('error' in driver) return refused(driver.error);
    const exclusion: Exclusion = {
      scope: input.scope,
      driverGuid: driver.driverGuid,
      driverName: driver.driverName,
      reason,
      by: input.by,
      at: this.deps.clock.now().toISOString(),
    };
    if (!(await this.deps.league.stewardingChanged(events, () => this.deps.state.exclude(exclusion)))) {
      const existing = (await this.deps.state.exclusions(input.scope)).find((e) => e.driverGuid === driver.driverGuid);
      return { status: 'already', value: existing ?? exclusion };
    }
    return this.done(exclusion, {
      action: 'exclude',
      by: input.by,
      reason,
      driverGuid: driver.driverGuid,
      driverName: driver.driverName || null,
      ...scopeFields(input.scope),
    });
  }

  async include(input: {
    scope: ExclusionScope;
    driver: string;
    reason?: string;
    by: Actor;
  }): Promise<StewardOutcome<Exclusion>> {
    const events = this.eventsOf(input.scope);
    if (!events) return refused(`unknown ${input.scope.kind} "${scopeId(input.scope)}"`);
    const excluded = await this.deps.state.exclusions(input.scope);
    const driver = resolveDriver(input.driver, excluded);
    if ('error' in driver) return refused(driver.error);
    const removed = await this.deps.league.stewardingChanged(events, () =>
      this.deps.state.include(input.scope, driver.driverGuid),
    );
    if (!removed)
      return refused(`${driver.driverGuid} is not excluded from ${input.scope.kind} ${scopeId(input.scope)}`);
    return this.done(removed, {
      action: 'include',
      by: input.by,
      reason: input.reason?.trim() || null,
      driverGuid: removed.driverGuid,
      driverName: removed.driverName || null,
      ...scopeFields(input.scope),
    });
  }

  /** An event's struck laps (oldest decision first) and the exclusions that reach it. */
  async decisions(eventId: string): Promise<{ struck: StruckLap[]; excluded: Exclusion[] }> {
    const seasonId = this.deps.league.event(eventId)?.seasonId;
    const [struck, forEvent, forSeason] = await Promise.all([
      this.deps.state.struck(eventId),
      this.deps.state.exclusions({ kind: 'event', eventId }),
      seasonId ? this.deps.state.exclusions({ kind: 'season', seasonId }) : Promise.resolve([]),
    ]);
    return { struck: struck.sort((a, b) => (a.at < b.at ? -1 : 1)), excluded: [...forSeason, ...forEvent] };
  }

  /** Drivers excluded there. */
  excluded(scope: ExclusionScope): Promise<Exclusion[]> {
    return this.deps.state.exclusions(scope);
  }

  audit(): Promise<AuditEntry[]> {
    return this.deps.state.audit();
  }

  private async done<T>(value: T, fields: Omit<AuditEntry, 'id' | 'at'>): Promise<StewardOutcome<T>> {
    const entry = auditEntry(this.deps.clock.now(), fields);
    await this.deps.state.record(entry);
    this.deps.log.info(
      {
        action: entry.action,
        eventId: entry.eventId,
        seasonId: entry.seasonId,
        driverGuid: entry.driverGuid,
        lapKey: entry.lapKey,
        by: `${entry.by.kind}:${entry.by.id}`,
      },
      `stewarding: ${entry.action}`,
    );
    this.deps.recorded?.(entry);
    return { status: 'done', value, entry };
  }

  private eventsOf(scope: ExclusionScope): string[] | undefined {
    if (scope.kind === 'event') return this.deps.league.event(scope.eventId) ? [scope.eventId] : undefined;
    return this.deps
      .season()
      .seasons.find((s) => s.id === scope.seasonId)
      ?.events.map((e) => e.id);
  }

  private async driversOf(eventIds: readonly string[]): Promise<KnownDriver[]> {
    return (await Promise.all(eventIds.map((id) => this.deps.league.eventDrivers(id)))).flat();
  }
}

function refused(message: string): { status: 'refused'; message: string } {
  return { status: 'refused', message };
}

function scopeId(scope: ExclusionScope): string {
  return scope.kind === 'event' ? scope.eventId : scope.seasonId;
}

function scopeFields(scope: ExclusionScope): { eventId: string } | { seasonId: string } {
  return scope.kind === 'event' ? { eventId: scope.eventId } : { seasonId: scope.seasonId };
}
