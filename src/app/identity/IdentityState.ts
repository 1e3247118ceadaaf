import type { StateStore } from '../ports';

/** A Discord member linked to a Steam GUID. */
export interface DriverLink {
  driverGuid: string;
  userId: string;
  /** The member's server display name when last seen (for DRIVER_NAMES=discord). */
  displayName: string;
  linkedAt: string;
  /** 'discord:<admin id>' or 'cli:<user>' */
  by: string;
}

/** A member asking to be linked, waiting for an admin's button. */
export interface LinkRequest {
  id: string;
  userId: string;
  displayName: string;
  driverGuid: string;
  at: string;
}

export type NotifyState = 'on' | 'off' | 'dms-closed';

/** Where links live; BotState reads the same namespace for linked display names. */
export const LINK_BY_GUID_NS = 'link:guid';
const NS = { byMember: 'link:member', request: 'link:request', notify: 'notify' } as const;

/**
 * Driver identity in the store. A GUID is claimed with an atomic insert, so two approvals (or an
 * approval and an admin's direct link) can never give one GUID to two members.
 */
export class IdentityState {
  constructor(private readonly store: StateStore) {}

  /** Claims the GUID for the member; the existing link when it is taken. */
  async claim(link: DriverLink): Promise<{ ok: true } | { ok: false; existing: DriverLink }> {
    if (await this.store.insert(LINK_BY_GUID_NS, link.driverGuid, link)) {
      await this.store.put(NS.byMember, link.userId, link.driverGuid);
      return { ok: true };
    }
    const existing = await this.byGuid(link.driverGuid);
    // Freed between the insert and the read: try once more.
    if (!existing) return this.claim(link);
    return { ok: false, existing };
  }
  byGuid(driverGuid: string): Promise<DriverLink | undefined> {
    return this.store.get<DriverLink>(LINK_BY_GUID_NS, driverGuid);
  }
  async byMember(userId: string): Promise<DriverLink | undefined> {
    const guid = await this.store.get<string>(NS.byMember, userId);
    const link = guid === undefined ? undefined : await this.byGuid(guid);
    return link?.userId === userId ? link : undefined;
  }
  /** Removes the member's link; the link removed, if any. */
  async release(userId: string): Promise<DriverLink | undefined> {
    const guid = await this.store.take<string>(NS.byMember, userId);
    if (guid === undefined) return undefined;
    const link = await this.byGuid(guid);
    if (link?.userId !== userId) return undefined;
    return (await this.store.take<DriverLink>(LINK_BY_GUID_NS, guid)) ?? link;
  }
  /** Frees a GUID the member held before linking another one. */
  async dropGuid(driverGuid: string, userId: string): Promise<void> {
    const link = await this.byGuid(driverGuid);
    if (link?.userId === userId) await this.store.take(LINK_BY_GUID_NS, driverGuid);
  }
  setDisplayName(link: DriverLink, displayName: string): Promise<void> {
    return this.store.put(LINK_BY_GUID_NS, link.driverGuid, { ...link, displayName });
  }
  async links(): Promise<DriverLink[]> {
    return (await this.store.list<DriverLink>(LINK_BY_GUID_NS)).map((e) => e.value);
  }

  addRequest(r: LinkRequest): Promise<boolean> {
    return this.store.insert(NS.request, r.id, r);
  }
  /** The request, removed: of two admins pressing at once, one gets it. */
  takeRequest(id: string): Promise<LinkRequest | undefined> {
    return this.store.take<LinkRequest>(NS.request, id);
  }
  async requests(): Promise<LinkRequest[]> {
    return (await this.store.list<LinkRequest>(NS.request)).map((e) => e.value);
  }

  async notifyState(userId: string): Promise<NotifyState> {
    return (await this.store.get<{ state: NotifyState }>(NS.notify, userId))?.state ?? 'off';
  }
  setNotify(userId: string, state: NotifyState, at: string): Promise<void> {
    return this.store.put(NS.notify, userId, { state, at });
  }
}
