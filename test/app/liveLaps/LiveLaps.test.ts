import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AcPluginClient } from '../../../src/adapters/acserver/AcPluginClient';
import { LiveLaps } from '../../../src/app/liveLaps/LiveLaps';
import { silentLogger } from '../../../src/logger';
import { isLiveLap } from '../../../src/domain/liveLaps/liveLap';
import type { Leaderboard } from '../../../src/domain/types';
import { makeLeague } from '../../support/leagueFixture';
import { rawResults, resultsFixture } from '../../support/fixtures';
import { FakeAcUdpPeer, type PeerCar } from '../../support/fakeAcServer/udpPeer';
import { freeUdpPort } from '../../support/fakeAcServer/freeUdpPort';
import { waitFor } from '../../support/fakeDiscord/waitFor';

type RawLap = {
  DriverName: string;
  DriverGuid: string;
  CarId: number;
  CarModel: string;
  LapTime: number;
  Cuts: number;
  Timestamp: number;
};
type Raw = { TrackName: string; TrackConfig: string; Type: 'PRACTICE' | 'QUALIFY' | 'RACE'; Laps: RawLap[] };

/** The whole League + UDP client + LiveLaps, against a fake acServer peer on the fixture's track. */
async function rig(
  track: string,
  trackConfig: string,
  type: Raw['Type'],
  announce?: ConstructorParameters<typeof LiveLaps>[0]['announce'],
) {
  const lg = await makeLeague();
  const listenPort = await freeUdpPort();
  const peer = await FakeAcUdpPeer.start({
    pluginPort: listenPort,
    resultsDir: path.join(lg.dir, 'results'),
    track,
    trackConfig,
    slots: 32,
    sessions: [
      { name: type, type, timeMinutes: 60 },
      { name: 'Next', type, timeMinutes: 60 },
    ],
    now: () => new Date('2019-03-02T20:00:00Z'),
  });
  const client = await AcPluginClient.start({
    listen: { host: '127.0.0.1', port: listenPort },
    server: { host: '127.0.0.1', port: peer.port },
    maxClients: 0,
    log: silentLogger,
  });
  const live = new LiveLaps({ league: lg.league, link: client, log: silentLogger, announce });
  await waitFor(() => client.session(), 3000, 'session info');
  const close = async () => {
    await client.close();
    await peer.close();
    await lg.close();
  };
  return { ...lg, peer, client, live, listenPort, close };
}

/** Sends a results file's laps as LAP_COMPLETED, connecting each driver in their slot first. */
async function replay(peer: FakeAcUdpPeer, client: AcPluginClient, live: LiveLaps, laps: RawLap[]): Promise<void> {
  const inSlot = new Map<number, string>();
  let sent = client.stats().received;
  for (const l of [...laps].sort((a, b) => a.Timestamp - b.Timestamp)) {
    if (inSlot.get(l.CarId) !== l.DriverGuid) {
      if (inSlot.has(l.CarId)) peer.disconnect(l.CarId);
      const car: PeerCar = { carId: l.CarId, name: l.DriverName, guid: l.DriverGuid, model: l.CarModel };
      peer.connect(car);
      inSlot.set(l.CarId, l.DriverGuid);
      await waitFor(
        () => client.cars().some((c) => c.carId === l.CarId && c.driverGuid === l.DriverGuid),
        3000,
        'car connected',
      );
      sent = client.stats().received;
    }
    peer.lap(l.CarId, l.LapTime, { cuts: l.Cuts });
    sent += 1;
    // acServer never sends hundreds of laps in one burst; let the receiver keep up.
    if (sent % 25 === 0) await waitFor(() => client.stats().received >= sent, 3000, 'laps received');
  }
  await waitFor(
    () => live.stats.stored + live.stats.skipped === laps.length,
    10_000,
    `every lap handled (${JSON.stringify(live.stats)} ${JSON.stringify(client.stats())} of ${laps.length})`,
  );
  await live.idle();
}

const shape = (b: Leaderboard) => b.rows.map((r) => [r.position, r.driverGuid, r.driverName, r.carModel, r.lapTimeMs]);

