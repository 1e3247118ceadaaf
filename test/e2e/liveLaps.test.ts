import path from 'node:path';
import type { TestBotEnv } from '../support/startTestBot';
import type { FakeAcUdpPeer, PeerCar } from '../support/fakeAcServer/udpPeer';
import { startLiveBot } from '../support/startLiveBot';
import { formatLapTime } from '../../src/domain/leaderboard/formatLapTime';
import { isLiveLap } from '../../src/domain/liveLaps/liveLap';

const EVENT = 'season1#event2'; // the event the schedule runs now: Suzuka GP
const cars: PeerCar[] = [
  { carId: 0, name: 'Ana Live', guid: '76561198000000101', model: 'ks_mazda_mx5_cup' },
  { carId: 1, name: 'Ben Live', guid: '76561198000000102', model: 'ks_mazda_mx5_cup' },
  { carId: 2, name: 'Cem Live', guid: '76561198000000103', model: 'ks_mazda_mx5_cup' },
];

describe('e2e: live laps from the fake acServer appear in Discord before the session ends', () => {
  let env: TestBotEnv;
  let peer: FakeAcUdpPeer;
  const board = () => env.fake.messages(env.channels.leaderboard).find((m) => m.content.includes('Event 2'));
  const sent: Array<[number, number]> = [
    [0, 121500],
    [1, 120250],
    [2, 125000],
    [0, 119900],
    [1, 119950],
    [2, 130000],
  ];

  beforeAll(async () => {
    ({ bot: env, peer } = await startLiveBot({ env: { ANNOUNCE_PERSONAL_BESTS: 'leader', ANNOUNCE_IN_GAME: 'true' } }));
  });
  afterAll(async () => {
    await env.close();
    await peer.close();
  });
  afterEach(() => env.fake.assertNoUnknownRoutes());

  it('when cars lap, then the leaderboard post shows them while the session runs, before any results file exists', async () => {
    await env.fake.waitFor(() => board(), 5000, 'first leaderboard post');
    for (const c of cars) peer.connect(c);
    await peer.waitFor(() => env.bot.acPlugin.link!.cars().length === 3, 3000, 'cars known');
    for (const [carId, ms] of sent) peer.lap(carId, ms);
    await env.fake.waitFor(
      () => board()?.content.includes(formatLapTime(119900)) && board()!.content.includes(formatLapTime(125000)),
      3000,
      'live times in Discord',
    );
    expect(peer.resultsFiles).toEqual([]);
    expect(await env.bot.state.processedFiles()).toEqual([]);
    const text = board()!.content;
    expect(text.indexOf('Ana Live')).toBeLessThan(text.indexOf('Ben Live'));
    expect(text.indexOf('Ben Live')).toBeLessThan(text.indexOf('Cem Live'));
  });

  it('when a lap takes the lead, then it is announced in the announcements channel and in-game', async () => {
    const said = () => env.fake.messages(env.channels.announcements).map((m) => m.content);
    await env.fake.waitFor(
      () => said().some((c) => c.includes('**Ana Live** takes the lead')),
      3000,
      'leader announcement',
    );
    expect(said().filter((c) => c.includes('takes the lead') || c.includes('sets the first time'))).toHaveLength(3);
    await peer.waitFor(() => peer.chats.includes('New leader: Ana Live 1:59.900'), 3000, 'in-game chat');
  });

  it('when the session ends, then its results file replaces the live laps and nothing counts twice', async () => {
    const file = peer.endSession();
    const name = path.basename(file);
    await env.fake.waitFor(
      async () => (await env.bot.state.processedFile(name))?.status === 'ingested',
      5000,
      'results ingested',
    );
    const stored = await env.bot.store.lapsForEvent(EVENT);
    expect(stored.filter(isLiveLap)).toEqual([]);
    expect(stored).toHaveLength(sent.length);
    const lb = await env.bot.league.leaderboard(EVENT);
    expect(lb.lapCount).toBe(sent.length);
    expect(lb.rows.map((r) => [r.driverName, r.lapTimeMs, r.tyre, r.sectorsMs.length])).toEqual([
      ['Ana Live', 119900, 'SM', 3],
      ['Ben Live', 119950, 'SM', 3],
      ['Cem Live', 125000, 'SM', 3],
    ]);
    expect(board()!.content).toContain(formatLapTime(119900));
  });

  it('when a rotation runs while cars lap, then the flush gets their results file ingested first and no lap is lost', async () => {
    for (const [carId, ms] of [
      [0, 118000],
      [2, 121000],
      [1, 122000],
    ] as const)
      peer.lap(carId, ms);
    await env.fake.waitFor(() => board()?.content.includes(formatLapTime(118000)), 3000, 'live lap shown');
    const before = peer.resultsFiles.length;
    const result = await env.bot.rotation.service.rotate({ kind: 'event', eventId: 'season1#event3' }, { by: 'test' });
    expect(result).toMatchObject({ status: 'rotated' });
    expect((result as { warnings: string[] }).warnings.join(' ')).not.toMatch(/flush/);
    expect(peer.received.filter((c) => c.type === 'NEXT_SESSION')).toHaveLength(1);
    expect(peer.resultsFiles).toHaveLength(before + 1);
    // The rotation only went on once the file was ingested.
    expect(await env.bot.state.processedFile(path.basename(peer.resultsFiles[before]!))).toMatchObject({
      status: 'ingested',
      eventId: EVENT,
    });
    const stored = await env.bot.store.lapsForEvent(EVENT);
    expect(stored.filter(isLiveLap)).toEqual([]);
    expect(stored).toHaveLength(sent.length + 3);
    expect((await env.bot.league.leaderboard(EVENT)).rows[0]).toMatchObject({
      driverName: 'Ana Live',
      lapTimeMs: 118000,
      tyre: 'SM',
    });
  });
});
