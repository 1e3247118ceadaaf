import dgram from 'node:dgram';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AcPluginClient } from '../../../src/adapters/acserver/AcPluginClient';
import type { LiveLapEvent } from '../../../src/app/liveLaps/acPluginLink';
import { createLogger } from '../../../src/logger';
import { encodeServerMessage } from '../../../src/domain/acPlugin';
import { FakeAcUdpPeer, type PeerCar } from '../../support/fakeAcServer/udpPeer';
import { freeUdpPort } from '../../support/fakeAcServer/freeUdpPort';
import { waitFor } from '../../support/fakeDiscord/waitFor';

const ana: PeerCar = {
  carId: 0,
  name: 'Ana Łukasz',
  guid: '76561198000000010',
  model: 'ks_mazda_mx5_cup',
  skin: 'red',
};
const ben: PeerCar = { carId: 3, name: 'Ben 小林', guid: '76561198000000011', model: 'bmw_m3_e30', skin: 'blue' };

describe('AcPluginClient over UDP on 127.0.0.1 against the fake acServer peer', () => {
  let peer: FakeAcUdpPeer;
  let client: AcPluginClient | undefined;
  let logs: Array<Record<string, unknown>>;
  let listenPort: number;

  const start = async (extra: { relay?: { host: string; port: number }; maxClients?: number } = {}) => {
    const log = createLogger('debug', {
      write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>),
    });
    client = await AcPluginClient.start({
      listen: { host: '127.0.0.1', port: listenPort },
      server: { host: '127.0.0.1', port: peer.port },
      maxClients: extra.maxClients ?? 8,
      log,
      failureLogWindowMs: 60_000,
      ...(extra.relay ? { relay: extra.relay } : {}),
    });
    return client;
  };

  beforeEach(async () => {
    logs = [];
    listenPort = await freeUdpPort();
    peer = await FakeAcUdpPeer.start({
      pluginPort: listenPort,
      resultsDir: path.join(mkdtempSync(path.join(tmpdir(), 'udp-')), 'results'),
      track: 'suzuka',
      trackConfig: 'suzukagp',
      slots: 8,
      sessions: [
        { name: 'Practice', type: 'PRACTICE', timeMinutes: 60 },
        { name: 'Qualifying', type: 'QUALIFY', timeMinutes: 10 },
      ],
    });
  });
  afterEach(async () => {
    await client?.close();
    client = undefined;
    await peer.close();
  });

  it('when the bot starts mid-session, then it asks for the session and every slot and knows who is on', async () => {
    peer.connect(ana, { silent: true });
    peer.connect(ben, { silent: true });
    const c = await start({ maxClients: 8 });
    await waitFor(() => c.cars().length === 2 && c.session(), 3000, 'session and cars');
    expect(c.session()).toMatchObject({
      track: 'suzuka',
      trackConfig: 'suzukagp',
      sessionType: 'PRACTICE',
      name: 'Practice',
    });
    expect(c.cars()).toEqual([
      { carId: 0, driverName: 'Ana Łukasz', driverGuid: ana.guid, carModel: 'ks_mazda_mx5_cup', carSkin: 'red' },
      { carId: 3, driverName: 'Ben 小林', driverGuid: ben.guid, carModel: 'bmw_m3_e30', carSkin: 'blue' },
    ]);
    const asked = peer.received.filter((m) => m.type === 'GET_CAR_INFO').map((m) => (m as { carId: number }).carId);
    expect(asked).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(peer.received[0]).toEqual({ type: 'GET_SESSION_INFO', sessionIndex: -1 });
  });

  it('when cars connect and leave and a session starts, then cars and session follow and listeners hear of it', async () => {
    const c = await start();
    let changes = 0;
    c.onCarsChanged(() => changes++);
    peer.connect(ana);
    peer.connect(ben);
    await waitFor(() => c.cars().length === 2, 3000, 'two cars');
    peer.disconnect(0);
    await waitFor(() => c.cars().length === 1, 3000, 'one car left');
    expect(c.cars()[0]!.driverGuid).toBe(ben.guid);
    expect(changes).toBeGreaterThanOrEqual(3);
    peer.endSession();
    await waitFor(() => c.session()?.sessionIndex === 1, 3000, 'next session');
    expect(c.session()).toMatchObject({ name: 'Qualifying', sessionType: 'QUALIFY' });
  });

  it('when a lap completes, then listeners get driver, GUID, car, time, cuts and the session', async () => {
    const c = await start();
    const laps: LiveLapEvent[] = [];
    c.onLap((l) => laps.push(l));
    peer.connect(ben);
    await waitFor(() => c.cars().length === 1 && c.session(), 3000, 'car on');
    peer.lap(3, 123456, { cuts: 2 });
    await waitFor(() => laps.length === 1, 3000, 'lap');
    expect(laps[0]).toMatchObject({
      lapTimeMs: 123456,
      cuts: 2,
      car: { driverGuid: ben.guid, driverName: 'Ben 小林', carModel: 'bmw_m3_e30' },
    });
    expect(laps[0]!.session?.track).toBe('suzuka');
  });

  it('when a lap comes from a car the bot has not heard of, then it asks CAR_INFO and delivers the lap', async () => {
    const c = await start({ maxClients: 0 });
    const laps: LiveLapEvent[] = [];
    c.onLap((l) => laps.push(l));
    peer.connect(ana, { silent: true });
    peer.lap(0, 99999);
    await waitFor(() => laps.length === 1, 3000, 'late lap');
    expect(laps[0]!.car.driverGuid).toBe(ana.guid);
    expect(peer.received).toContainEqual({ type: 'GET_CAR_INFO', carId: 0 });
  });

  it('when garbage, short and unknown datagrams arrive, then they are counted and logged once, and decoding goes on', async () => {
    const c = await start();
    const laps: LiveLapEvent[] = [];
    c.onLap((l) => laps.push(l));
    peer.connect(ana);
    await waitFor(() => c.cars().length === 1, 3000, 'car on');
    const lap = encodeServerMessage({ type: 'LAP_COMPLETED', carId: 0, lapTimeMs: 1, cuts: 0, leaderboard: [] });
    peer.send(Buffer.from([99, 1, 2, 3])); // unknown id
    peer.send(lap.subarray(0, 3)); // truncated lap
    peer.send(Buffer.from([130, 7, 1])); // collision of an unknown subtype
    peer.send(Buffer.alloc(0));
    for (let i = 0; i < 50; i++) peer.send(Buffer.from([51, 200]));
    peer.lap(0, 100000);
    await waitFor(() => laps.length === 1, 3000, 'lap after garbage');
    await waitFor(() => c.stats().received >= 57, 3000, 'all datagrams');
    expect(c.stats().failed).toEqual({ 'unknown-id': 1, short: 51, malformed: 1, empty: 1 });
    expect(logs.filter((l) => String(l.msg).startsWith('undecodable datagrams'))).toHaveLength(1);
    expect(laps[0]!.lapTimeMs).toBe(100000);
  });

  it('when a relay is set, then every datagram reaches the other plugin unchanged and its commands reach acServer', async () => {
    const other = dgram.createSocket('udp4');
    await new Promise<void>((r) => other.bind(0, '127.0.0.1', () => r()));
    const got: Buffer[] = [];
    other.on('message', (b) => got.push(b));
    const c = await start({ relay: { host: '127.0.0.1', port: other.address().port } });
    peer.connect(ana);
    peer.lap(0, 101010);
    const junk = Buffer.from([250, 1, 2]);
    peer.send(junk);
    await waitFor(() => got.length >= 4, 3000, 'relayed datagrams'); // SESSION_INFO, CAR_INFO x8, NEW_CONNECTION, LAP, junk
    await waitFor(
      () => c.stats().received === got.length && got.some((b) => b.equals(junk)),
      3000,
      'every datagram relayed',
    );
    expect(got.filter((b) => b[0] === 73)).toHaveLength(1);
    other.send(Buffer.from([203, 2, 104, 0, 0, 0, 105, 0, 0, 0]), listenPort, '127.0.0.1'); // BROADCAST_CHAT "hi"
    await waitFor(() => peer.chats.includes('hi'), 3000, 'command relayed to acServer');
    expect(c.stats().relayedToServer).toBe(1);
    other.close();
  });

  it('when acServer answers, then ping is true; when it stays silent, false', async () => {
    const c = await start();
    expect(await c.ping(1000)).toBe(true);
    await new Promise((r) => setTimeout(r, 100)); // answers to the start-up request still in flight
    const port = peer.port;
    await peer.close();
    peer = await FakeAcUdpPeer.start({
      pluginPort: listenPort,
      port,
      resultsDir: tmpdir(),
      track: 'x',
      ignore: ['GET_SESSION_INFO'],
    });
    expect(await c.ping(300)).toBe(false);
  });

  it('when commands are sent, then acServer receives kick, next session and chat folded to short ASCII lines', async () => {
    const c = await start();
    peer.connect(ana);
    await waitFor(() => c.cars().length === 1, 3000, 'car on');
    c.broadcast('Ünïcode 🏁 leader: Łukasz — a line that is clearly longer than sixty characters in all');
    c.kick(0);
    await waitFor(() => c.cars().length === 0, 3000, 'kicked');
    c.nextSession();
    await waitFor(() => peer.resultsFiles.length === 1, 3000, 'results written');
    expect(peer.chats.length).toBeGreaterThanOrEqual(2);
    for (const line of peer.chats) expect(line).toMatch(/^[\x20-\x7e]{1,60}$/);
    expect(peer.chats.join(' ')).toContain('Unicode leader: Lukasz');
    expect(peer.kicked).toEqual([0]);
  });

  it('when the listen port is taken, then start fails naming the address and the relay fix', async () => {
    const taken = dgram.createSocket('udp4');
    await new Promise<void>((r) => taken.bind(listenPort, '127.0.0.1', () => r()));
    await expect(start()).rejects.toThrow(new RegExp(`127.0.0.1:${listenPort}.*AC_PLUGIN_RELAY`));
    taken.close();
  });
});