describe('live laps: LAP_COMPLETED over UDP -> stored at once -> replaced by the results file', () => {
  const cases: Array<[string, string]> = [
    ['2019_3_2_17_27_PRACTICE.json', 'season1#event2'],
    ['2019_3_2_19_30_PRACTICE.json', 'season1#event2'], // starts with a BOM
    ['2015_10_17_9_30_QUALIFY.json', 'season1#preseason1'], // 23 drivers in 17 cars: slots change hands
    ['tyre.info.json', 'season1#event3'], // 90 laps, no time in the name: currentEvent.json decides
  ];

  it.each(cases)(
    'when %s is replayed live and then ingested, then the board equals the file-only board and the lap count the file’s',
    async (suffix, eventId) => {
      const fx = resultsFixture(suffix);
      const raw = rawResults<Raw>(fx.bytes);
      const r = await rig(raw.TrackName, raw.TrackConfig, raw.Type);
      const fileOnly = await makeLeague();
      try {
        for (const lg of [r, fileOnly]) writeFileSync(lg.currentEventFile, JSON.stringify({ eventId }));
        await replay(r.peer, r.client, r.live, raw.Laps);
        const mtime = new Date('2019-03-02T20:00:00Z'); // tyre.info.json's session time is its mtime
        await fileOnly.league.onResultsFile({ path: fx.name, bytes: fx.bytes, mtime });
        const expected = await fileOnly.league.leaderboard(eventId);

        // Live, before the session ends: the same ranking, one stored lap per LAP_COMPLETED.
        const liveBoard = await r.league.leaderboard(eventId);
        expect(shape(liveBoard)).toEqual(shape(expected));
        expect(liveBoard.lapCount).toBe(raw.Laps.length);

        const outcome = await r.league.onResultsFile({ path: fx.name, bytes: fx.bytes, mtime });
        expect(outcome).toMatchObject({ status: 'ingested', eventId });
        expect(await r.league.leaderboard(eventId)).toEqual(expected);
        const stored = await r.store.lapsForEvent(eventId);
        expect(stored).toHaveLength(raw.Laps.length);
        expect(stored.filter(isLiveLap)).toEqual([]);
      } finally {
        await fileOnly.close();
        await r.close();
      }
    },
  );

  it('when laps of the next session arrive before the previous session’s file is read, then only that file’s laps are replaced', async () => {
    const r = await rig('suzuka', 'suzukagp', 'PRACTICE');
    try {
      const a: PeerCar = { carId: 0, name: 'A', guid: '76561198000000001', model: 'ks_mazda_mx5_cup' };
      r.peer.connect(a);
      await waitFor(() => r.client.cars().length === 1, 3000, 'car');
      for (const t of [120000, 119000, 119500]) r.peer.lap(0, t);
      const file = r.peer.endSession();
      for (const t of [119000, 118000]) r.peer.lap(0, t); // same time again in the next session
      await waitFor(() => r.live.stats.stored === 5, 3000, 'five live laps');
      await r.live.idle();
      await r.league.onResultsFile({ path: file, bytes: readFileSync(file), mtime: new Date() });
      const stored = await r.store.lapsForEvent('season1#event2');
      expect(stored.filter((l) => !isLiveLap(l)).map((l) => l.lapTimeMs)).toEqual(
        expect.arrayContaining([120000, 119000, 119500]),
      );
      expect(
        stored
          .filter(isLiveLap)
          .map((l) => l.lapTimeMs)
          .sort(),
      ).toEqual([118000, 119000]);
      const board = await r.league.leaderboard('season1#event2');
      expect(board.lapCount).toBe(5);
      expect(board.rows[0]).toMatchObject({ lapTimeMs: 118000 });
    } finally {
      await r.close();
    }
  });

  it('when acServer runs another track than the current event, then laps are not stored live', async () => {
    const r = await rig('monza', '', 'PRACTICE');
    try {
      r.peer.connect({ carId: 1, name: 'B', guid: '76561198000000002', model: 'ks_mazda_mx5_cup' });
      await waitFor(() => r.client.cars().length === 1, 3000, 'car');
      r.peer.lap(1, 100000);
      await waitFor(() => r.live.stats.skipped === 1, 3000, 'skipped');
      expect((await r.league.leaderboard('season1#event2')).lapCount).toBe(0);
    } finally {
      await r.close();
    }
  });

  it('when a lap takes the lead, improves a driver or is a driver’s first of the event, then it is announced in Discord and in-game; a slower lap is not', async () => {
    const said: string[] = [];
    const r = await rig('suzuka', 'suzukagp', 'PRACTICE', {
      mode: 'all',
      inGame: true,
      discord: async (c) => said.push(c),
      eventTitle: () => 'Season 1 - Event 2',
    });
    try {
      r.peer.connect({ carId: 0, name: 'Zoë', guid: '76561198000000001', model: 'ks_mazda_mx5_cup' });
      r.peer.connect({ carId: 1, name: 'Bo', guid: '76561198000000002', model: 'ks_mazda_mx5_cup' });
      await waitFor(() => r.client.cars().length === 2, 3000, 'cars');
      r.peer.lap(0, 130000); // first time: leads
      r.peer.lap(1, 131000); // Bo's first lap of the event, P2: his first personal best
      r.peer.lap(1, 129000); // takes the lead
      r.peer.lap(0, 129500); // PB, P2
      r.peer.lap(0, 140000); // slower: quiet
      r.peer.lap(0, 100000, { cuts: 3 }); // cut: quiet
      await waitFor(() => r.live.stats.stored === 6, 3000, 'laps');
      await r.live.idle();
      expect(said).toEqual([
        expect.stringMatching(/^🏆 \*\*Zoë\*\* sets the first time in Season 1 - Event 2: \*\*2:10.000\*\*/),
        '⏱️ **Bo** sets a first time of **2:11.000** in Season 1 - Event 2: P2',
        expect.stringMatching(/^🏆 \*\*Bo\*\* takes the lead .* 1.000 s faster than Zoë$/),
        expect.stringMatching(/^⏱️ \*\*Zoë\*\* improves to \*\*2:09.500\*\* .* P2, 0.500 s faster$/),
      ]);
      await waitFor(() => r.peer.chats.length === 4, 3000, 'in-game chat');
      expect(r.peer.chats).toEqual([
        'New leader: Zoe 2:10.000',
        'PB: Bo 2:11.000 (P2)',
        'New leader: Bo 2:09.000',
        'PB: Zoe 2:09.500 (P2)',
      ]);
    } finally {
      await r.close();
    }
  });
  it('when a driver with a 255-character name takes the lead, then the in-game announcement is one chat line with the time', async () => {
    const r = await rig('suzuka', 'suzukagp', 'PRACTICE', { mode: 'all', inGame: true, eventTitle: () => 'E' });
    try {
      r.peer.connect({
        carId: 0,
        name: 'Ž'.repeat(5) + 'x'.repeat(250),
        guid: '76561198000000001',
        model: 'ks_mazda_mx5_cup',
      });
      await waitFor(() => r.client.cars().length === 1, 3000, 'car');
      r.peer.lap(0, 119900);
      await waitFor(() => r.live.stats.announced === 1, 3000, 'announced');
      r.client.broadcast('marker');
      await waitFor(() => r.peer.chats.includes('marker'), 3000, 'chat');
      const lines = r.peer.chats.slice(0, -1);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^New leader: ZZZZZx+\.\.\. 1:59\.900$/);
      expect(lines[0]!.length).toBeLessThanOrEqual(60);
    } finally {
      await r.close();
    }
  });

  it('when a spoofer on 127.0.0.2 connects a car, sends its laps and a NEW_SESSION for another track, then nothing is stored, announced or broadcast, and acServer’s laps still count', async () => {
    const said: string[] = [];
    const r = await rig('suzuka', 'suzukagp', 'PRACTICE', {
      mode: 'all',
      inGame: true,
      discord: async (c) => said.push(c),
      eventTitle: () => 'E',
    });
    const spoofer = await FakeAcUdpPeer.start({
      pluginPort: r.listenPort,
      host: '127.0.0.2',
      resultsDir: path.join(r.dir, 'spoof'),
      track: 'monza',
    });
    try {
      spoofer.boot();
      spoofer.connect({ carId: 4, name: 'Spoof', guid: '76561198000000666', model: 'ks_mazda_mx5_cup' });
      spoofer.lap(4, 60000);
      await waitFor(() => r.client.stats().dropped === spoofer.sent, 3000, 'spoofed datagrams dropped');
      r.peer.connect({ carId: 0, name: 'Real', guid: '76561198000000001', model: 'ks_mazda_mx5_cup' });
      await waitFor(() => r.client.cars().length === 1, 3000, 'car');
      r.peer.lap(0, 125000);
      await waitFor(() => r.live.stats.stored === 1, 3000, 'real lap stored');
      await r.live.idle();
      const laps = await r.store.lapsForEvent('season1#event2');
      expect(laps.map((l) => [l.driverGuid, l.lapTimeMs, l.track])).toEqual([['76561198000000001', 125000, 'suzuka']]);
      expect(said).toHaveLength(1);
      expect(said[0]).toContain('Real');
      expect(spoofer.chats).toEqual([]);
    } finally {
      await spoofer.close();
      await r.close();
    }
  });

  it('when NEW_SESSION with impossible values names another track, then it is rejected and live laps go on being stored', async () => {
    const r = await rig('suzuka', 'suzukagp', 'PRACTICE');
    try {
      r.peer.connect({ carId: 1, name: 'B', guid: '76561198000000002', model: 'ks_mazda_mx5_cup' });
      await waitFor(() => r.client.cars().length === 1, 3000, 'car');
      r.peer.send({
        type: 'NEW_SESSION',
        protocolVersion: 153,
        sessionIndex: 0,
        currentSessionIndex: 0,
        sessionCount: 1,
        serverName: 'x',
        track: 'monza\u0001',
        trackConfig: '',
        name: 'Q',
        sessionType: 77,
        timeMinutes: 1,
        laps: 0,
        waitTime: 0,
        ambientTemp: 0,
        roadTemp: 0,
        weatherGraphics: '',
        elapsedMs: 0,
      });
      r.peer.lap(1, 100000);
      await waitFor(() => r.live.stats.stored + r.live.stats.skipped === 1, 3000, 'lap handled');
      expect(r.live.stats).toMatchObject({ stored: 1, skipped: 0 });
      expect((await r.league.leaderboard('season1#event2')).rows[0]).toMatchObject({
        driverGuid: '76561198000000002',
        lapTimeMs: 100000,
      });
    } finally {
      await r.close();
    }
  });
});
