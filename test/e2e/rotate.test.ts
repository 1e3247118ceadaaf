import { readFileSync } from 'node:fs';
import { startTestBot, type TestBotEnv } from '../support/startTestBot';
import {
  FAKE_AC_SERVER_COMMAND,
  makeFakeAcServerFolder,
  type FakeAcServerFolder,
} from '../support/fakeAcServer/FakeAcServerFolder';
import { ROTATION_SEASON } from '../support/rotationHarness';

describe('e2e: rotation with the whole bot, the fake Discord and the fake acServer as its child', () => {
  let env: TestBotEnv;
  let ac: FakeAcServerFolder;
  const clock = { now: () => new Date('2030-01-15T12:00:00Z') }; // event2 (Suzuka) is scheduled
  const messages = (channel: keyof TestBotEnv['channels']) => env.fake.messages(env.channels[channel]);
  const admin = () => ({ roles: [env.adminRoleId] });

  beforeAll(async () => {
    ac = await makeFakeAcServerFolder('crlf-plugin');
    env = await startTestBot({
      season: ROTATION_SEASON,
      clock,
      env: {
        AC_SERVER_DIR: ac.dir,
        AC_SERVER_CONTROL: 'child',
        AC_SERVER_COMMAND: FAKE_AC_SERVER_COMMAND,
        AC_SERVER_HEALTH_TIMEOUT_MS: '5000',
        ROTATION_ENABLED: 'true',
      },
    });
  });
  afterAll(() => env.close());
  afterEach(() => env.fake.assertNoUnknownRoutes());

  it('when the bot starts, then it rotates acServer to the scheduled event and the announcement follows', async () => {
    await env.bot.rotation.task!.firstTick;
    expect((await ac.waitForState('running', 'suzuka')).config!.cars).toEqual(['ks_porsche_911_gt3_cup_2017']);
    expect(JSON.parse(readFileSync(env.config.currentEventFile, 'utf8')).eventId).toBe('season1#event2');
    await env.fake.waitFor(
      () => messages('announcements').some((m) => m.content.includes('Now running: Season 1 - Event 2')),
      5000,
      'announcement',
    );
  });

  it('when a member uses /rotate, then it is refused and nothing happens', async () => {
    const pid = ac.status()!.pid;
    const h = env.fake.injectInteraction({ commandName: 'rotate', options: { target: 'next' }, member: { roles: [] } });
    expect((await h.waitForReply(3000)).content).toMatch(/Only league admins/);
    expect(ac.status()!.pid).toBe(pid);
  });

  it('when an admin asks for a dry run of the next event, then the reply lists the INI changes and nothing changes', async () => {
    const before = readFileSync(ac.serverCfgPath, 'utf8');
    const h = env.fake.injectInteraction({
      commandName: 'rotate',
      options: { target: 'next', dry_run: true },
      member: admin(),
    });
    const reply = await h.waitForReply(5000, (r) => !!r.content);
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain('**Dry run: rotating to Season 1 - Event 3** (`season1#event3`) would change:');
    for (const line of [
      '- [SERVER] TRACK=suzuka',
      '+ [SERVER] TRACK=monza',
      '- [SERVER] CONFIG_TRACK=suzukagp',
      '+ [SERVER] CONFIG_TRACK=',
      '- 4 slots: ks_porsche_911_gt3_cup_2017 x4',
      '+ 1 slot: lotus_exos_125 x1',
    ]) {
      expect(reply.content.split('\n')).toContain(line);
    }
    expect(reply.content).toContain('Nothing was changed.');
    expect(reply.content.length).toBeLessThanOrEqual(2000);
    expect(readFileSync(ac.serverCfgPath, 'utf8')).toBe(before);
  });

  it('when an admin types an event, then autocomplete offers the season’s events', async () => {
    const h = env.fake.injectInteraction({
      type: 'autocomplete',
      commandName: 'rotate',
      options: { event: 'event 1' },
    });
    expect(await h.waitForChoices(3000)).toEqual([{ name: 'Season 1 - Event 1', value: 'season1#event1' }]);
  });

  it('when an admin rotates to a chosen event, then acServer runs it, the reply says so and it is announced', async () => {
    const requestsBefore = env.fake.requests.length;
    const h = env.fake.injectInteraction({
      commandName: 'rotate',
      options: { target: 'event', event: 'season1#event1' },
      member: admin(),
    });
    const reply = await h.waitForReply(15_000, (r) => !!r.content);
    expect(reply.content).toMatch(
      /^\*\*Rotated to Season 1 - Event 1\*\* \(`season1#event1`\) in \d+\.\d s: acServer restarted and answering\./,
    );
    expect(reply.content).toContain('+ [SERVER] TRACK=ks_red_bull_ring');
    expect((await ac.waitForState('running', 'ks_red_bull_ring')).config!.layout).toBe('layout_national');
    await env.fake.waitFor(
      () => messages('announcements').some((m) => m.content.includes('Now running: Season 1 - Event 1')),
      5000,
      'announcement',
    );
    expect(await env.bot.state.lastRotation()).toMatchObject({
      eventId: 'season1#event1',
      by: expect.stringMatching(/^discord:\d+$/),
    });
    expect(env.fake.requests.length).toBeGreaterThan(requestsBefore);
  });

  it('when the next event fails to start, then the admin channel is alerted, acServer is back on the old event and /rotate says so', async () => {
    ac.failOn('monza');
    const h = env.fake.injectInteraction({ commandName: 'rotate', options: { target: 'next' }, member: admin() });
    const reply = await h.waitForReply(30_000, (r) => !!r.content);
    expect(reply.content).toMatch(/\*\*Rotation failed\.\*\* Rotation to season1#event3 failed at step "health"/);
    expect(reply.content).toMatch(/acServer is back on them/);
    expect((await ac.waitForState('running', 'ks_red_bull_ring')).config!.track).toBe('ks_red_bull_ring');
    await env.fake.waitFor(
      () => messages('admin').some((m) => m.content.includes('🚨 Rotation to season1#event3 failed')),
      5000,
      'admin alert',
    );
    expect(JSON.parse(readFileSync(env.config.currentEventFile, 'utf8')).eventId).toBe('season1#event1');
  });

  it('when members and admins have used commands, then discord.js keeps no user or member but the bot itself (the admin checks above read roles without them)', () => {
    const client = env.bot.discord!.client;
    const self = client.user!.id;
    expect([...client.users.cache.keys()]).toEqual([self]);
    for (const guild of client.guilds.cache.values()) {
      expect([...guild.members.cache.keys()].filter((id) => id !== self)).toEqual([]);
      expect(guild.roles.cache.has(env.adminRoleId)).toBe(true);
    }
  });
});
