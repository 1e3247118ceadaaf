import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startTestBot, type TestBotEnv } from '../support/startTestBot';
import { present } from '../support/present';

describe('e2e: schedule post, season config edits and the event watcher', () => {
  let env: TestBotEnv;
  const seasonFile = () => path.join(env.dir, 'seasonConfig.json');
  const messages = (ch: keyof TestBotEnv['channels']) => env.fake.messages(env.channels[ch]);

  beforeAll(async () => {
    env = await startTestBot();
  });
  afterAll(() => env.close());
  afterEach(() => env.fake.assertNoUnknownRoutes());

  it('when the bot starts, then the schedule is posted once with dates as Discord timestamps and no preseason', async () => {
    await env.fake.waitFor(() => messages('schedule').length === 1, 5000, 'schedule post');
    const text = present(messages('schedule')[0], 'the schedule post').content;
    expect(text).toContain(`<t:${Date.parse('2019-02-15T00:00:00Z') / 1000}:F>`);
    expect(text).toMatch(/Event 1[\s\S]*Event 2[\s\S]*Event 3/);
    expect(text).not.toContain('Preseason 1');
    expect(text).toMatch(/Now running/); // event2 is active by the schedule
  });

  it('when the season config is edited validly, then the schedule message is edited within seconds', async () => {
    const id = present(messages('schedule')[0], 'the schedule post').id;
    const config = JSON.parse(readFileSync(seasonFile(), 'utf8'));
    config.seasons[0].events[3].name = 'Grand Finale';
    writeFileSync(seasonFile(), JSON.stringify(config, null, 2));
    await env.fake.waitFor(() => messages('schedule')[0]?.content.includes('Grand Finale'), 5000, 'schedule edited');
    expect(messages('schedule')).toHaveLength(1);
    expect(messages('schedule')[0]?.id).toBe(id);
  });

  it('when the season config is edited into something invalid, then admins are told where, and the last good config stays', async () => {
    const good = readFileSync(seasonFile(), 'utf8');
    const config = JSON.parse(good);
    config.seasons[0].events[1].start = '2019-13-45T99:00';
    writeFileSync(seasonFile(), JSON.stringify(config, null, 2));
    await env.fake.waitFor(
      () => messages('admin').some((m) => m.content.includes('seasons[0].events[1].start')),
      5000,
      'admin alert',
    );
    expect(env.bot.season.current().seasons[0]?.events[3]?.name).toBe('Grand Finale');
    const h = env.fake.injectInteraction({ commandName: 'schedule', member: { roles: [] } });
    expect((await h.waitForReply(3000, (r) => !!r.content))?.content).toContain('Grand Finale');
    writeFileSync(seasonFile(), good);
  });

  it('when currentEvent.json changes, then the new event is announced once and gets its leaderboard post', async () => {
    const file = env.config.currentEventFile;
    writeFileSync(file, JSON.stringify({ eventId: 'season1#event1' }));
    await env.fake.waitFor(() => messages('announcements').length === 1, 5000, 'announcement');
    expect(messages('announcements')[0]?.content).toMatch(/Now running: Season 1 - Event 1/);
    await env.fake.waitFor(
      () => messages('leaderboard').some((m) => m.content.includes('Event 1')),
      5000,
      'event1 leaderboard',
    );
    await env.fake.waitFor(
      () => /Event 1[^\n]*▶|▶[^\n]*Event 1/.test(messages('schedule')[0]?.content ?? ''),
      5000,
      'schedule marks event1',
    );

    writeFileSync(file, JSON.stringify({ eventId: 'season1#event1', rotatedAt: 'again' }));
    await new Promise((r) => setTimeout(r, 600));
    expect(messages('announcements')).toHaveLength(1);
  });

  it('when the server goes back to an event announced before, then it is announced again as a new message', async () => {
    const file = env.config.currentEventFile;
    writeFileSync(file, JSON.stringify({ eventId: 'season1#event2' }));
    await env.fake.waitFor(() => messages('announcements').length === 2, 5000, 'second announcement');
    writeFileSync(file, JSON.stringify({ eventId: 'season1#event1' }));
    await env.fake.waitFor(() => messages('announcements').length === 3, 5000, 'third announcement');
    expect(messages('announcements')[2]?.content).toMatch(/Now running: Season 1 - Event 1/);
  });

  it('when the current event changes, then leaderboard.json follows it even before any lap', async () => {
    const { readFileSync: read } = await import('node:fs');
    await env.fake.waitFor(
      () => {
        try {
          return (
            JSON.parse(read(path.join(env.config.dataDir, 'leaderboard.json'), 'utf8')).eventId === 'season1#event1'
          );
        } catch {
          return false;
        }
      },
      5000,
      'leaderboard.json for event1',
    );
  });

  it('when the bot restarts on the same current event, then nothing is announced again', async () => {
    await env.restart();
    await new Promise((r) => setTimeout(r, 500));
    await env.bot.discord!.posts.flush();
    expect(messages('announcements')).toHaveLength(3);
    expect(messages('schedule')).toHaveLength(1);
  });
});
