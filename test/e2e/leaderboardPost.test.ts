import { startTestBot, type TestBotEnv } from '../support/startTestBot';
import { rawResults, resultsFixture, RAW_KICKED_GUID, type RawLap } from '../support/fixtures';
import { formatLapTime } from '../../src/domain/leaderboard/formatLapTime';
import { present } from '../support/present';

const bestOf = (suffix: string) => {
  const best = new Map<string, RawLap>();
  for (const lap of rawResults(resultsFixture(suffix).bytes).Laps) {
    if (lap.Cuts !== 0 || !lap.DriverGuid || lap.DriverGuid === RAW_KICKED_GUID) continue;
    if (lap.LapTime < (best.get(lap.DriverGuid)?.LapTime ?? Infinity)) best.set(lap.DriverGuid, lap);
  }
  return [...best.values()].sort((a, b) => a.LapTime - b.LapTime);
};

describe('e2e: live leaderboard post in the fake Discord channel', () => {
  let env: TestBotEnv;
  const board = () => env.fake.messages(env.channels.leaderboard);
  // Only this channel's edits: the standings post is edited by the same ingests.
  const boardEdits = () =>
    env.fake.requestsTo('PATCH /channels/:id/messages/*').filter((r) => r.path.includes(env.channels.leaderboard))
      .length;

  beforeAll(async () => {
    env = await startTestBot();
  });
  afterAll(() => env.close());
  afterEach(() => env.fake.assertNoUnknownRoutes());

  it('when the bot starts, then it posts the current event’s leaderboard once', async () => {
    await env.fake.waitFor(() => board().length === 1, 5000, 'first leaderboard post');
    expect(board()[0]?.content).toContain('**🏁 Season 1 - Event 2 🏁**');
  });

  it('when a results file lands in the results folder, then the same message is edited with the ranking', async () => {
    const firstId = present(board()[0], 'the leaderboard post').id;
    env.dropResults('2019_3_2_17_27_PRACTICE.json');
    const expected = bestOf('2019_3_2_17_27_PRACTICE.json');
    const best = present(expected[0], 'a clean lap');
    await env.fake.waitFor(() => board()[0]?.content.includes(formatLapTime(best.LapTime)), 5000, 'edited leaderboard');
    const msg = present(board()[0], 'the leaderboard post');
    expect(board()).toHaveLength(1);
    expect(msg.id).toBe(firstId);
    expect(msg.edited).toBe(true);
    // Every driver with a clean lap, in order, with time.
    const positions = expected.map((l) => msg.content.indexOf(l.DriverName));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(
      env.fake.requestsTo('POST /channels/:id/messages').filter((r) => r.path.includes(env.channels.leaderboard)),
    ).toHaveLength(1);
  });

  it('when a burst of files arrives, then it becomes few edits, and identical content is never re-sent', async () => {
    const before = boardEdits();
    env.dropResults('2019_3_2_19_30_PRACTICE.json');
    env.dropResults('2019_3_2_14_41_PRACTICE.json');
    env.dropResults('2019_3_2_17_27_PRACTICE.json', 'copy_2019_3_2_17_27_PRACTICE.json'); // same laps again
    const names = ['2019_3_2_19_30_PRACTICE.json', '2019_3_2_14_41_PRACTICE.json', 'copy_2019_3_2_17_27_PRACTICE.json'];
    await env.fake.waitFor(
      async () => (await Promise.all(names.map((n) => env.bot.state.processedFile(n)))).every(Boolean),
      5000,
      'burst ingested',
    );
    await new Promise((r) => setTimeout(r, 200));
    await env.bot.discord!.posts.flush();
    const edits = boardEdits() - before;
    expect(edits).toBeGreaterThanOrEqual(1);
    expect(edits).toBeLessThanOrEqual(3);
    const settled = boardEdits();
    env.bot.discord!.refreshPosts();
    await new Promise((r) => setTimeout(r, 300));
    await env.bot.discord!.posts.flush();
    expect(boardEdits()).toBe(settled);
  });

  it('when the bot restarts, then it edits the same message instead of posting a new one', async () => {
    const { id, editCount: editsBefore } = present(board()[0], 'the leaderboard post');
    await env.restart();
    env.dropResults('2019_2_15_22_3_QUALIFY.json'); // red bull ring on 15 Feb: event1, not this post
    env.bot.league.leaderboardChanged('season1#event2');
    await env.fake.waitFor(() => board().some((m) => m.content.includes('Event 1')), 5000, 'event1 post');
    await env.bot.discord!.posts.flush();
    const event2 = board().filter((m) => m.content.includes('Event 2'));
    expect(event2).toHaveLength(1);
    expect(event2[0]?.id).toBe(id);
    expect(event2[0]?.editCount).toBe(editsBefore); // same content after restart: nothing re-sent
  });

  it('when an admin sets an alias, then the live message shows it; a member is refused', async () => {
    const leader = present(bestOf('2019_3_2_17_27_PRACTICE.json')[0], 'a clean lap');
    const denied = env.fake.injectInteraction({
      commandName: 'alias',
      subcommand: 'set',
      options: { driver: leader.DriverGuid, name: 'Rob Macaroni' },
      member: { roles: [] },
    });
    const refusal = await denied.waitForReply(3000);
    expect(refusal?.ephemeral).toBe(true);
    expect(refusal?.content).toMatch(/Only league admins/);

    const allowed = env.fake.injectInteraction({
      commandName: 'alias',
      subcommand: 'set',
      options: { driver: leader.DriverGuid, name: 'Rob Macaroni' },
      member: { roles: [env.adminRoleId] },
    });
    const reply = await allowed.waitForReply(3000, (r) => !!r.content);
    expect(allowed.answeredInTime).toBe(true);
    expect(reply?.content).toMatch(/Rob Macaroni/);
    await env.fake.waitFor(
      () =>
        board()
          .find((m) => m.content.includes('Event 2'))!
          .content.includes('Rob Macaroni'),
      5000,
      'alias shown',
    );
    expect(board().find((m) => m.content.includes('Event 2'))!.content).not.toContain(leader.DriverName);
  });

  it('when /leaderboard is used, then the caller gets the event’s ranking ephemerally', async () => {
    const h = env.fake.injectInteraction({
      commandName: 'leaderboard',
      options: { event: 'season1#event2' },
      member: { roles: [] },
    });
    const reply = await h.waitForReply(3000, (r) => !!r.content);
    expect(reply?.ephemeral).toBe(true);
    expect(reply?.content).toContain('Rob Macaroni');
    const unknown = env.fake.injectInteraction({
      commandName: 'leaderboard',
      options: { event: 'season9#x' },
      member: { roles: [] },
    });
    expect((await unknown.waitForReply(3000, (r) => !!r.content))?.content).toMatch(/Unknown event/);
  });

  it('when Discord answers 429 and 500 for a while, then the message still ends up with the latest standings', async () => {
    env.fake.failNext('PATCH /channels/:id/messages/*', { status: 429, retryAfter: 0.3 }, 3);
    env.fake.failNext('PATCH /channels/:id/messages/*', { status: 500 }, 2);
    const leader = present(bestOf('2019_3_2_17_27_PRACTICE.json')[0], 'a clean lap');
    await env.bot.state.removeAlias(leader.DriverGuid);
    env.bot.discord!.refreshPosts();
    const leaderName = leader.DriverName;
    await env.fake.waitFor(
      () =>
        board()
          .find((m) => m.content.includes('Event 2'))!
          .content.includes(leaderName),
      15000,
      'update after faults',
    );
    expect(env.fake.requests.filter((r) => r.injectedFault).length).toBeGreaterThanOrEqual(5);
  });

  it('when someone deletes the message, then it is posted again', async () => {
    const msg = board().find((m) => m.content.includes('Event 2'))!;
    env.fake.deleteMessageAsUser(env.channels.leaderboard, msg.id);
    await env.fake.waitFor(() => board().some((m) => m.content.includes('Event 2') && m.id !== msg.id), 5000, 'repost');
    expect(board().filter((m) => m.content.includes('Event 2'))).toHaveLength(1);
  });
});
