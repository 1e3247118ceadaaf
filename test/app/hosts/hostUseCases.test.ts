import { startDynalite, type LocalDynamo } from '../../support/dynalite';
import { freshHostTables, type HostTables } from '../../support/hostTables';
import { captureLog } from '../../support/captureLog';
import { ChangePublisher } from '../../../src/app/hosts/ChangePublisher';
import { ChangeFollower } from '../../../src/app/hosts/ChangeFollower';
import { CommandRunner } from '../../../src/app/hosts/CommandRunner';
import { RemoteCommands } from '../../../src/app/hosts/RemoteCommands';
import { LeaseKeeper, LeaseRefusedError } from '../../../src/app/hosts/LeaseKeeper';
import type { ChangeEntry, CommandRequest } from '../../../src/app/hosts/hostPorts';
import { systemClock } from '../../../src/app/ports';

let server: LocalDynamo;
let t: HostTables;
beforeAll(async () => {
  server = await startDynalite();
});
afterAll(() => server.close());
beforeEach(async () => {
  t = await freshHostTables(server.endpoint);
});
afterEach(() => t.cleanup());

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const until = async (ok: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(20);
  }
};

describe('change log: agents publish, the bot follows', () => {
  it('when two agents publish bursts, then the bot gets each event once per burst, in order, and a restarted bot goes on from its cursor', async () => {
    const { log } = captureLog();
    const pub = (serverId: string) =>
      new ChangePublisher(
        { log: t.changeLog(), serverId, agentId: `agent-${serverId}`, clock: systemClock, logger: log },
        20,
      );
    const [a, b] = [pub('a'), pub('b')];
    for (let i = 0; i < 5; i++) a.laps('s#e1'); // a burst: one entry
    b.laps('s#e2');
    b.currentEvent('s#e2');
    await Promise.all([a.flush(), b.flush()]);

    const seen: ChangeEntry[] = [];
    const follower = () =>
      new ChangeFollower({
        log: t.changeLog(),
        state: t.store,
        clock: systemClock,
        logger: log,
        apply: async (entries) => void seen.push(...entries),
        report: (err) => {
          throw err;
        },
        pollMs: 20,
      });
    const first = follower();
    await first.start();
    await until(() => seen.length === 3);
    await first.stop();
    expect(seen.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(seen.map((e) => e.change)).toEqual(
      expect.arrayContaining([
        { kind: 'laps', serverId: 'a', eventIds: ['s#e1'] },
        { kind: 'laps', serverId: 'b', eventIds: ['s#e2'] },
        { kind: 'current-event', serverId: 'b', eventId: 's#e2' },
      ]),
    );

    a.laps('s#e3'); // while the bot is down
    await a.flush();
    const second = follower();
    await second.start();
    await until(() => seen.length === 4);
    await sleep(100);
    await second.stop();
    expect(seen.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(seen[3]!.change).toEqual({ kind: 'laps', serverId: 'a', eventIds: ['s#e3'] });
  });

  it('when applying fails, then the same entries come again until it works (nothing is lost)', async () => {
    const { log } = captureLog();
    await t.changeLog().append({ kind: 'laps', serverId: 'a', eventIds: ['s#e1'] }, 'a', new Date());
    let fails = 2;
    const applied: number[] = [];
    const errors: unknown[] = [];
    const f = new ChangeFollower({
      log: t.changeLog(),
      state: t.store,
      clock: systemClock,
      logger: log,
      apply: async (entries) => {
        if (fails-- > 0) throw new Error('disk full');
        applied.push(...entries.map((e) => e.seq));
      },
      report: (err) => errors.push(err),
      pollMs: 20,
    });
    await f.start();
    await until(() => applied.length > 0);
    await f.stop();
    expect(applied).toEqual([1]);
    expect(errors).toHaveLength(2);
  });

  it('when a writer died between numbering and writing, then the bot waits for it, then skips it and says so', async () => {
    const { log, lines } = captureLog();
    const changes = t.changeLog();
    await changes.append({ kind: 'laps', serverId: 'a', eventIds: ['s#e1'] }, 'a', new Date());
    await changes.append({ kind: 'laps', serverId: 'a', eventIds: ['s#e2'] }, 'a', new Date());
    await t.store.delete('changeLog', '0000000000000001'); // as if its write never happened
    let now = 0;
    const applied: number[] = [];
    const f = new ChangeFollower({
      log: changes,
      state: t.store,
      clock: { now: () => new Date(now) },
      logger: log,
      apply: async (entries) => void applied.push(...entries.map((e) => e.seq)),
      report: (err) => {
        throw err;
      },
      gapWaitMs: 5000,
    });
    await f.tick();
    now = 4999;
    await f.tick();
    expect(applied).toEqual([]);
    now = 5000;
    await f.tick();
    expect(applied).toEqual([2]);
    expect(lines.find((l) => String(l.msg).includes('skipped'))).toMatchObject({ first: 1, last: 1, count: 1 });
  });
});

describe('commands for a server on another host', () => {
  const rotate = { action: 'rotate' as const, target: { kind: 'next' as const }, dryRun: false };
  const remote = () =>
    new RemoteCommands({
      queue: t.commands(),
      clock: systemClock,
      newId: () => crypto.randomUUID(),
      sleep,
      pollMs: 20,
    });

  it('when the bot asks for a rotation of b, then only b’s agent runs it, once, and the bot gets its answer', async () => {
    const { log } = captureLog();
    const ran: Array<{ agent: string; request: CommandRequest }> = [];
    const agent = (agentId: string, serverId: string) =>
      new CommandRunner({
        queue: t.commands(),
        agentId,
        serverIds: [serverId],
        handlers: {
          rotate: async (request) => {
            ran.push({ agent: agentId, request });
            return { ok: true, message: `rotated ${request.serverId}` };
          },
          kickall: async () => ({ ok: true, message: 'kicked' }),
        },
        clock: systemClock,
        log,
        report: (err) => {
          throw err;
        },
        pollMs: 20,
      });
    // Two agents for b (a misconfiguration leases prevent; the claim still lets only one run it).
    const runners = [agent('a', 'a'), agent('b1', 'b'), agent('b2', 'b')];
    runners.forEach((r) => r.start());
    try {
      expect(await remote().run('b', rotate, 'discord:42', 5000)).toEqual({ ok: true, message: 'rotated b' });
      expect(await remote().run('b', { action: 'kickall' }, 'discord:42', 5000)).toEqual({
        ok: true,
        message: 'kicked',
      });
    } finally {
      await Promise.all(runners.map((r) => r.stop()));
    }
    expect(ran).toHaveLength(1);
    expect(ran[0]!.agent).toMatch(/^b[12]$/);
    expect(ran[0]!.request).toMatchObject({ serverId: 'b', by: 'discord:42', target: { kind: 'next' } });
  });

  it('when the handler throws, then the answer says it failed and why', async () => {
    const { log } = captureLog();
    const runner = new CommandRunner({
      queue: t.commands(),
      agentId: 'b',
      serverIds: ['b'],
      handlers: {
        rotate: async () => {
          throw new Error('acServer folder missing');
        },
        kickall: async () => ({ ok: true, message: '' }),
      },
      clock: systemClock,
      log,
      report: () => {},
      pollMs: 20,
    });
    runner.start();
    const answer = await remote().run('b', rotate, 'discord:1', 5000);
    await runner.stop();
    expect(answer).toEqual({ ok: false, message: 'rotate failed on the agent: acServer folder missing' });
  });

  it('when no agent runs the server, then the bot times out, says so, and the command never runs later', async () => {
    const answer = await remote().run('nobody', rotate, 'discord:1', 300);
    expect(answer.ok).toBe(false);
    expect(answer.message).toMatch(/No agent took the rotate for server `nobody` within 0.3 s: .*Nothing was done\./);
    expect(await t.commands().pending('nobody')).toEqual([]);
  });
});

describe('server leases kept by an agent', () => {
  it('when a second agent is configured with a held server, then it refuses to start naming the server and the holder, and takes nothing', async () => {
    const { log } = captureLog();
    const keeper = (agentId: string, serverIds: string[], onLost = () => {}) =>
      new LeaseKeeper({
        leases: t.leases(),
        holder: { agentId, host: `${agentId}-host`, pid: 1 },
        serverIds,
        clock: systemClock,
        log,
        onLost,
        report: () => {},
        ttlMs: 300,
      });
    const eu = keeper('eu', ['a']);
    await eu.claimAll();
    const na = keeper('na', ['b', 'a']);
    const err = await na.claimAll().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LeaseRefusedError);
    expect((err as Error).message).toMatch(/^server "a" is already run by agent "eu" \(host eu-host, pid 1\)/);
    // b was released again: all or nothing.
    expect(await t.leases().claim('b', { agentId: 'x', host: 'h', pid: 2 }, new Date(), 1000)).toEqual({ ok: true });
    await sleep(500); // longer than the lease: heartbeats keep it
    const again = await keeper('na', ['a'])
      .claimAll()
      .catch((e: unknown) => e);
    expect(again).toBeInstanceOf(LeaseRefusedError);
    await eu.stop();
    const na2 = keeper('na', ['a']);
    await na2.claimAll(); // released on a clean stop
    await na2.stop();
  });
});
