import { startHosts, type Hosts } from '../support/hostsHarness';
import { sessionResults } from '../support/sessionResults';
import type { LoggedProcess } from '../support/spawnLogged';

// A bot and two agents as three processes sharing one DynamoDB Local (docs/multi-server.md).
// Event 2 of the rotation season runs at Suzuka GP from 2030-01-14: the files below belong to it.
const suzuka = (name: string, guid: string, ms: number, ts = 100_000) =>
  sessionResults({
    track: 'suzuka',
    layout: 'suzukagp',
    cars: [{ carId: 0, name, guid }],
    laps: [{ carId: 0, name, guid, ms, ts }],
  });

describe('several hosts: a bot and two agents over DynamoDB Local', () => {
  let h: Hosts;
  let bot: LoggedProcess;
  const agents: Record<string, LoggedProcess> = {};
  const board = () => h.fake.messages(h.channels.leaderboard).filter((m) => m.content.includes('Event 2'));
  const waitForBoard = (what: string, ok: (content: string) => boolean, ms = 30_000) =>
    h.fake.waitFor(() => board().some((m) => ok(m.content)), ms, what);
  const admin = () => ({ roles: [h.adminRoleId] });

  beforeAll(async () => {
    h = await startHosts(['a', 'b'], { COMMAND_TIMEOUT_S: '8', LEASE_TTL_S: '6' });
    agents.a = h.startAgent('a');
    agents.b = h.startAgent('b');
    bot = h.startBot();
    await agents.a.waitForLine(/role agent: runs server a as agent agent-a/, 60_000);
    await agents.b.waitForLine(/role agent: runs server b as agent agent-b/, 60_000);
    await bot.waitForLine(/role bot: /, 60_000);
    await bot.waitForLine(/logged in to Discord/, 30_000);
  }, 180_000);
  afterAll(() => h?.close(), 60_000);

  it('when each agent ingests a results file, then both drivers appear in the one leaderboard post', async () => {
    h.dropResults('a', '2030_1_15_20_0_PRACTICE.json', suzuka('Alice Eu', '76561198000000101', 130_500));
    h.dropResults('b', '2030_1_15_21_0_PRACTICE.json', suzuka('Bob Na', '76561198000000202', 131_250));
    await waitForBoard('Alice and Bob on the board', (c) => c.includes('Alice Eu') && c.includes('Bob Na'));
    expect(board()).toHaveLength(1);
    const content = board()[0]!.content;
    expect(content.indexOf('Alice Eu')).toBeLessThan(content.indexOf('Bob Na')); // 2:10.500 before 2:11.250
    expect(content).toContain('2:10.500');
    expect(content).toContain('2:11.250');
  }, 60_000);

  it('when an admin rotates server b from Discord, then only b’s acServer restarts on the event and the reply is b’s answer', async () => {
    // Each agent started its acServer (AC_SERVER_CONTROL=child) on the config it found.
    const aBefore = await h.ac.a!.waitForState('running', undefined, 20_000);
    const bBefore = await h.ac.b!.waitForState('running', undefined, 20_000);
    const reply = await h.fake
      .injectInteraction({
        commandName: 'rotate',
        options: { target: 'event', event: 'season1#event1', server: 'b' },
        member: admin(),
      })
      .waitForReply(30_000, (r) => !!r.content);
    expect(reply.content).toMatch(/^on server `b`: \*\*Rotated to Season 1 - Event 1\*\* \(`season1#event1`\)/);
    expect((await h.ac.b!.waitForState('running', 'ks_red_bull_ring')).config!.layout).toBe('layout_national');
    expect(h.ac.b!.status()!.pid).not.toBe(bBefore.pid);
    // a untouched: same process, same track.
    expect(h.ac.a!.status()).toMatchObject({
      state: 'running',
      pid: aBefore.pid,
      config: { track: aBefore.config!.track },
    });
    expect(aBefore.config!.track).not.toBe('ks_red_bull_ring');
    await h.fake.waitFor(
      () =>
        h.fake.messages(h.channels.announcements).some((m) => m.content.includes('Now running: Season 1 - Event 1')),
      15_000,
      'announcement of b’s new event',
    );
  }, 60_000);

  it('when the server option names a server no agent runs, then the reply says nobody took it and nothing happened', async () => {
    const reply = await h.fake
      .injectInteraction({ commandName: 'kickall', options: { server: 'zz' }, member: admin() })
      .waitForReply(20_000, (r) => !!r.content);
    expect(reply.content).toMatch(/No agent took the kickall for server `zz` within 8 s: .*Nothing was done\./);
  }, 30_000);

  it('when a second agent is started for server b, then it stops at start-up naming the server and its holder', async () => {
    const intruder = h.startAgent('b', { AGENT_ID: 'intruder' });
    expect(await intruder.exitWithin(60_000)).toBe(1);
    expect(intruder.lines.join('\n')).toMatch(
      /server \\"b\\" is already run by agent \\"agent-b\\" \(host [^,]+, pid \d+\)/,
    );
  }, 70_000);

  it('when agent a is killed, then b and the bot keep working; a restarted a catches up on the file it missed', async () => {
    agents.a!.child.kill('SIGKILL');
    await agents.a!.exited;
    h.dropResults('b', '2030_1_16_20_0_PRACTICE.json', suzuka('Bob Na', '76561198000000202', 129_900, 200_000));
    await waitForBoard('Bob’s better lap', (c) => c.includes('2:09.900'));
    h.dropResults('a', '2030_1_16_21_0_PRACTICE.json', suzuka('Carol Eu', '76561198000000303', 129_000));
    await new Promise((r) => setTimeout(r, 1500));
    expect(board()[0]!.content).not.toContain('Carol Eu'); // nobody reads a's folder now
    agents.a = h.startAgent('a'); // same AGENT_ID: it takes its lease back at once
    await agents.a.waitForLine(/role agent: runs server a/, 60_000);
    await waitForBoard('Carol from the restarted agent a', (c) => c.includes('Carol Eu'));
    expect(board()).toHaveLength(1);
  }, 120_000);

  it('when the bot is killed, then nothing is lost: after its restart the same post shows what the agents stored meanwhile', async () => {
    const messageId = board()[0]!.id;
    bot.child.kill('SIGKILL');
    await bot.exited;
    h.dropResults('b', '2030_1_17_20_0_PRACTICE.json', suzuka('Dave Na', '76561198000000404', 128_000));
    await agents.b!.waitForLine(/Dave Na|2030_1_17_20_0_PRACTICE.json/, 30_000);
    bot = h.startBot();
    await bot.waitForLine(/role bot: .*\b(a, b|b, a)\b/, 60_000);
    await waitForBoard('Dave after the bot’s restart', (c) => c.includes('Dave Na'), 60_000);
    expect(board().map((m) => m.id)).toEqual([messageId]);
    const content = board()[0]!.content;
    for (const name of ['Dave Na', 'Carol Eu', 'Alice Eu', 'Bob Na']) expect(content).toContain(name);
  }, 150_000);
});
