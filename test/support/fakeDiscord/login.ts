import { once } from 'node:events';
import { Events, type Client } from 'discord.js';
import { createDiscordClient } from '../../../src/adapters/discord/createClient';
import type { FakeDiscord } from './FakeDiscord';

/** A real discord.js client, logged in to the fake and past `clientReady` (guild cached). */
export async function loginToFake(
  fake: FakeDiscord,
  client: Client = createDiscordClient({ apiBase: fake.apiBase, fastIdentify: true }),
): Promise<Client<true>> {
  const ready = once(client, Events.ClientReady);
  await client.login(fake.token);
  await ready;
  return client as Client<true>;
}
