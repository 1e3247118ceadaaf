import { randomBytes } from 'node:crypto';
import type { Logger } from '../../logger';
import type { Clock } from '../ports';
import type { Actor, AuditEntry } from '../../domain/stewarding/types';
import type { StewardingState } from '../stewarding/StewardingState';
import { auditEntry } from '../stewarding/auditEntry';
import type { DriverLink, IdentityState, LinkRequest, NotifyState } from './IdentityState';

export interface DriverLinksDeps {
  identity: IdentityState;
  /** Where the audit trail lives. */
  audit: Pick<StewardingState, 'record'>;
  clock: Clock;
  log: Logger;
  recorded?: (entry: AuditEntry) => void;
  /** A link changed the names drivers are shown under (DRIVER_NAMES=discord). */
  namesChanged?: () => void;
}

/** A Steam64 id: what acServer writes as DriverGuid. */
const STEAM_GUID = /^7656119\d{10}$/;

export type LinkOutcome =
  | { status: 'linked'; link: DriverLink }
  | { status: 'already-linked'; link: DriverLink }
  | { status: 'taken'; existing: DriverLink }
  | { status: 'invalid'; message: string };

/**
 * Discord members and the Steam GUIDs they drive under. A member asks, an admin approves with a
 * button (or links directly); a GUID is never given to a second member, so nobody can take over
 * someone else's results.
 */
export class DriverLinks {
  constructor(private readonly deps: DriverLinksDeps) {}

  async request(
    member: { userId: string; displayName: string },
    guid: string,
  ): Promise<LinkOutcome | { status: 'requested' | 'pending'; request: LinkRequest }> {
    const driverGuid = guid.trim();
    if (!STEAM_GUID.test(driverGuid)) return invalid(driverGuid);
    const taken = await this.deps.identity.byGuid(driverGuid);
    if (taken)
      return taken.userId === member.userId
        ? { status: 'already-linked', link: taken }
        : { status: 'taken', existing: taken };
    const pending = (await this.deps.identity.requests()).find(
      (r) => r.userId === member.userId && r.driverGuid === driverGuid,
    );
    if (pending) return { status: 'pending', request: pending };
    const at = this.deps.clock.now();
    const request: LinkRequest = {
      id: randomBytes(6).toString('hex'),
      userId: member.userId,
      displayName: member.displayName,
      driverGuid,
      at: at.toISOString(),
    };
    await this.deps.identity.addRequest(request);
    await this.record({
      action: 'link-request',
      by: discordActor(member),
      reason: null,
      driverGuid,
      driverName: null,
      memberId: member.userId,
    });
    return { status: 'requested', request };
  }

  /** An admin pressed Approve: the request is used up either way. */
  async approve(requestId: string, by: Actor): Promise<LinkOutcome | { status: 'gone' }> {
    const request = await this.deps.identity.takeRequest(requestId);
    if (!request) return { status: 'gone' };
    return this.link({ userId: request.userId, displayName: request.displayName }, request.driverGuid, by);
  }

  async reject(
    requestId: string,
    by: Actor,
  ): Promise<{ status: 'rejected'; request: LinkRequest } | { status: 'gone' }> {
    const request = await this.deps.identity.takeRequest(requestId);
    if (!request) return { status: 'gone' };
    await this.record({
      action: 'link-reject',
      by,
      reason: null,
      driverGuid: request.driverGuid,
      driverName: null,
      memberId: request.userId,
    });
    return { status: 'rejected', request };
  }

  /** Links at once (an admin's decision); a member linked to another GUID before is moved to this one. */
  async link(member: { userId: string; displayName: string }, guid: string, by: Actor): Promise<LinkOutcome> {
    const driverGuid = guid.trim();
    if (!STEAM_GUID.test(driverGuid)) return invalid(driverGuid);
    const { identity } = this.deps;
    const before = await identity.byMember(member.userId);
    if (before?.driverGuid === driverGuid) return { status: 'already-linked', link: before };
    const link: DriverLink = {
      driverGuid,
      userId: member.userId,
      displayName: member.displayName,
      linkedAt: this.deps.clock.now().toISOString(),
      by: `${by.kind}:${by.id}`,
    };
    const claimed = await identity.claim(link);
    if (!claimed.ok)
      return claimed.existing.userId === member.userId
        ? { status: 'already-linked', link: claimed.existing }
        : { status: 'taken', existing: claimed.existing };
    if (before) await identity.dropGuid(before.driverGuid, member.userId);
    await this.record({
      action: 'link',
      by,
      reason: null,
      driverGuid,
      driverName: member.displayName,
      memberId: member.userId,
    });
    this.deps.namesChanged?.();
    return { status: 'linked', link };
  }

  async unlink(userId: string, by: Actor): Promise<DriverLink | undefined> {
    const link = await this.deps.identity.release(userId);
    if (!link) return undefined;
    await this.record({
      action: 'unlink',
      by,
      reason: null,
      driverGuid: link.driverGuid,
      driverName: link.displayName,
      memberId: userId,
    });
    this.deps.namesChanged?.();
    return link;
  }

  /** The member's link, with their display name brought up to date (it shows on the boards when the league wants it). */
  async memberLink(member: { userId: string; displayName: string }): Promise<DriverLink | undefined> {
    const link = await this.deps.identity.byMember(member.userId);
    if (link && member.displayName && link.displayName !== member.displayName) {
      await this.deps.identity.setDisplayName(link, member.displayName);
      this.deps.namesChanged?.();
      return { ...link, displayName: member.displayName };
    }
    return link;
  }

  linkOfGuid(driverGuid: string): Promise<DriverLink | undefined> {
    return this.deps.identity.byGuid(driverGuid);
  }

  notifyState(userId: string): Promise<NotifyState> {
    return this.deps.identity.notifyState(userId);
  }

  setNotify(userId: string, state: NotifyState): Promise<void> {
    return this.deps.identity.setNotify(userId, state, this.deps.clock.now().toISOString());
  }

  private async record(fields: Omit<AuditEntry, 'id' | 'at'>): Promise<void> {
    const entry = auditEntry(this.deps.clock.now(), fields);
    await this.deps.audit.record(entry);
    this.deps.log.info(
      {
        action: entry.action,
        driverGuid: entry.driverGuid,
        memberId: entry.memberId,
        by: `${entry.by.kind}:${entry.by.id}`,
      },
      `driver identity: ${entry.action}`,
    );
    this.deps.recorded?.(entry);
  }
}

export function discordActor(member: { userId: string; displayName: string }): Actor {
  return { kind: 'discord', id: member.userId, name: member.displayName };
}

function invalid(guid: string): { status: 'invalid'; message: string } {
  return {
    status: 'invalid',
    message: `\`${guid.slice(0, 40)}\` is not a Steam GUID: it is the 17-digit number starting with 7656119 (your Steam profile's "steamID64", as acServer shows it)`,
  };
}
