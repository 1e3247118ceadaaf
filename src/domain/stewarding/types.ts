// Stewarding: decisions about laps and drivers, kept apart from the laps themselves (laps are
// never changed or deleted for it). Pure data; the store keeps it (src/app/stewarding).

/** Who did something: a Discord member (id = user id) or someone at the CLI (id = OS user). */
export interface Actor {
  kind: 'discord' | 'cli';
  id: string;
  name: string;
}

/** A lap that stays stored but no longer counts. */
export interface StruckLap {
  eventId: string;
  /** The stored key, a file suffix included (src/domain/lapKeys.ts): one lap, exactly. */
  lapKey: string;
  driverGuid: string;
  driverName: string;
  lapTimeMs: number;
  reason: string;
  by: Actor;
  /** ISO instant */
  at: string;
}

export type ExclusionScope = { kind: 'event'; eventId: string } | { kind: 'season'; seasonId: string };

/** A driver none of whose laps count in an event or a whole season. */
export interface Exclusion {
  scope: ExclusionScope;
  driverGuid: string;
  driverName: string;
  reason: string;
  by: Actor;
  at: string;
}

export type AuditAction =
  'strike' | 'restore' | 'exclude' | 'include' | 'link-request' | 'link' | 'link-reject' | 'unlink';

/** One line of the audit trail: who did what, when and why. */
export interface AuditEntry {
  /** Sorts in time order: `<at>#<random>`. */
  id: string;
  at: string;
  action: AuditAction;
  by: Actor;
  /** Required for stewarding actions; null for identity actions without one. */
  reason: string | null;
  driverGuid: string;
  driverName: string | null;
  eventId?: string;
  seasonId?: string;
  lapKey?: string;
  lapTimeMs?: number;
  /** The Discord member a link action is about. */
  memberId?: string;
}

/** What stewarding takes away in one event: struck lap keys and excluded drivers, each with why. */
export interface StewardingRules {
  struck: ReadonlyMap<string, string>;
  excluded: ReadonlyMap<string, string>;
}

export const NO_RULES: StewardingRules = { struck: new Map(), excluded: new Map() };

/** The actions an admin takes as a steward (they may be announced publicly). */
export function isStewardingAction(action: AuditAction): boolean {
  return action === 'strike' || action === 'restore' || action === 'exclude' || action === 'include';
}
