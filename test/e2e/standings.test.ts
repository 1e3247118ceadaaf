import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startTestBot, type TestBotEnv } from '../support/startTestBot';
import { expectedTable, type FixtureEvent } from '../support/standingsExpected';
import { currentStandingsPath } from '../../src/app/standings/Standings';
import type { SeasonStandings } from '../../src/domain/standings/types';
import { present } from '../support/present';

const event = (eventId: string, files: string[]): FixtureEvent => ({ eventId, files, forced: [] });

/** The post's lines as renderStandings should write them, from the independently computed table. */
function expectedLines(events: FixtureEvent[]): string[] {
  return expectedTable(events).map((row, i) => {
    const cells = row.results.map(([pos, points], r) => (pos === null ? `R${r + 1} –` : `R${r + 1} P${pos} ${points}`));
    return `${i + 1}\\. ${row.driver} — ${row.total} ${row.total === 1 ? 'pt' : 'pts'} · ${cells.join(' · ')}`;
  });
}

/** Every expected line present, in that order. */
function showsTable(content: string, lines: string[]): boolean {
  const at = lines.map((l) => content.indexOf(l));
  return at.every((p) => p >= 0) && at.every((p, i) => p > (at[i - 1] ?? -1));
}

describe('e2e: season standings post, /standings and the chart', () => {
  let env: TestBotEnv;
  const posts = () => env.fake.messages(env.channels.standings);
  const first = ['2019_2_15_22_3_QUALIFY.json', '2019_3_2_17_27_PRACTICE.json'] as const;
  const event1 = event('season1#event1', [first[0]]);
  const event3 = event('season1#event3', []);
  const before = [event1, event('season1#event2', [first[1]]), event3];
  const after = [event1, event('season1#event2', [first[1], '2019_3_2_19_30_PRACTICE.json']), event3];

  beforeAll(async () => {
    env = await startTestBot();
  });
  afterAll(() => env.close());
  afterEach(() => env.fake.assertNoUnknownRoutes());

  it('when the bot starts, then the current season gets one standings post with the chart', async () => {
    await env.fake.waitFor(() => posts().length === 1, 5000, 'first standings post');
    expect(posts()[0]?.content).toContain('**Season 1 Standings**');
    expect(posts()[0]?.content).toContain('No results yet.');
    expect(posts()[0]?.attachmentNames).toEqual(['standings-season1.png']);
  });

  it('when results land in two events, then the same message is edited to the expected table with a PNG', async () => {
    const id = present(posts()[0], 'the standings post').id;
    for (const f of first) env.dropResults(f);
    const lines = expectedLines(before);
    await env.fake.waitFor(() => showsTable(posts()[0]?.content ?? '', lines), 8000, 'standings table');
    const msg = present(posts()[0], 'the standings post');
    expect(posts()).toHaveLength(1);
    expect(msg.id).toBe(id);
    expect(msg.edited).toBe(true);
    expect(msg.content.split('\n').filter((l) => /^\d+\\\./.test(l))).toEqual(lines);
    expect(msg.attachments).toHaveLength(1);
    expect(msg.attachments[0]).toMatchObject({ filename: 'standings-season1.png' });
    expect(msg.attachments[0]?.size).toBeGreaterThan(5000);
    const file = JSON.parse(readFileSync(currentStandingsPath(env.config.dataDir), 'utf8')) as SeasonStandings;
    expect(file.rows.map((r) => r.total)).toEqual(expectedTable(before).map((r) => r.total));
  });

  it('when a new ingest changes the standings, then the message is edited, not posted again, and the chart replaced', async () => {
    const { id, editCount: edits } = present(posts()[0], 'the standings post');
    env.dropResults('2019_3_2_19_30_PRACTICE.json');
    const lines = expectedLines(after);
    expect(lines).not.toEqual(expectedLines(before));
    await env.fake.waitFor(() => showsTable(posts()[0]?.content ?? '', lines), 8000, 'updated standings');
    await env.bot.discord!.posts.flush();
    expect(posts()).toHaveLength(1);
    expect(posts()[0]?.id).toBe(id);
    expect(posts()[0]?.editCount).toBeGreaterThan(edits);
    expect(posts()[0]?.attachmentNames).toEqual(['standings-season1.png']);
    const created = env.fake
      .requestsTo('POST /channels/:id/messages')
      .filter((r) => r.path.includes(env.channels.standings));
    expect(created).toHaveLength(1);
    const patches = env.fake.requestsTo('PATCH /channels/:id/messages/*').filter((r) => r.path.includes(id));
    expect(patches.at(-1)!.files.map((f) => f.name)).toEqual(['standings-season1.png']);
  });

  it('when /standings is used, then the caller gets the table and the chart; an unknown season is explained', async () => {
    const h = env.fake.injectInteraction({ commandName: 'standings', member: { roles: [] } });
    const reply = await h.waitForReply(5000, (r) => !!r.content);
    expect(reply.ephemeral).toBe(true);
    expect(showsTable(reply.content, expectedLines(after))).toBe(true);
    expect(reply.attachmentNames).toEqual(['standings-season1.png']);
    expect(reply.attachments[0]?.size).toBeGreaterThan(5000);

    const chosen = env.fake.injectInteraction({
      commandName: 'standings',
      options: { season: 'season1' },
      member: { roles: [] },
    });
    expect(showsTable((await chosen.waitForReply(5000, (r) => !!r.content)).content, expectedLines(after))).toBe(true);
    const unknown = env.fake.injectInteraction({
      commandName: 'standings',
      options: { season: 'season9' },
      member: { roles: [] },
    });
    expect((await unknown.waitForReply(5000, (r) => !!r.content)).content).toMatch(/Unknown season `season9`/);
  });

  it('when an admin sets an alias, then the standings post shows it', async () => {
    const leader = present(expectedTable(after)[0], 'a leader');
    const h = env.fake.injectInteraction({
      commandName: 'alias',
      subcommand: 'set',
      options: { driver: leader.driverGuid, name: 'Rob Macaroni' },
      member: { roles: [env.adminRoleId] },
    });
    await h.waitForReply(5000, (r) => !!r.content);
    await env.fake.waitFor(
      () => posts()[0]?.content.includes(`1\\. Rob Macaroni — ${leader.total} pts`),
      8000,
      'alias in standings',
    );
    expect(posts()[0]?.content).not.toContain(leader.driver);
    expect(posts()).toHaveLength(1);
  });

  it('when the season config changes, then the standings post follows it', async () => {
    const file = path.join(env.dir, 'seasonConfig.json');
    const config = JSON.parse(readFileSync(file, 'utf8'));
    config.seasons[0].name = 'Season One';
    config.seasons[0].pointsTable = [10, 5, 1];
    writeFileSync(file, JSON.stringify(config, null, 2));
    await env.fake.waitFor(() => posts()[0]?.content.includes('**Season One Standings**'), 8000, 'renamed season');
    const leader = present(expectedTable(after)[0], 'a leader');
    const rescored = leader.results.reduce(
      (sum, [pos]) => sum + (pos === null ? 0 : (config.seasons[0].pointsTable[pos - 1] ?? 0)),
      0,
    );
    expect(rescored).not.toBe(leader.total);
    const place =
      expectedTable(after, config.seasons[0].pointsTable).findIndex((r) => r.driverGuid === leader.driverGuid) + 1;
    expect(posts()[0]?.content).toContain(`${place}\\. Rob Macaroni — ${rescored} pts`);
    expect(posts()).toHaveLength(1);
  });

  it('when a season is being typed, then autocomplete offers the matching seasons', async () => {
    const h = env.fake.injectInteraction({
      type: 'autocomplete',
      commandName: 'standings',
      options: { season: 'seas' },
    });
    expect(await h.waitForChoices(3000)).toEqual([{ name: 'Season One', value: 'season1' }]);
    const none = env.fake.injectInteraction({
      type: 'autocomplete',
      commandName: 'standings',
      options: { season: 'zzz' },
    });
    expect(await none.waitForChoices(3000)).toEqual([]);
  });
});
