import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { startTestBot, type TestBotEnv } from '../support/startTestBot';
import { rawLap, resultsBytes, type RawLap } from '../support/resultsFile';
import { deployCommands } from '../../src/adapters/discord/deployCommands';
import { loadCommands } from '../../commands';
import type { MessageView } from '../support/fakeDiscord';

const G = '76561198000000001';
const H = '76561198000000002';
const W = '76561198000000005';
const lap = (guid: string, name: string, ms: number, carId: number): RawLap =>
  rawLap({ DriverGuid: guid, DriverName: name, CarId: carId, Timestamp: 100_000 + carId, LapTime: ms });

describe('e2e: linked drivers, /me and notifications', () => {
  let env: TestBotEnv;
  let adminId: string;
  let hugoId: string;
  let ginaId: string;
  let thiefId: string;
  let waltId: string;
  let files = 0;
  const post = () => env.fake.messages(env.channels.leaderboard)[0]?.content ?? '';
  const adminMessages = () => env.fake.messages(env.channels.admin);
  const command = (userId: string, commandName: string, options: Record<string, string> = {}, subcommand?: string) =>
    env.fake
      .injectInteraction({ commandName, subcommand, options, member: { userId } })
      .waitForReply(8000, (r) => r.content.length > 0);
  const press = (msg: MessageView, userId: string, which: 'approve' | 'reject') => {
    const button = (msg.components[0]!.components as Array<{ custom_id: string }>).find((b) =>
      b.custom_id.startsWith(`link:${which}:`),
    )!;
    return env.fake.injectInteraction({
      type: 'button',
      customId: button.custom_id,
      messageId: msg.id,
      channelId: env.channels.admin,
      member: { userId },
    });
  };
  const requestFor = (guid: string) =>
    env.fake.waitFor(
      () => adminMessages().find((m) => m.content.includes(`\`${guid}\``) && m.components.length > 0),
      8000,
      `link request for ${guid}`,
    );
  /** A results file of the running event (Suzuka GP), a minute after the last one. */
  const session = async (laps: RawLap[], shows: string) => {
    files += 1;
    writeFileSync(path.join(env.resultsDir, `2019_3_2_21_${files}_PRACTICE.json`), resultsBytes(laps));
    await env.fake.waitFor(() => post().includes(shows), 8000, `leaderboard showing ${shows}`);
    await env.bot.steward.notifier!.idle();
  };

  beforeAll(async () => {
    env = await startTestBot({ env: { DRIVER_NAMES: 'discord', NOTIFY_INTERVAL_S: '3600' } });
    await deployCommands({
      token: env.fake.token,
      appId: env.fake.applicationId,
      guildId: env.fake.guildId,
      apiBase: env.fake.apiBase,
      commands: loadCommands().values(),
    });
    adminId = env.fake.addMember('race-director', [env.adminRoleId]);
    hugoId = env.fake.addMember('hugo');
    env.fake.setNick(hugoId, 'Hugo the Great');
    ginaId = env.fake.addMember('gina');
    thiefId = env.fake.addMember('thief');
    waltId = env.fake.addMember('walt');
  });
  afterAll(() => env.close());
  afterEach(() => env.fake.assertNoUnknownRoutes());

  it('when an unlinked member uses /me, then they are told how to link', async () => {
    expect((await command(hugoId, 'me')).content).toMatch(/^You are not linked to a driver yet: use `\/link/);
  });

  it("when a member asks to link, then only an admin's button links them, and the request message says who approved", async () => {
    const reply = await command(hugoId, 'link', { steam_guid: H });
    expect(reply).toMatchObject({
      ephemeral: true,
      content: `Asked the league admins to link you to \`${H}\`. \`/me\` shows your results once they approve.`,
    });
    const request = await requestFor(H);
    expect(request.content).toBe(`🔗 <@${hugoId}> (**Hugo the Great**) asks to be linked to Steam GUID \`${H}\`.`);

    const intruder = press(request, ginaId, 'approve');
    expect((await intruder.waitForReply(5000)).content).toMatch(/Only league admins can answer this/);
    expect(await env.bot.steward.links.linkOfGuid(H)).toBeUndefined();

    press(request, adminId, 'approve');
    await env.fake.waitFor(
      () => env.fake.message(env.channels.admin, request.id)?.content.includes('is now linked'),
      8000,
      'request answered',
    );
    const answered = env.fake.message(env.channels.admin, request.id)!;
    expect(answered.content).toBe(`🔗 <@${hugoId}> is now linked to \`${H}\`. (answered by <@${adminId}>)`);
    expect(answered.components).toEqual([]);
    expect(await env.bot.steward.links.linkOfGuid(H)).toMatchObject({
      userId: hugoId,
      displayName: 'Hugo the Great',
      by: `discord:${adminId}`,
    });
    // The audit line follows the answer: the next test counts the admin channel's messages.
    await env.fake.waitFor(
      () => adminMessages().some((m) => m.content.includes('Driver linked')),
      8000,
      'link audited',
    );
  });

  it('when another member asks for a GUID that is taken, then it is refused at once and no admin is asked', async () => {
    const before = adminMessages().length;
    const reply = await command(thiefId, 'link', { steam_guid: H });
    expect(reply.content).toBe(`\`${H}\` is already linked to another member. If it is yours, ask a league admin.`);
    expect(adminMessages()).toHaveLength(before);
    expect((await env.bot.steward.links.linkOfGuid(H))?.userId).toBe(hugoId);
  });

  it('when an admin rejects a request, then nobody is linked and a second press finds it answered', async () => {
    await command(ginaId, 'link', { steam_guid: G });
    const request = await requestFor(G);
    press(request, adminId, 'reject');
    await env.fake.waitFor(
      () => env.fake.message(env.channels.admin, request.id)?.content.includes('**rejected**'),
      8000,
      'rejected',
    );
    expect(await env.bot.steward.links.linkOfGuid(G)).toBeUndefined();
    const again = env.fake.injectInteraction({
      type: 'button',
      customId: (request.components[0]!.components as Array<{ custom_id: string }>)[0]!.custom_id,
      messageId: request.id,
      channelId: env.channels.admin,
      member: { userId: adminId },
    });
    await again.waitForAnswer();
    await env.fake.waitFor(
      () => env.fake.message(env.channels.admin, request.id)?.content === 'This request was already answered.',
      8000,
      'second press',
    );
    expect(await env.bot.steward.links.linkOfGuid(G)).toBeUndefined();
    const actions = (await env.bot.steward.stewarding.audit()).map((e) => e.action);
    expect(actions).toEqual(['link-request', 'link', 'link-request', 'link-reject']);
  });

  it('when an admin links a member directly, then the link is made without a request', async () => {
    const reply = await command(adminId, 'link', { steam_guid: W, member: waltId });
    expect(reply.content).toBe(`<@${waltId}> is now linked to \`${W}\`.`);
  });

  it('when laps arrive, then the linked driver shows under their server name, and /me gives position, gap, standing and bests', async () => {
    await session([lap(H, 'Hugo', 127_000, 0), lap(W, 'Walter', 128_000, 1), lap(G, 'Gina', 129_000, 2)], 'Gina');
    expect(post()).toContain('Hugo the Great');
    expect(post()).not.toMatch(/\bHugo\s+2:07/);
    const me = (await command(waltId, 'me')).content;
    expect(me.split('\n')).toEqual([
      `**walt** (\`${W}\`)`,
      'Season 1 - Event 2: **P2** of 3 with 2:08.000, +1.000 behind Hugo the Great (P1).',
      'Season 1: **P2** of 3, 18 pts.',
      'Personal bests:',
      '- Suzuka Suzukagp: 2:08.000 (Season 1 - Event 2)',
      'Notifications: off (`/notify on` to be told when you are passed).',
    ]);
  });

  it('when an opted-in driver is passed, then one DM says by whom (and the record they lost); a burst after it is coalesced into one', async () => {
    expect((await command(hugoId, 'notify', {}, 'on')).content).toMatch(
      /^Notifications are on: .* at most one every 60 min/,
    );
    await command(waltId, 'notify', {}, 'on');
    env.fake.closeDms(waltId);

    await session([lap(G, 'Gina', 126_000, 2)], '2:06.000');
    await env.fake.waitFor(() => env.fake.dms(hugoId).length === 1, 8000, 'first DM');
    expect(env.fake.dms(hugoId)[0]!.content.split('\n')).toEqual([
      '🏁 **Season 1 - Event 2**: you are now P2 (were P1), passed by Gina (2:06.000).',
      '🏆 Your record on Suzuka Suzukagp (2:07.000) was beaten by Gina: 2:06.000.',
      '*Turn these messages off with `/notify off`.*',
    ]);

    await session([lap('76561198000000007', 'Xavi', 125_500, 3)], 'Xavi');
    await session([lap('76561198000000008', 'Yann', 125_800, 4)], 'Yann');
    expect(env.fake.dms(hugoId)).toHaveLength(1); // within the hour: kept for the next DM
    await env.bot.steward.notifier!.flush();
    expect(env.fake.dms(hugoId)).toHaveLength(2);
    expect(env.fake.dms(hugoId)[1]!.content).toMatch(
      /^🏁 \*\*Season 1 - Event 2\*\*: you are now P4 \(were P2\), passed by Xavi \(2:05\.500\), Yann \(2:05\.800\)\./,
    );
    const dm = env.fake.requests.find((r) => r.method === 'POST' && r.path === '/users/@me/channels');
    expect(dm?.body).toEqual({ recipient_id: hugoId });
  });

  it("when a member's DMs are closed, then the bot tries once, switches them off and says so in /me", async () => {
    expect(env.fake.dmAttempts(waltId)).toHaveLength(1);
    expect(env.fake.dms(waltId)).toEqual([]);
    expect(await env.bot.steward.links.notifyState(waltId)).toBe('dms-closed');
    expect(env.logs.filter((l) => String(l.msg).includes('does not take DMs from the bot'))).toHaveLength(1);
    expect((await command(waltId, 'me')).content).toContain('Notifications: off: your DMs were closed to the bot');
  });

  it('when the member opts out, then being passed sends nothing', async () => {
    expect((await command(hugoId, 'notify', {}, 'off')).content).toBe('Notifications are off.');
    await session([lap('76561198000000009', 'Zoe', 125_000, 5)], 'Zoe');
    await env.bot.steward.notifier!.flush();
    expect(env.fake.dms(hugoId)).toHaveLength(2);
    expect(env.fake.dmAttempts(waltId)).toHaveLength(1);
  });

  it('when a member unlinks, then /me says they are not linked and their name is the acServer one again', async () => {
    expect((await command(hugoId, 'unlink')).content).toBe(`<@${hugoId}> is no longer linked to \`${H}\`.`);
    expect((await command(hugoId, 'me')).content).toMatch(/^You are not linked/);
    await env.fake.waitFor(
      () => /\bHugo\b/.test(post()) && !post().includes('Hugo the Great'),
      8000,
      'acServer name back',
    );
  });

  it('when anything named a member, then no message could ping anyone', () => {
    const named = env.fake.requests.filter(
      (r) =>
        ['POST', 'PATCH'].includes(r.method) &&
        /<@\d/.test(JSON.stringify(r.body ?? {})) &&
        !r.path.startsWith('/interactions/'),
    );
    expect(named.length).toBeGreaterThan(5);
    for (const r of named) expect([r.path, r.body.allowed_mentions]).toEqual([r.path, { parse: [] }]);
  });
});
