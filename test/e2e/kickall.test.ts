import type { TestBotEnv } from '../support/startTestBot';
import type { FakeAcUdpPeer, PeerCar } from '../support/fakeAcServer/udpPeer';
import type { InteractionHandle } from '../support/fakeDiscord';
import { startLiveBot } from '../support/startLiveBot';
import { startTestBot } from '../support/startTestBot';

const cars: PeerCar[] = [0, 1, 2, 5].map((carId) => ({
  carId,
  name: `Driver ${carId}`,
  guid: `7656119800000020${carId}`,
  model: 'ks_mazda_mx5_cup',
}));

describe('e2e: /kickall empties the fake acServer after the admin confirms', () => {
  let env: TestBotEnv;
  let peer: FakeAcUdpPeer;
  let adminId: string;
  let otherAdminId: string;
  const kickall = (userId: string) =>
    env.fake.injectInteraction({ commandName: 'kickall', channelId: env.channels.admin, member: { userId } });
  /** The custom id of a button in the confirmation `h` shows. */
  const buttonId = (h: InteractionHandle, action: 'confirm' | 'cancel') => {
    const shown = JSON.stringify(env.fake.message(env.channels.admin, h.original!.id));
    const id = new RegExp(`kickall:${action}:\\d+`).exec(shown)?.[0];
    if (!id) throw new Error(`no ${action} button in ${shown}`);
    return id;
  };
  /** Presses a button of the confirmation `h` shows (its custom id carries h's invocation id). */
  const press = (h: InteractionHandle, action: 'confirm' | 'cancel', userId: string, customId = buttonId(h, action)) =>
    env.fake.injectInteraction({
      type: 'button',
      customId,
      messageId: h.original!.id,
      channelId: env.channels.admin,
      member: { userId },
    });

  beforeAll(async () => {
    ({ bot: env, peer } = await startLiveBot());
    adminId = env.fake.addMember('race-director', [env.adminRoleId]);
    otherAdminId = env.fake.addMember('co-director', [env.adminRoleId]);
  });
  afterAll(async () => {
    await env.close();
    await peer.close();
  });
  afterEach(() => env.fake.assertNoUnknownRoutes());

  it('when a member without the admin role uses it, then it is refused and nobody is kicked', async () => {
    for (const c of cars) peer.connect(c);
    await peer.waitFor(() => env.bot.acPlugin.link!.cars().length === 4, 3000, 'cars known');
    const h = env.fake.injectInteraction({
      commandName: 'kickall',
      channelId: env.channels.admin,
      member: { roles: [] },
    });
    const reply = await h.waitForReply(3000, (r) => !!r.content);
    expect(reply).toMatchObject({ ephemeral: true, content: expect.stringMatching(/Only league admins/) });
    expect(peer.received.filter((c) => c.type === 'KICK_USER')).toEqual([]);
  });

  it('when an admin confirms, then every car is kicked, the server is empty and the reply says how many', async () => {
    const h = kickall(adminId);
    const ask = await h.waitForReply(5000, (r) => r.content.startsWith('Kick all'));
    expect(ask.content).toContain('Kick all 4 connected drivers off acServer? Driver 0, Driver 1, Driver 2, Driver 5');
    expect(JSON.stringify(ask)).toContain('kickall:confirm');
    expect(peer.kicked).toEqual([]);

    const intruder = press(h, 'confirm', otherAdminId);
    expect((await intruder.waitForReply(3000)).content).toMatch(/Only the admin who used \/kickall/);
    expect(peer.kicked).toEqual([]);

    const click = press(h, 'confirm', adminId);
    await click.waitForAnswer();
    const done = await h.waitForReply(5000, (r) => r.content.startsWith('Kicked'));
    expect(done.content).toBe('Kicked 4 drivers: the server is empty.');
    expect(JSON.stringify(env.fake.message(env.channels.admin, h.original!.id))).not.toContain('kickall:confirm');
    expect([...peer.kicked].sort()).toEqual([0, 1, 2, 5]);
    expect(peer.connectedCars()).toEqual([]);
    expect(env.bot.acPlugin.link!.cars()).toEqual([]);
  });

  it('when the admin cancels, then nobody is kicked', async () => {
    peer.connect(cars[0]!);
    await peer.waitFor(() => env.bot.acPlugin.link!.cars().length === 1, 3000, 'car back');
    const h = kickall(adminId);
    await h.waitForReply(5000, (r) => r.content.startsWith('Kick all 1 connected driver off'));
    press(h, 'cancel', adminId);
    expect((await h.waitForReply(5000, (r) => r.content.startsWith('Cancelled'))).content).toBe(
      'Cancelled: nobody was kicked.',
    );
    expect(peer.connectedCars()).toHaveLength(1);
    peer.disconnect(0);
    await peer.waitFor(() => env.bot.acPlugin.link!.cars().length === 0, 3000, 'car gone');
  });

  it('when two admins ask at once, then each confirmation answers only its own /kickall', async () => {
    for (const c of cars.slice(0, 2)) peer.connect(c);
    await peer.waitFor(() => env.bot.acPlugin.link!.cars().length === 2, 3000, 'two cars known');
    const first = kickall(adminId);
    const second = kickall(otherAdminId);
    await first.waitForReply(5000, (r) => r.content.startsWith('Kick all 2'));
    await second.waitForReply(5000, (r) => r.content.startsWith('Kick all 2'));
    expect(buttonId(first, 'confirm')).not.toBe(buttonId(second, 'confirm'));

    // A press carrying the first invocation's id never answers the second one.
    const crossed = press(second, 'confirm', otherAdminId, buttonId(first, 'confirm'));
    expect((await crossed.waitForReply(3000)).content).toMatch(/belongs to another \/kickall/);
    expect(peer.kicked).toHaveLength(4); // the four of the earlier test, nobody new

    press(second, 'cancel', otherAdminId);
    expect((await second.waitForReply(5000, (r) => r.content.startsWith('Cancelled'))).content).toBe(
      'Cancelled: nobody was kicked.',
    );
    expect(peer.connectedCars()).toHaveLength(2);
    expect(JSON.stringify(env.fake.message(env.channels.admin, first.original!.id))).toContain(
      buttonId(first, 'confirm'),
    );

    press(first, 'confirm', adminId);
    const done = await first.waitForReply(5000, (r) => r.content.startsWith('Kicked'));
    expect(done.content).toBe('Kicked 2 drivers: the server is empty.');
    expect(peer.connectedCars()).toEqual([]);
    expect((await second.waitForReply(1000)).content).toBe('Cancelled: nobody was kicked.');
  });

  const six: PeerCar[] = [0, 1, 2, 3, 4, 5].map((carId) => ({
    carId,
    name: `Racer ${carId}`,
    guid: `7656119800000030${carId}`,
    model: 'ks_mazda_mx5_cup',
  }));
  const kickEveryone = async () => {
    const h = kickall(adminId);
    const ask = await h.waitForReply(5000, (r) => r.content.startsWith('Kick all') || r.content.startsWith('Nobody'));
    if (!ask.content.startsWith('Kick all')) return { ask: ask.content, done: '' };
    press(h, 'confirm', adminId);
    const done = await h.waitForReply(
      8000,
      (r) => r.content.startsWith('Kicked') || r.content.startsWith('Sent a kick'),
    );
    return { ask: ask.content, done: done.content };
  };

  it('when acServer says VERSION while six drivers are on, then /kickall still lists and kicks all six', async () => {
    for (const c of six) peer.connect(c);
    await peer.waitFor(() => env.bot.acPlugin.link!.cars().length === 6, 3000, 'six cars known');
    peer.send({ type: 'VERSION', protocolVersion: 4 });
    const { ask, done } = await kickEveryone();
    expect(ask).toContain(
      'Kick all 6 connected drivers off acServer? Racer 0, Racer 1, Racer 2, Racer 3, Racer 4, Racer 5',
    );
    expect(done).toBe('Kicked 6 drivers: the server is empty.');
    expect(peer.connectedCars()).toEqual([]);
  });

  it('when the bot missed one driver’s connection, then /kickall asks acServer first, kicks all six and only then says the server is empty', async () => {
    for (const c of six.slice(0, 5)) peer.connect(c);
    peer.connect(six[5]!, { silent: true }); // its NEW_CONNECTION never reached the bot
    await peer.waitFor(() => env.bot.acPlugin.link!.cars().length === 5, 3000, 'five cars known');
    const { ask, done } = await kickEveryone();
    expect(ask).toContain('Kick all 6 connected drivers');
    expect(done).toBe('Kicked 6 drivers: the server is empty.');
    expect([...peer.kicked].slice(-6).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(peer.connectedCars()).toEqual([]);
  });

  it('when a driver left without the bot hearing of it, then /kickall does not list or count them', async () => {
    for (const c of six.slice(0, 3)) peer.connect(c);
    await peer.waitFor(() => env.bot.acPlugin.link!.cars().length === 3, 3000, 'three cars known');
    peer.disconnect(1, { silent: true }); // its CONNECTION_CLOSED never reached the bot
    const { ask, done } = await kickEveryone();
    expect(ask).toContain('Kick all 2 connected drivers off acServer? Racer 0, Racer 2');
    expect(done).toBe('Kicked 2 drivers: the server is empty.');
  });

  it('when nobody is connected, then it says so without asking', async () => {
    const h = kickall(adminId);
    expect((await h.waitForReply(5000, (r) => !!r.content)).content).toBe(
      'Nobody is connected to acServer: there is no one to kick.',
    );
  });

  it('when acServer does not answer on the plugin link, then it says so', async () => {
    await peer.close();
    const h = kickall(adminId);
    const reply = await h.waitForReply(5000, (r) => !!r.content);
    expect(reply.content).toMatch(
      /^acServer does not answer on the UDP plugin 127\.0\.0\.1:\d+ <-> acServer 127\.0\.0\.1:\d+.*Nobody was kicked\.$/,
    );
    peer = { close: async () => {} } as FakeAcUdpPeer;
  });

  it('when the plugin link is off, then it says how to turn it on', async () => {
    const plain = await startTestBot(); // no server_cfg.ini, no AC_PLUGIN_* settings
    try {
      const h = plain.fake.injectInteraction({
        commandName: 'kickall',
        channelId: plain.channels.admin,
        member: { roles: [plain.adminRoleId] },
      });
      expect((await h.waitForReply(5000, (r) => !!r.content)).content).toMatch(
        /plugin link is off.*UDP_PLUGIN_ADDRESS/,
      );
    } finally {
      await plain.close();
    }
  });
});
