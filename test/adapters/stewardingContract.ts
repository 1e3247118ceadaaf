import type { Store } from '../../src/app/ports';
import { StewardingState } from '../../src/app/stewarding/StewardingState';
import { IdentityState, type DriverLink } from '../../src/app/identity/IdentityState';
import { auditEntry } from '../../src/app/stewarding/auditEntry';
import type { Actor, StruckLap } from '../../src/domain/stewarding/types';
import type { StoreUnderTest } from './storeContract';

const by: Actor = { kind: 'discord', id: '123456789012345678', name: 'Race Director' };
const EVENT = 'season1#event2';
const struck = (lapKey: string, reason = 'cut'): StruckLap => ({
  eventId: EVENT,
  lapKey,
  driverGuid: lapKey.split('#')[0]!,
  driverName: 'Jérôme',
  lapTimeMs: 125_000,
  reason,
  by,
  at: '2026-03-02T20:00:00.000Z',
});
const link = (driverGuid: string, userId: string): DriverLink => ({
  driverGuid,
  userId,
  displayName: `member ${userId}`,
  linkedAt: '2026-03-02T20:00:00.000Z',
  by: 'discord:1',
});

/** Stewarding and driver identity kept in a store: every backend holds them the same way. */
export function describeStewardingContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`Stewarding contract: ${name}`, () => {
    let sut: StoreUnderTest;
    let store: Store;
    let stewarding: StewardingState;
    let identity: IdentityState;
    beforeEach(async () => {
      sut = await makeStore();
      store = sut.store;
      stewarding = new StewardingState(store);
      identity = new IdentityState(store);
    });
    afterEach(() => sut.cleanup());

    it('when the same lap (a file-suffixed key too) is struck from several places at once, then one strike is kept; restore gives it back once', async () => {
      const key = '76561198000000001#100000#2026_3_2_22_0_PRACTICE';
      const results = await Promise.all(['a', 'b', 'c', 'd'].map((r) => stewarding.strike(struck(key, r))));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await stewarding.struck(EVENT)).toEqual([struck(key, ['a', 'b', 'c', 'd'][results.indexOf(true)])]);
      expect(await stewarding.struck('season1#event3')).toEqual([]);
      const restored = await Promise.all([stewarding.restore(EVENT, key), stewarding.restore(EVENT, key)]);
      expect(restored.filter((r) => r !== undefined)).toHaveLength(1);
      expect(await stewarding.struck(EVENT)).toEqual([]);
    });

    it("when drivers are excluded from an event and a season, then the event's rules hold both, the event's reason first", async () => {
      const exclusion = (
        scope: { kind: 'event'; eventId: string } | { kind: 'season'; seasonId: string },
        driverGuid: string,
        reason: string,
      ) => ({ scope, driverGuid, driverName: '', reason, by, at: '2026-03-02T20:00:00.000Z' });
      expect(await stewarding.exclude(exclusion({ kind: 'season', seasonId: 'season1' }, 'g1', 'banned'))).toBe(true);
      expect(await stewarding.exclude(exclusion({ kind: 'season', seasonId: 'season1' }, 'g1', 'twice'))).toBe(false);
      await stewarding.exclude(exclusion({ kind: 'event', eventId: EVENT }, 'g1', 'wrong car'));
      await stewarding.exclude(exclusion({ kind: 'event', eventId: EVENT }, 'g2', 'no show'));
      await stewarding.strike(struck('g3#1'));
      const rules = await stewarding.rules(EVENT, 'season1');
      expect([...rules.excluded].sort()).toEqual([
        ['g1', 'driver excluded from the event by the stewards: wrong car'],
        ['g2', 'driver excluded from the event by the stewards: no show'],
      ]);
      expect([...rules.struck]).toEqual([['g3#1', 'struck by the stewards: cut']]);
      expect([...(await stewarding.rules('season1#event3', 'season1')).excluded]).toEqual([
        ['g1', 'driver excluded from the season by the stewards: banned'],
      ]);
      expect((await stewarding.include({ kind: 'season', seasonId: 'season1' }, 'g1'))?.reason).toBe('banned');
      expect((await stewarding.rules('season1#event3', 'season1')).excluded.size).toBe(0);
    });

    it('when actions are recorded, then the trail comes back oldest first and what was posted is kept', async () => {
      const at = new Date('2026-03-02T20:00:00.000Z');
      const entries = [0, 1, 2].map((i) =>
        auditEntry(new Date(at.getTime() + (2 - i) * 1000), {
          action: 'strike',
          by,
          reason: `r${i}`,
          driverGuid: 'g',
          driverName: 'Ł',
          eventId: EVENT,
          lapKey: 'g#1',
          lapTimeMs: 1,
        }),
      );
      for (const e of entries) await stewarding.record(e);
      expect((await stewarding.audit()).map((e) => e.reason)).toEqual(['r2', 'r1', 'r0']);
      expect(await stewarding.postedIds()).toBeUndefined();
      await stewarding.markPosted([]);
      expect(await stewarding.postedIds()).toEqual(new Set());
      await stewarding.markPosted([entries[1]!.id, entries[2]!.id]);
      expect(await stewarding.postedIds()).toEqual(new Set([entries[1]!.id, entries[2]!.id]));
    });

    it('when several members claim one GUID at once, then exactly one gets it and the others see who holds it', async () => {
      const guid = '76561198000000001';
      const outs = await Promise.all(['1', '2', '3', '4', '5'].map((u) => identity.claim(link(guid, u))));
      const winners = outs.filter((o) => o.ok);
      expect(winners).toHaveLength(1);
      const holder = (await identity.byGuid(guid))!.userId;
      for (const o of outs) if (!o.ok) expect(o.existing.userId).toBe(holder);
      expect((await identity.byMember(holder))?.driverGuid).toBe(guid);
      expect(await identity.byMember(holder === '1' ? '2' : '1')).toBeUndefined();
      expect((await identity.release(holder))?.driverGuid).toBe(guid);
      expect(await identity.byGuid(guid)).toBeUndefined();
      expect((await identity.claim(link(guid, '9'))).ok).toBe(true);
    });

    it('when a request is answered by two admins at once, then only one of them gets it; notify choices are kept per member', async () => {
      await identity.addRequest({
        id: 'abc123',
        userId: '1',
        displayName: 'm',
        driverGuid: '76561198000000001',
        at: '2026-03-02T20:00:00.000Z',
      });
      const taken = await Promise.all([identity.takeRequest('abc123'), identity.takeRequest('abc123')]);
      expect(taken.filter((t) => t !== undefined)).toHaveLength(1);
      expect(await identity.requests()).toEqual([]);
      expect(await identity.notifyState('1')).toBe('off');
      await identity.setNotify('1', 'on', '2026-03-02T20:00:00.000Z');
      await identity.setNotify('2', 'dms-closed', '2026-03-02T20:00:00.000Z');
      expect([await identity.notifyState('1'), await identity.notifyState('2')]).toEqual(['on', 'dms-closed']);
    });
  });
}
