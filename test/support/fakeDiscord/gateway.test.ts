import { once } from 'node:events';
import { Events, type Client, type TextChannel } from 'discord.js';
import { createDiscordClient } from '../../../src/adapters/discord/createClient';
import { FakeDiscord } from './FakeDiscord';
import { loginToFake } from './login';

describe('fake Discord gateway with the real discord.js client', () => {
  let fake: FakeDiscord;
  let client: Client<true>;

  beforeEach(async () => {
    fake = await FakeDiscord.start({ heartbeatIntervalMs: 200 });
    client = await loginToFake(fake);
    client.on(Events.InteractionCreate, (i) => {
      if (i.isChatInputCommand()) void i.reply(`pong ${i.commandName}`);
    });
  });

  afterEach(async () => {
    await client.destroy();
    await fake.close();
  });

  /** The client still gets gateway events and can still use REST. */
  async function expectWorking(tag: string): Promise<void> {
    const handle = fake.injectInteraction({ commandName: tag });
    expect((await handle.waitForReply(5000)).content).toBe(`pong ${tag}`);
    const channel = client.channels.cache.get(fake.channelId('general')) as TextChannel;
    await channel.send(`still here after ${tag}`);
    expect(fake.messages(channel.id).map((m) => m.content)).toContain(`still here after ${tag}`);
  }

  it('when the client heartbeats, then the fake ACKs and discord.js measures a ping', async () => {
    await fake.waitFor(() => fake.gatewayPayloads.filter((p) => p.op === 1).length >= 2, 3000, 'two heartbeats');
    await fake.waitFor(() => client.ws.ping >= 0, 3000, 'a ping');

    expect(client.ws.ping).toBeGreaterThanOrEqual(0);
  });

  it('when the gateway sends op 7 reconnect, then the client resumes on resume_gateway_url and keeps working', async () => {
    const resumed = once(client.ws.shards.first()!, 'resumed');

    fake.sendReconnect();
    await resumed;

    expect(fake.resumeCount).toBe(1);
    expect(fake.identifyCount).toBe(1);
    expect(fake.gatewayConnections.map((c) => c.path)).toEqual(['/gateway', '/resume']);
    await expectWorking('reconnect');
  });

  it('when events happen while disconnected, then they are replayed on resume', async () => {
    const resumed = once(client.ws.shards.first()!, 'resumed');
    fake.dropConnection();
    const channelId = fake.addChannel('created-while-away');
    await resumed;

    await fake.waitFor(() => client.channels.cache.has(channelId), 3000, 'the replayed CHANNEL_CREATE');
    expect(fake.resumeCount).toBe(1);
    await expectWorking('drop');
  });

  it('when the gateway sends op 9 not resumable, then the client identifies again and keeps working', async () => {
    fake.invalidateSession(false);

    await fake.waitFor(() => fake.identifyCount === 2, 5000, 'a second IDENTIFY');
    expect(fake.resumeCount).toBe(0);
    await expectWorking('invalid');
  });

  it('when the gateway sends op 9 resumable, then the client resumes on the same connection', async () => {
    const resumed = once(client.ws.shards.first()!, 'resumed');

    fake.invalidateSession(true);
    await resumed;

    expect(fake.resumeCount).toBe(1);
    expect(fake.gatewayConnections).toHaveLength(1);
    await expectWorking('resumable');
  });

  it('when the client asks for privileged intents, then the gateway closes with 4014', async () => {
    const greedy = createDiscordClient({ apiBase: fake.apiBase, fastIdentify: true });
    greedy.options.intents = greedy.options.intents.add('GuildMembers');

    const error = await greedy.login(fake.token).catch((e: unknown) => e);
    await greedy.destroy();

    expect(String(error)).toMatch(/disallowed intents/i);
  });
});
