import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestBot, type TestBotEnv } from '../support/startTestBot';
import {
  FAKE_AC_SERVER_COMMAND,
  makeFakeAcServerFolder,
  type FakeAcServerFolder,
} from '../support/fakeAcServer/FakeAcServerFolder';
import { rawResults, resultsFixture } from '../support/fixtures';

const rbr = { track: 'ks_red_bull_ring', layout: 'layout_national', cars: ['ks_mazda_mx5_cup'] };
const SEASON = JSON.stringify({
  timeZone: 'UTC',
  seasons: [
    {
      id: 's1',
      name: 'Season 1',
      events: [
        { id: 'both', name: 'On Both', ...rbr, start: '2019-02-15T00:00', servers: ['a', 'b'] },
        { id: 'ona', name: 'On A', ...rbr, start: '2019-03-02T00:00', servers: ['a'] },
        {
          id: 'onb',
          name: 'On B',
          track: 'suzuka',
          layout: 'suzukagp',
          cars: ['ks_mazda_mx5_cup'],
          start: '2019-03-02T00:00',
          servers: ['b'],
        },
      ],
    },
  ],
});

/** Each driver's best clean lap over both servers' files, read without the bot's code, fastest first. */
function independentRanking(
  files: Record<string, Buffer>,
): Array<{ driverGuid: string; lapTimeMs: number; server: string }> {
  const best = new Map<string, { lapTimeMs: number; server: string }>();
  for (const [server, bytes] of Object.entries(files)) {
    for (const lap of rawResults(bytes).Laps) {
      if (lap.Cuts !== 0 || !/^\d{17}$/.test(lap.DriverGuid)) continue;
      const before = best.get(lap.DriverGuid);
      if (!before || lap.LapTime < before.lapTimeMs) best.set(lap.DriverGuid, { lapTimeMs: lap.LapTime, server });
    }
  }
  return [...best].map(([driverGuid, b]) => ({ driverGuid, ...b })).sort((x, y) => x.lapTimeMs - y.lapTimeMs);
}

