import { decodeServerMessage, type SessionInfoPayload } from '../../../src/domain/acPlugin';
import type { PluginCommand } from '../../../src/domain/acPlugin';
import { startPluginClient, type PluginClientRig } from '../../support/fakeAcServer/pluginClientRig';
import { waitFor } from '../../support/fakeDiscord/waitFor';
import type { PeerCar } from '../../support/fakeAcServer/udpPeer';

const six: PeerCar[] = [0, 1, 2, 3, 5, 7].map((carId) => ({
  carId,
  name: `Driver ${carId}`,
  guid: `7656119800000040${carId}`,
  model: 'ks_mazda_mx5_cup',
}));
const asked = (r: PluginClientRig, type: PluginCommand['type']) =>
  r.peer.received.filter((c) => c.type === type).length;

/** A session acServer could send: Suzuka GP practice, the first of two sessions. */
const suzuka = (over: Partial<SessionInfoPayload> = {}): SessionInfoPayload => ({
  protocolVersion: 4,
  sessionIndex: 0,
  currentSessionIndex: 0,
  sessionCount: 2,
  serverName: 'Fake League Server',
  track: 'suzuka',
  trackConfig: 'suzukagp',
  name: 'Practice',
  sessionType: 1,
  timeMinutes: 60,
  laps: 0,
  waitTime: 60,
  ambientTemp: 22,
  roadTemp: 30,
  weatherGraphics: '3_clear',
  elapsedMs: 1000,
  ...over,
});

