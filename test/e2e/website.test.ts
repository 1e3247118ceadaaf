import { readFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { startTestBot, type TestBotEnv } from '../support/startTestBot';

const ROOT = path.resolve(__dirname, '../..');
const EVENT = 'season2#event2'; // the example season's running event: Brands Hatch Indy, two cars
type Board = { rows: Array<{ driverId: string; driver: string; carModel: string }> };

describe('e2e: the website inside the bot, and its links from Discord', () => {
  let env: TestBotEnv;
  const api = async <T>(p: string): Promise<T> => {
    const res = await fetch(new URL(p, env.bot.webUrl()));
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };
  beforeAll(async () => {
    env = await startTestBot({
      season: readFileSync(path.join(ROOT, 'examples/seasonConfig.json'), 'utf8'),
      env: { WEB_ENABLED: 'true', WEB_PUBLIC_URL: 'https://league.example.org/' },
    });
    copyFileSync(
      path.join(ROOT, 'examples/results/2026_6_20_20_0_PRACTICE.json'),
      path.join(env.resultsDir, '2026_6_20_20_0_PRACTICE.json'),
    );
  });
  afterAll(() => env.close());

  it('when the bot starts with the website on, then it logs the address and serves the event’s board from the stored laps', async () => {
    const url = env.bot.webUrl();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(env.logs.some((l) => l.msg === `website at ${url} (public address https://league.example.org/)`)).toBe(true);
    await env.fake.waitFor(
      async () => (await api<Board>(`/api/v1/events/${encodeURIComponent(EVENT)}/leaderboard`)).rows.length === 5,
      5000,
      'example laps on the website',
    );
    const board = await api<Board>(`/api/v1/events/${encodeURIComponent(EVENT)}/leaderboard`);
    expect(board.rows[0]!.driver).toBe('Rob Macaroni');
    const home = await fetch(new URL('/', url));
    expect(await home.text()).toContain('Rob Macaroni');
  });

  it('when WEB_PUBLIC_URL is set, then the leaderboard post links to the event’s page', async () => {
    const link = 'https://league.example.org/events/season2%23event2';
    await env.fake.waitFor(
      () =>
        env.fake
          .messages(env.channels.leaderboard)
          .some((m) => m.content.includes('Rob Macaroni') && m.content.includes(`(<${link}>)`)),
      5000,
      'post with link',
    );
    const post = env.fake.messages(env.channels.leaderboard).find((m) => m.content.includes(link))!;
    expect(post.content.length).toBeLessThanOrEqual(2000);
  });

  it('when /leaderboard is used with a car, then only that car’s laps rank, with the link', async () => {
    const h = env.fake.injectInteraction({
      commandName: 'leaderboard',
      options: { event: EVENT, car: 'bmw_m3_e30' },
      member: { roles: [] },
    });
    const reply = await h.waitForReply(5000, (r) => !!r.content);
    expect(reply.content).toContain('BMW M3 E30');
    expect(reply.content).toContain('小林 健');
    expect(reply.content).not.toContain('Rob Macaroni');
    expect(reply.content).toContain('https://league.example.org/events/season2%23event2');
    const auto = env.fake.injectInteraction({
      type: 'autocomplete',
      commandName: 'leaderboard',
      options: { event: EVENT, car: 'bmw' },
      focused: 'car',
    });
    expect((await auto.waitForChoices(5000)).map((c) => c.value)).toEqual(['bmw_m3_e30']);
  });

  it('when the bot restarts, then driver URLs stay the same (the id key is kept in the store)', async () => {
    const before = await api<Board>(`/api/v1/events/${encodeURIComponent(EVENT)}/leaderboard`);
    await env.restart();
    const after = await api<Board>(`/api/v1/events/${encodeURIComponent(EVENT)}/leaderboard`);
    expect(after.rows.map((r) => r.driverId)).toEqual(before.rows.map((r) => r.driverId));
    expect(before.rows.every((r) => !/^\d{17}$/.test(r.driverId))).toBe(true);
  });
});
