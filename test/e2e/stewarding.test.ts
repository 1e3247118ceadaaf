import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startTestBot, type TestBotEnv } from '../support/startTestBot';
import { rawLap, resultsBytes } from '../support/resultsFile';
import { deployCommands } from '../../src/adapters/discord/deployCommands';
import { loadCommands } from '../../commands';
import { currentStandingsPath } from '../../src/app/standings/Standings';
import type { LeaderboardJson } from '../../src/app/leaderboard/leaderboardFiles';
import type { SeasonStandings } from '../../src/domain/standings/types';
import { runCliCaptured } from '../support/runCliCaptured';

const EVENT = 'season1#event2';
const G = '76561198000000001';
const H = '76561198000000002';
const session = [
  rawLap({ DriverGuid: G, DriverName: 'Gina', Timestamp: 100_000, LapTime: 125_000 }),
  rawLap({ DriverGuid: G, DriverName: 'Gina', Timestamp: 230_000, LapTime: 129_000 }),
  rawLap({ DriverGuid: H, DriverName: 'Hugo', CarId: 1, Timestamp: 100_000, LapTime: 127_000 }),
];

describe('e2e: stewards strike laps and exclude drivers from Discord', () => {
  let env: TestBotEnv;
  let stewardId: string;
  let memberId: string;
  const post = () => env.fake.messages(env.channels.leaderboard)[0]?.content ?? '';
  const standingsPost = () => env.fake.messages(env.channels.standings)[0]?.content ?? '';
  const admin = () => env.fake.messages(env.channels.admin).map((m) => m.content);
  const order = (text: string, names: string[]) =>
    names.map((n) => text.indexOf(n)).every((p, i, all) => p >= 0 && (i === 0 || p > all[i - 1]!));
  const leaderboardJson = () =>
    JSON.parse(readFileSync(path.join(env.config.dataDir, 'leaderboard.json'), 'utf8')) as LeaderboardJson;
  const run = (userId: string, subcommand: string, options: Record<string, string>, commandName = 'lap') =>
    env.fake
      .injectInteraction({ commandName, subcommand, options, channelId: env.channels.admin, member: { userId } })
      .waitForReply(8000, (r) => r.content.length > 0);

  beforeAll(async () => {
    env = await startTestBot({ env: { ANNOUNCE_STEWARDING: 'true' } });
    await deployCommands({
      token: env.fake.token,
      appId: env.fake.applicationId,
      guildId: env.fake.guildId,
      apiBase: env.fake.apiBase,
      commands: loadCommands().values(),
    });
    stewardId = env.fake.addMember('race-director', [env.adminRoleId]);
    memberId = env.fake.addMember('just-a-driver');
    writeFileSync(path.join(env.resultsDir, '2019_3_2_20_0_PRACTICE.json'), resultsBytes(session));
    await env.fake.waitFor(
      () => order(post(), ['Gina', '2:05.000', 'Hugo', '2:07.000']),
      8000,
      'leaderboard with both drivers',
    );
    await env.fake.waitFor(() => order(standingsPost(), ['Gina', 'Hugo']), 8000, 'standings with both drivers');
  });
  afterAll(() => env.close());
  afterEach(() => env.fake.assertNoUnknownRoutes());

  it('when a member who is not an admin tries to strike, then it is refused and nothing changes', async () => {
    const reply = await run(memberId, 'strike', { event: EVENT, driver: G, reason: 'I do not like Gina' });
    expect(reply).toMatchObject({ ephemeral: true, content: expect.stringMatching(/Only league admins/) });
    expect(await env.bot.steward.stewarding.audit()).toEqual([]);
    const lap = env.fake.commands.guild.find((c) => c.name === 'lap')!;
    expect(lap.default_member_permissions).toBe('32');
  });

  it('when an admin strikes a best lap, then the post is edited, standings and files follow, and the admin channel gets the audit line', async () => {
    const postId = env.fake.messages(env.channels.leaderboard)[0]!.id;
    const reply = await run(stewardId, 'strike', { event: EVENT, driver: G, reason: 'cut at the chicane' });
    expect(reply.content).toMatch(
      /^Struck \*\*Gina\*\*'s 2:05\.000 \(`76561198000000001#100000`\) in Season 1 - Event 2: it no longer counts/,
    );
    await env.fake.waitFor(
      () => order(post(), ['Hugo', '2:07.000', 'Gina', '2:09.000']),
      8000,
      'leaderboard without the struck lap',
    );
    expect(env.fake.messages(env.channels.leaderboard)).toHaveLength(1);
    expect(env.fake.messages(env.channels.leaderboard)[0]!.id).toBe(postId);
    expect(post()).not.toContain('2:05.000');
    await env.fake.waitFor(() => order(standingsPost(), ['Hugo', 'Gina']), 8000, 'standings recomputed');
    await env.fake.waitFor(() => leaderboardJson().rows[0]?.driverGuid === H, 8000, 'leaderboard.json');
    await env.bot.standings.flush();
    const standings = JSON.parse(readFileSync(currentStandingsPath(env.config.dataDir), 'utf8')) as SeasonStandings;
    expect(standings.rows.map((r) => r.driverGuid)).toEqual([H, G]);
    await env.fake.waitFor(
      () => admin().some((c) => c.includes('Lap struck')),
      8000,
      'audit line in the admin channel',
    );
    const line = admin().find((c) => c.includes('Lap struck'))!;
    expect(line).toContain(`<@${stewardId}>`);
    expect(line).toContain('cut at the chicane');
    const sent = env.fake.requests.find(
      (r) =>
        r.method === 'POST' && r.path.includes(env.channels.admin) && JSON.stringify(r.body).includes('Lap struck'),
    );
    expect(sent?.body.allowed_mentions).toEqual({ parse: [] });
    // ANNOUNCE_STEWARDING: the league hears it too, without the GUIDs or who decided.
    await env.fake.waitFor(
      () => env.fake.messages(env.channels.announcements).some((m) => m.content.includes('Stewards')),
      8000,
      'public announcement',
    );
    const announced = env.fake
      .messages(env.channels.announcements)
      .find((m) => m.content.includes('Stewards'))!.content;
    expect(announced).toBe(
      "🚩 **Stewards**: Gina's 2:05.000 in Season 1 - Event 2 no longer counts. Reason: cut at the chicane",
    );
  });

  it('when a steward types, then drivers come from the event and laps from the driver, fastest first, the struck one marked', async () => {
    const choices = (focused: string, options: Record<string, string>) =>
      env.fake
        .injectInteraction({
          type: 'autocomplete',
          commandName: 'lap',
          subcommand: 'strike',
          options,
          focused,
          channelId: env.channels.admin,
          member: { userId: stewardId },
        })
        .waitForChoices();
    expect(await choices('driver', { event: EVENT, driver: 'gi' })).toEqual([{ name: `Gina (${G})`, value: G }]);
    const laps = await choices('lap', { event: EVENT, driver: G, reason: 'x', lap: '' });
    expect(laps.map((c) => [c.name.split(' · ')[0], c.value, /struck$/.test(c.name)])).toEqual([
      ['2:05.000', `${G}#100000`, true],
      ['2:09.000', `${G}#230000`, false],
    ]);
  });

  it('when the same lap is struck again, then the steward is told it already is, and nothing more is recorded', async () => {
    const reply = await run(stewardId, 'strike', { event: EVENT, driver: 'Gina', lap: `${G}#100000`, reason: 'again' });
    expect(reply.content).toMatch(/already struck .*cut at the chicane/);
    expect((await env.bot.steward.stewarding.audit()).map((e) => e.action)).toEqual(['strike']);
  });

  it("when the struck lap's results file is read again, then the lap stays struck", async () => {
    writeFileSync(path.join(env.resultsDir, '2019_3_2_20_0_PRACTICE (copy).json'), resultsBytes(session));
    await env.fake.waitFor(
      async () => (await env.bot.state.processedFile('2019_3_2_20_0_PRACTICE (copy).json')) !== undefined,
      8000,
      'copy ingested',
    );
    await env.bot.discord!.posts.flush();
    expect(order(post(), ['Hugo', '2:07.000', 'Gina', '2:09.000'])).toBe(true);
    expect(post()).not.toContain('2:05.000');
  });

  it('when /lap list is used, then the struck lap is listed with who and why', async () => {
    const reply = await run(stewardId, 'list', { event: EVENT });
    expect(reply.content).toContain('**Stewarding in Season 1 - Event 2**');
    expect(reply.content).toMatch(/🚩 \*\*Gina\*\*'s 2:05\.000 .* by <@\d+> .*cut at the chicane/);
  });

  it('when the lap is restored, then the post, standings and file go back', async () => {
    const reply = await run(stewardId, 'restore', {
      event: EVENT,
      lap: `${G}#100000`,
      reason: 'video shows it was clean',
    });
    expect(reply.content).toMatch(/^Restored \*\*Gina\*\*'s 2:05\.000/);
    await env.fake.waitFor(() => order(post(), ['Gina', '2:05.000', 'Hugo', '2:07.000']), 8000, 'leaderboard restored');
    await env.fake.waitFor(() => order(standingsPost(), ['Gina', 'Hugo']), 8000, 'standings restored');
    await env.fake.waitFor(() => leaderboardJson().rows[0]?.driverGuid === G, 8000, 'leaderboard.json restored');
    await env.fake.waitFor(
      () => admin().some((c) => c.includes('Lap restored') && c.includes('video shows it was clean')),
      8000,
      'restore audit line',
    );
  });

  it('when a driver is excluded from the season, then they leave the board and the standings; included again, they are back', async () => {
    const out = await run(
      stewardId,
      'exclude',
      { driver: 'Hugo', reason: 'wrong car all season', season: 'season1' },
      'driver',
    );
    expect(out.content).toMatch(/\*\*Hugo\*\* \(`76561198000000002`\) is excluded from season Season 1/);
    await env.fake.waitFor(() => !post().includes('Hugo') && post().includes('Gina'), 8000, 'Hugo off the board');
    await env.fake.waitFor(() => !standingsPost().includes('Hugo'), 8000, 'Hugo out of the standings');
    const missing = await run(stewardId, 'exclude', { driver: 'Hugo', reason: 'x' }, 'driver');
    expect(missing.content).toBe('Pick either an `event` or a `season` (one of the two).');
    const back = await run(stewardId, 'include', { driver: H, season: 'season1' }, 'driver');
    expect(back.content).toMatch(/counts again in season Season 1/);
    await env.fake.waitFor(() => order(post(), ['Gina', 'Hugo']), 8000, 'Hugo back');
    expect((await env.bot.steward.stewarding.audit()).map((e) => e.action)).toEqual([
      'strike',
      'restore',
      'exclude',
      'include',
    ]);
  });

  it("when a steward strikes from the CLI while the bot runs, then the bot's post follows and the admin channel gets the line", async () => {
    const cli = await runCliCaptured(['strike', EVENT, 'Hugo', '--reason', 'pit lane shortcut'], {
      DATA_DIR: env.config.dataDir,
      SEASON_CONFIG: env.config.seasonConfigPath,
      RESULTS_DIR: env.config.resultsDir,
      CURRENT_EVENT_FILE: env.config.currentEventFile,
      LOG_LEVEL: 'silent',
      USER: 'chief-steward',
    });
    expect(cli).toMatchObject({ code: 0, out: `strike: 2:07.000 of Hugo (${H}#100000) in ${EVENT}` });
    await env.fake.waitFor(
      () => post().includes('Gina') && !post().includes('Hugo'),
      8000,
      "Hugo off the running bot's post",
    );
    await env.fake.waitFor(
      () =>
        admin().some(
          (c) => c.includes('Lap struck') && c.includes('`cli:chief-steward`') && c.includes('pit lane shortcut'),
        ),
      8000,
      'CLI action in the admin channel',
    );
    expect(admin().filter((c) => c.includes('Lap struck'))).toHaveLength(2);
  });
});