/** Deterministic pseudo-random bytes (mulberry32), so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('AcPluginClient over UDP: VERSION re-asks acServer instead of forgetting the grid', () => {
  let r: PluginClientRig;
  afterEach(async () => r?.close());

  const sixOn = async () => {
    for (const c of six) r.peer.connect(c);
    await waitFor(() => r.client.cars().length === 6 && r.client.session(), 3000, 'six cars and the session');
  };

  it('when acServer says VERSION while six cars are on, then the bot asks the session and every slot again and still knows all six', async () => {
    r = await startPluginClient();
    await sixOn();
    const [cars, sessions] = [asked(r, 'GET_CAR_INFO'), asked(r, 'GET_SESSION_INFO')];
    r.peer.send({ type: 'VERSION', protocolVersion: 4 });
    await waitFor(
      () => asked(r, 'GET_CAR_INFO') === cars + 8 && asked(r, 'GET_SESSION_INFO') === sessions + 1,
      3000,
      'session and 8 slots asked again',
    );
    await r.caughtUp();
    expect(r.client.cars().map((c) => [c.carId, c.driverGuid])).toEqual(six.map((c) => [c.carId, c.guid]));
    expect(r.client.session()).toMatchObject({ track: 'suzuka' });
  });

  it('when acServer restarted with nobody on and says VERSION, then the cars follow its answers: none', async () => {
    r = await startPluginClient();
    await sixOn();
    for (const c of six) r.peer.disconnect(c.carId, { silent: true });
    const cars = asked(r, 'GET_CAR_INFO');
    r.peer.send({ type: 'VERSION', protocolVersion: 4 });
    await waitFor(() => asked(r, 'GET_CAR_INFO') === cars + 8, 3000, 'slots asked');
    await r.caughtUp();
    expect(r.client.cars()).toEqual([]);
  });

  it('when VERSION arrives 200 times at once, then the bot asks the slots once (one survey per interval), not 200 times', async () => {
    r = await startPluginClient({ client: { resyncIntervalMs: 60_000 } });
    await sixOn();
    const [cars, sessions] = [asked(r, 'GET_CAR_INFO'), asked(r, 'GET_SESSION_INFO')];
    for (let i = 0; i < 200; i++) r.peer.send({ type: 'VERSION', protocolVersion: 4 });
    await r.caughtUp();
    r.peer.send({ type: 'CHAT', carId: 0, text: 'marker' }); // the bot asks nothing back for chat
    await r.caughtUp();
    await waitFor(() => asked(r, 'GET_CAR_INFO') === cars + 8, 3000, 'one survey');
    expect(asked(r, 'GET_SESSION_INFO')).toBe(sessions + 1);
    expect(r.client.cars()).toHaveLength(6);
  });

  it('when VERSION names another protocol than 4, then it is ignored and logged', async () => {
    r = await startPluginClient();
    await sixOn();
    const cars = asked(r, 'GET_CAR_INFO');
    r.peer.send({ type: 'VERSION', protocolVersion: 153 });
    await r.caughtUp();
    await waitFor(
      () => r.logged('messages from acServer with impossible values were ignored').length === 1,
      3000,
      'log line',
    );
    expect(String(r.logged('messages from acServer with impossible values')[0]!.last)).toMatch(
      /VERSION: protocol version 153/,
    );
    expect(asked(r, 'GET_CAR_INFO')).toBe(cars);
    expect(r.client.cars()).toHaveLength(6);
  });

  it('when refresh() is called, then cars whose NEW_CONNECTION or CONNECTION_CLOSED were lost are corrected from acServer’s answers', async () => {
    r = await startPluginClient();
    await sixOn();
    r.peer.disconnect(3, { silent: true });
    r.peer.connect({ carId: 4, name: 'Late', guid: '76561198000000499', model: 'bmw_m3_e30' }, { silent: true });
    expect(await r.client.refresh(2000)).toBe(true);
    expect(r.client.cars().map((c) => c.carId)).toEqual([0, 1, 2, 4, 5, 7]);
  });

  it('when acServer is silent, then refresh() says so and the cars are left as they were', async () => {
    r = await startPluginClient({ peer: { ignore: ['GET_SESSION_INFO', 'GET_CAR_INFO'] } });
    for (const c of six) r.peer.connect(c);
    await waitFor(() => r.client.cars().length === 6, 3000, 'six cars');
    expect(await r.client.refresh(200)).toBe(false);
    expect(r.client.cars()).toHaveLength(6);
  });
});

describe('AcPluginClient over UDP: NEW_SESSION / SESSION_INFO with impossible values are rejected', () => {
  let r: PluginClientRig;
  afterEach(async () => r?.close());

  const bin = '\x00\x9f\x13\x07\xff\x01';
  it.each<[string, 'NEW_SESSION' | 'SESSION_INFO', Partial<SessionInfoPayload>, RegExp]>([
    [
      'protocol version 153',
      'NEW_SESSION',
      { track: 'monza', trackConfig: '', protocolVersion: 153 },
      /protocol version 153/,
    ],
    ['session type 77', 'NEW_SESSION', { track: 'monza', trackConfig: '', sessionType: 77 }, /session type 77/],
    ['a binary track name', 'NEW_SESSION', { track: bin }, /track name/],
    ['a binary layout name', 'SESSION_INFO', { trackConfig: bin }, /layout name/],
    ['an empty track name', 'SESSION_INFO', { track: '' }, /track name/],
    [
      'a session index past the session count',
      'NEW_SESSION',
      { track: 'monza', sessionIndex: 9, currentSessionIndex: 9 },
      /session index 9 of 2/,
    ],
    [
      'no sessions at all',
      'NEW_SESSION',
      { track: 'monza', sessionIndex: 0, currentSessionIndex: 0, sessionCount: 0 },
      /session count 0/,
    ],
  ])(
    'when %s arrives (%s), then the last valid session is kept, the reason logged and GET_SESSION_INFO asked again',
    async (_, type, over, why) => {
      r = await startPluginClient();
      await waitFor(() => r.client.session(), 3000, 'session');
      const before = asked(r, 'GET_SESSION_INFO');
      r.peer.send({ type, ...suzuka(over) });
      await waitFor(() => asked(r, 'GET_SESSION_INFO') === before + 1, 3000, 'GET_SESSION_INFO asked again');
      await r.caughtUp();
      expect(r.client.session()).toMatchObject({ track: 'suzuka', trackConfig: 'suzukagp', sessionType: 'PRACTICE' });
      const lines = r.logged('messages from acServer with impossible values were ignored');
      expect(lines).toHaveLength(1);
      expect(String(lines[0]!.last)).toMatch(new RegExp(`^${type}: .*${why.source}`));
    },
  );

  it('when 300 random datagrams that decode as NEW_SESSION or SESSION_INFO arrive, then the session stays, GET_SESSION_INFO is asked once and a lap still carries the real session', async () => {
    r = await startPluginClient({ client: { resyncIntervalMs: 60_000 } });
    const car: PeerCar = { carId: 2, name: 'Cem', guid: '76561198000000402', model: 'ks_mazda_mx5_cup' };
    r.peer.connect(car);
    await waitFor(() => r.client.cars().length === 1 && r.client.session(), 3000, 'car and session');
    const before = asked(r, 'GET_SESSION_INFO');
    const rand = prng(17);
    const datagrams: Buffer[] = [];
    while (datagrams.length < 300) {
      const buf = Buffer.from(Array.from({ length: 40 + Math.floor(rand() * 600) }, () => Math.floor(rand() * 256)));
      buf[0] = rand() < 0.5 ? 50 : 59;
      if (datagrams.length % 2 === 0) buf[1] = 4; // half of them even claim the right protocol version
      if (decodeServerMessage(buf).ok) datagrams.push(buf);
    }
    for (const d of datagrams) r.peer.send(d);
    await r.caughtUp();
    expect(r.client.stats().failed).toEqual({});
    expect(r.client.session()).toMatchObject({ track: 'suzuka', trackConfig: 'suzukagp', sessionType: 'PRACTICE' });
    expect(r.logged('messages from acServer with impossible values were ignored')).toHaveLength(1);
    r.peer.lap(2, 101000);
    await waitFor(() => r.laps.length === 1, 3000, 'lap');
    expect(r.laps[0]!.session).toMatchObject({ track: 'suzuka', trackConfig: 'suzukagp' });
    expect(asked(r, 'GET_SESSION_INFO')).toBe(before + 1);
  });
});
