import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { Events, type Message, type PartialMessage } from 'discord.js';
import { startTestBot, type TestBotEnv } from '../support/startTestBot';
import { present } from '../support/present';

// An announcement is news, said once: not a post the bot keeps alive like the leaderboard.
describe('e2e: event announcements are one-off messages', () => {
  let env: TestBotEnv;
  beforeAll(async () => {
    env = await startTestBot();
  });
  afterAll(() => env.close());

  const announcements = () => env.fake.messages(env.channels.announcements);
  const announce = async (eventId: string) => {
    const count = announcements().length + 1;
    writeFileSync(env.config.currentEventFile, JSON.stringify({ eventId }));
    await env.fake.waitFor(() => announcements().length === count, 5000, `announcement of ${eventId}`);
  };

  it('when a moderator deletes an announcement, then it is not posted again', async () => {
    await announce('season1#event1');
    const first = present(announcements()[0], 'the announcement');
    const client = env.bot.discord!.client;
    const deleted = once(client, Events.MessageDelete) as Promise<[Message | PartialMessage]>;
    env.fake.deleteMessageAsUser(env.channels.announcements, first.id);
    expect((await deleted)[0]?.id).toBe(first.id);
    // Whatever the bot would re-post after the delete is sent by now.
    await env.bot.discord!.posts.flush();
    expect(announcements()).toEqual([]);
  });

  it('when events are announced, then the bot keeps no message rows for them', async () => {
    await announce('season1#event2');
    await announce('season1#event1');
    const rows = await env.bot.store.list<unknown>('message');
    expect(rows.map((r) => r.key).filter((k) => k.startsWith('announce'))).toEqual([]);
  });
});
