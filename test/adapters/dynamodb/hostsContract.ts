import type { CommandRequest, LeaseHolder } from '../../../src/app/hosts/hostPorts';
import type { HostTables } from '../../support/hostTables';

const T0 = new Date('2030-01-01T12:00:00Z');
const agentA: LeaseHolder = { agentId: 'eu-1', host: 'eu-host', pid: 100 };
const agentB: LeaseHolder = { agentId: 'na-1', host: 'na-host', pid: 200 };

const request = (id: string, over: Partial<CommandRequest> = {}): CommandRequest => ({
  action: 'rotate',
  target: { kind: 'next' },
  dryRun: false,
  id,
  serverId: 'na',
  by: 'discord:1',
  requestedAt: T0.getTime(),
  deadline: T0.getTime() + 30_000,
  ...over,
});

/** What the change log, command items and leases promise, on any DynamoDB-compatible server. */
export function describeHostsContract(name: string, open: () => Promise<HostTables>): void {
  describe(`several hosts over ${name}`, () => {
    let t: HostTables;
    beforeEach(async () => {
      t = await open();
    });
    afterEach(() => t.cleanup());

    describe('change log', () => {
      it('when two writers append at once, then every change gets its own number, 1..n, read back in order', async () => {
        const [a, b, reader] = [t.changeLog(), t.changeLog(), t.changeLog()];
        expect(await reader.latest()).toBe(0);
        const seqs = await Promise.all(
          Array.from({ length: 12 }, (_, i) =>
            (i % 2 ? a : b).append({ kind: 'laps', serverId: i % 2 ? 'eu' : 'na', eventIds: [`s#e${i}`] }, 'x', T0),
          ),
        );
        expect([...seqs].sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
        const all = await reader.after(0, 100);
        expect(all.map((e) => e.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
        const sixth = all.find((e) => e.seq === seqs[5]);
        expect(sixth).toMatchObject({ change: { kind: 'laps', serverId: 'eu', eventIds: ['s#e5'] }, by: 'x' });
        expect(sixth!.at).toBe(T0.toISOString());
        expect((await reader.after(9, 100)).map((e) => e.seq)).toEqual([10, 11, 12]);
        expect((await reader.after(0, 2)).map((e) => e.seq)).toEqual([1, 2]);
        expect(await reader.latest()).toBe(12);
      });

      it('when the state table is listed by namespace, then the change log does not disturb other state', async () => {
        await t.changeLog().append({ kind: 'current-event', serverId: 'na', eventId: 's#e1' }, 'x', T0);
        await t.store.put('alias', 'g1', { name: 'A' });
        expect(await t.store.list('alias')).toEqual([{ key: 'g1', value: { name: 'A' } }]);
      });
    });

    describe('command items', () => {
      it('when two agents claim one command at once, then exactly one runs it and its answer reaches the asker', async () => {
        const [bot, a, b] = [t.commands(), t.commands(), t.commands()];
        await bot.submit(request('c1'));
        await bot.submit(request('c0', { requestedAt: T0.getTime() - 1 }));
        expect((await a.pending('na')).map((r) => r.id)).toEqual(['c0', 'c1']);
        expect(await a.pending('eu')).toEqual([]);
        const wins = await Promise.all([
          a.claim('na', 'c1', 'agent-a', T0.getTime()),
          b.claim('na', 'c1', 'agent-b', T0.getTime()),
        ]);
        expect(wins.filter(Boolean)).toHaveLength(1);
        const winner = wins[0] ? 'agent-a' : 'agent-b';
        expect(await bot.status('na', 'c1')).toEqual({ status: 'claimed', by: winner });
        expect((await a.pending('na')).map((r) => r.id)).toEqual(['c0']);
        const loser = winner === 'agent-a' ? 'agent-b' : 'agent-a';
        await b.answer('na', 'c1', loser, { ok: false, message: 'not mine' }); // ignored: not the claimer
        expect(await bot.status('na', 'c1')).toEqual({ status: 'claimed', by: winner });
        await a.answer('na', 'c1', winner, { ok: true, message: 'Rotated' });
        expect(await bot.status('na', 'c1')).toEqual({
          status: 'done',
          by: winner,
          answer: { ok: true, message: 'Rotated' },
        });
        expect(await a.claim('na', 'c1', winner, T0.getTime())).toBe(false); // done: never again
      });

      it('when the asker gives up first, then the command can no longer be claimed; once claimed it cannot be withdrawn', async () => {
        const q = t.commands();
        await q.submit(request('late'));
        expect(await q.expire('na', 'late')).toBe(true);
        expect(await q.claim('na', 'late', 'agent-a', T0.getTime())).toBe(false);
        expect(await q.status('na', 'late')).toEqual({ status: 'expired' });
        expect(await q.pending('na')).toEqual([]);
        await q.submit(request('taken'));
        expect(await q.claim('na', 'taken', 'agent-a', T0.getTime())).toBe(true);
        expect(await q.expire('na', 'taken')).toBe(false);
      });

      it('when the deadline has passed, then no agent claims it (an agent back from an outage does not run stale commands)', async () => {
        const q = t.commands();
        await q.submit(request('stale'));
        expect(await q.claim('na', 'stale', 'agent-a', T0.getTime() + 30_000)).toBe(false);
        expect(await q.status('na', 'stale')).toEqual({ status: 'pending' });
        expect(await q.status('na', 'unknown')).toBeUndefined();
        expect(await q.claim('na', 'unknown', 'agent-a', T0.getTime())).toBe(false);
      });
    });

    describe('server leases', () => {
      it('when a second agent claims a held server, then it is refused with the holder; the holder renews and reclaims', async () => {
        const [a, b] = [t.leases(), t.leases()];
        expect(await a.claim('na', agentA, T0, 30_000)).toEqual({ ok: true });
        expect(await b.claim('na', agentB, new Date(T0.getTime() + 1000), 30_000)).toEqual({
          ok: false,
          heldBy: agentA,
          until: new Date(T0.getTime() + 30_000),
        });
        expect(await a.renew('na', agentA, new Date(T0.getTime() + 10_000), 30_000)).toBe(true);
        // The same agent restarted (new pid): it takes its server back at once.
        expect(await a.claim('na', { ...agentA, pid: 101 }, new Date(T0.getTime() + 11_000), 30_000)).toEqual({
          ok: true,
        });
        expect(await b.claim('eu', agentB, T0, 30_000)).toEqual({ ok: true });
        expect((await t.leases().list()).sort((x, y) => x.serverId.localeCompare(y.serverId))).toEqual([
          { serverId: 'eu', heldBy: agentB, until: new Date(T0.getTime() + 30_000) },
          { serverId: 'na', heldBy: { ...agentA, pid: 101 }, until: new Date(T0.getTime() + 41_000) },
        ]);
      });

      it('when a lease expires, then another agent takes it over and the old holder can no longer renew', async () => {
        const [a, b] = [t.leases(), t.leases()];
        await a.claim('na', agentA, T0, 1000);
        expect(await b.claim('na', agentB, new Date(T0.getTime() + 2000), 30_000)).toEqual({ ok: true });
        expect(await a.renew('na', agentA, new Date(T0.getTime() + 2500), 30_000)).toBe(false);
        await a.release('na', agentA); // not its lease any more: left alone
        expect((await a.claim('na', agentA, new Date(T0.getTime() + 3000), 1000)).ok).toBe(false);
      });

      it('when the holder releases, then another agent can claim at once', async () => {
        const [a, b] = [t.leases(), t.leases()];
        await a.claim('na', agentA, T0, 30_000);
        await a.release('na', agentA);
        expect(await b.claim('na', agentB, T0, 30_000)).toEqual({ ok: true });
      });
    });
  });
}
