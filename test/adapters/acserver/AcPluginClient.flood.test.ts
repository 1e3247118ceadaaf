import { encodeServerMessage } from '../../../src/domain/acPlugin';
import { startPluginClient, type PluginClientRig } from '../../support/fakeAcServer/pluginClientRig';
import { waitFor } from '../../support/fakeDiscord/waitFor';

const carInfoAsks = (r: PluginClientRig, carId: number) =>
  r.peer.received.filter((c) => c.type === 'GET_CAR_INFO' && c.carId === carId).length;
const lapOf = (carId: number, lapTimeMs: number) =>
  encodeServerMessage({ type: 'LAP_COMPLETED', carId, lapTimeMs, cuts: 0, leaderboard: [] });

describe('AcPluginClient over UDP: bounded reactions to floods', () => {
  let r: PluginClientRig;
  afterEach(async () => r?.close());

  it('when 1,000 laps arrive for a car id acServer never named, then one GET_CAR_INFO goes out for that slot and one warning line is logged', async () => {
    r = await startPluginClient({ client: { carInfoIntervalMs: 60_000 } });
    await waitFor(() => r.client.session(), 3000, 'session');
    await r.caughtUp();
    const before = carInfoAsks(r, 200);
    for (let i = 0; i < 1000; i++) r.peer.send(lapOf(200, 90000 + i));
    await r.caughtUp();
    await waitFor(() => r.client.stats().lapsDropped === 1000, 5000, 'every lap of the unknown car dropped');
    expect(carInfoAsks(r, 200) - before).toBe(1);
    expect(r.laps).toEqual([]);
    const lines = r.logged('laps of cars acServer has not named were dropped');
    expect(lines).toHaveLength(1);
    expect(String(lines[0]!.msg)).toMatch(/logged at most every 60 s/);
  });

  it('when laps of unknown cars keep coming in several slots, then each slot is asked at most once per interval', async () => {
    r = await startPluginClient({ client: { carInfoIntervalMs: 60_000, maxClients: 0 } });
    await waitFor(() => r.client.session(), 3000, 'session');
    for (let round = 0; round < 50; round++) for (const carId of [9, 10, 11]) r.peer.send(lapOf(carId, 95000 + round));
    await r.caughtUp();
    await waitFor(() => r.client.stats().lapsDropped === 150, 5000, 'every lap dropped');
    expect([9, 10, 11].map((id) => carInfoAsks(r, id))).toEqual([1, 1, 1]);
  });

  it('when a car acServer did not announce laps, then its CAR_INFO is asked once and its laps delivered in order', async () => {
    r = await startPluginClient({ client: { carInfoIntervalMs: 60_000, maxClients: 0 } });
    await waitFor(() => r.client.session(), 3000, 'session');
    r.peer.connect({ carId: 6, name: 'Quiet', guid: '76561198000000506', model: 'ks_mazda_mx5_cup' }, { silent: true });
    r.peer.lap(6, 101000);
    r.peer.lap(6, 100500);
    await waitFor(() => r.laps.length === 2, 3000, 'both laps');
    expect(r.laps.map((l) => [l.car.driverGuid, l.lapTimeMs])).toEqual([
      ['76561198000000506', 101000],
      ['76561198000000506', 100500],
    ]);
    expect(carInfoAsks(r, 6)).toBe(1);
  });

  it('when a long text is broadcast, then acServer gets at most two short ASCII chat lines, the second ending in "..."', async () => {
    r = await startPluginClient();
    r.client.broadcast(`New leader: ${'Ω'.repeat(3)}${'W'.repeat(255)} 1:59.900`);
    await waitFor(() => r.peer.chats.length >= 1, 3000, 'chat');
    r.client.broadcast('marker');
    await waitFor(() => r.peer.chats.includes('marker'), 3000, 'marker');
    const lines = r.peer.chats.slice(0, -1);
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/^[\x20-\x7e]{1,60}$/);
    expect(lines[1]!.endsWith('...')).toBe(true);
  });
});