describe('e2e: one host, two acServers (servers.json)', () => {
  let env: TestBotEnv;
  let a: FakeAcServerFolder;
  let b: FakeAcServerFolder;
  const clock = { now: () => new Date('2019-03-03T12:00:00Z') };
  const messages = (channel: keyof TestBotEnv['channels']) => env.fake.messages(env.channels[channel]);
  const admin = () => ({ roles: [env.adminRoleId] });

  beforeAll(async () => {
    [a, b] = await Promise.all([makeFakeAcServerFolder('crlf-plugin'), makeFakeAcServerFolder('crlf-plugin')]);
    const serversFile = path.join(mkdtempSync(path.join(tmpdir(), 'servers-')), 'servers.json');
    const control = { type: 'child', command: FAKE_AC_SERVER_COMMAND };
    writeFileSync(
      serversFile,
      JSON.stringify({
        servers: [
          { id: 'a', name: 'Server A', folder: a.dir, control },
          { id: 'b', name: 'Server B', folder: b.dir, control },
        ],
      }),
    );
    env = await startTestBot({
      season: SEASON,
      clock,
      env: { SERVERS_CONFIG: serversFile, AC_SERVER_HEALTH_TIMEOUT_MS: '5000' },
    });
    await Promise.all([a.waitForState('running'), b.waitForState('running')]);
  });
  afterAll(() => env.close());

  it('when an event runs on both servers, then one leaderboard ranks both servers’ files like an independent best-lap ranking', async () => {
    const fromA = resultsFixture('2019_2_15_22_3_QUALIFY.json');
    const fromB = resultsFixture('2019_2_15_22_10_RACE.json');
    writeFileSync(path.join(a.dir, 'results', fromA.name), fromA.bytes);
    writeFileSync(path.join(b.dir, 'results', fromB.name), fromB.bytes);
    const expected = independentRanking({ a: fromA.bytes, b: fromB.bytes });
    const board = async () => (await env.bot.league.leaderboard('s1#both')).rows;
    // Both files read (server b's is recorded under its id), then the board holds them both.
    const read = async (file: string) => (await env.bot.state.processedFile(file))?.status === 'ingested';
    await env.fake.waitFor(
      async () => (await read(fromA.name)) && (await read(`b/${fromB.name}`)),
      15_000,
      'both files ingested',
    );
    const rows = await board();
    expect(rows.map((r) => ({ driverGuid: r.driverGuid, lapTimeMs: r.lapTimeMs, server: r.server }))).toEqual(expected);
    expect(new Set(rows.map((r) => r.server))).toEqual(new Set(['a', 'b'])); // the files really mix
    await env.fake.waitFor(
      () => messages('leaderboard').some((m) => m.content.includes('On Both') && /Server\s+Car/.test(m.content)),
      10_000,
      'the leaderboard post with its server column',
    );
  });

  it('when two events run at once on the two servers, then each has its own post', async () => {
    const suzuka = resultsFixture('2019_3_2_17_27_PRACTICE.json');
    const redBull = resultsFixture('2019_2_15_22_3_QUALIFY.json');
    writeFileSync(path.join(b.dir, 'results', suzuka.name), suzuka.bytes);
    writeFileSync(path.join(a.dir, 'results', '2019_3_2_20_0_RACE.json'), redBull.bytes);
    await env.fake.waitFor(
      () =>
        messages('leaderboard').some((m) => m.content.includes('Season 1 - On A 🏁')) &&
        messages('leaderboard').some((m) => m.content.includes('Season 1 - On B 🏁')),
      15_000,
      'one post per event',
    );
    const posts = messages('leaderboard').filter((m) => /Season 1 - On (A|B) 🏁/.test(m.content));
    expect(posts).toHaveLength(2);
  });

  it('when a member asks for /schedule, then each event lists its servers', async () => {
    const h = env.fake.injectInteraction({ commandName: 'schedule' });
    const text = (await h.waitForReply(5000, (r) => !!r.content)).content;
    expect(text).toContain('🖥️ Server A  ·  Server B');
    expect(text).toContain('🖥️ Server B');
  });

  it('when an admin types a server for /rotate, then autocomplete offers the servers', async () => {
    const h = env.fake.injectInteraction({ type: 'autocomplete', commandName: 'rotate', options: { server: 'b' } });
    expect(await h.waitForChoices(3000)).toEqual([{ name: 'Server B (b)', value: 'b' }]);
  });

  it('when an admin uses /rotate without a server, then the bot asks which one', async () => {
    const h = env.fake.injectInteraction({ commandName: 'rotate', options: { target: 'next' }, member: admin() });
    expect((await h.waitForReply(5000, (r) => !!r.content)).content).toMatch(/several servers: pick one.*`a`.*`b`/);
  });

  it('when an admin rotates server b, then only b restarts on the event and the announcement names b', async () => {
    const pidA = a.status()!.pid;
    const h = env.fake.injectInteraction({
      commandName: 'rotate',
      options: { target: 'event', event: 's1#both', server: 'b' },
      member: admin(),
    });
    const reply = await h.waitForReply(20_000, (r) => !!r.content);
    expect(reply.content).toMatch(/^\*\*Server B\*\*: \*\*Rotated to Season 1 - On Both\*\*/);
    expect((await b.waitForState('running', 'ks_red_bull_ring')).config!.layout).toBe('layout_national');
    expect(a.status()!.pid).toBe(pidA);
    expect(JSON.parse(readFileSync(path.join(env.config.dataDir, 'currentEvent.b.json'), 'utf8')).eventId).toBe(
      's1#both',
    );
    await env.fake.waitFor(
      () => messages('announcements').some((m) => /Now running: Season 1 - On Both on Server B/.test(m.content)),
      5000,
      'announcement naming server b',
    );
  });

  it('when a rotation of b fails, then b is put back and a keeps running untouched', async () => {
    const pidA = a.status()!.pid;
    b.failOn('suzuka');
    const h = env.fake.injectInteraction({
      commandName: 'rotate',
      options: { target: 'event', event: 's1#onb', server: 'b' },
      member: admin(),
    });
    const reply = await h.waitForReply(30_000, (r) => !!r.content);
    expect(reply.content).toMatch(/Rotation failed/);
    expect((await b.waitForState('running', 'ks_red_bull_ring')).config!.track).toBe('ks_red_bull_ring');
    expect(a.status()).toEqual(expect.objectContaining({ state: 'running', pid: pidA }));
  });
});
