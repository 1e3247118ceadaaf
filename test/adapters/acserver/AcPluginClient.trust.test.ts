import dgram from 'node:dgram';
import { startPluginClient, type PluginClientRig } from '../../support/fakeAcServer/pluginClientRig';
import { waitFor } from '../../support/fakeDiscord/waitFor';
import type { PeerCar } from '../../support/fakeAcServer/udpPeer';

const ana: PeerCar = { carId: 0, name: 'Ana', guid: '76561198000000010', model: 'ks_mazda_mx5_cup' };
const impostor: PeerCar = { carId: 0, name: 'Ana', guid: '76561198000000666', model: 'ks_mazda_mx5_cup' };
const ghost: PeerCar = { carId: 5, name: 'Ghost', guid: '76561198000000777', model: 'bmw_m3_e30' };

describe('AcPluginClient over UDP: only acServer (AC_PLUGIN_SERVER) may speak', () => {
  let r: PluginClientRig;
  afterEach(async () => r?.close());

  it.each([
    ['another port on 127.0.0.1', '127.0.0.1'],
    ['127.0.0.2 (another loopback address)', '127.0.0.2'],
  ])(
    'when connections, laps, a session and VERSION come from %s, then they are dropped, counted and logged once',
    async (_, host) => {
      r = await startPluginClient();
      r.peer.connect(ana);
      await waitFor(() => r.client.cars().length === 1 && r.client.session(), 3000, 'car and session');
      const spoofer = await r.stranger(host);
      spoofer.boot(); // VERSION, then NEW_SESSION on monza
      spoofer.connect(impostor); // NEW_CONNECTION: Ana's slot under another GUID
      spoofer.connect(ghost);
      spoofer.lap(0, 90000);
      spoofer.lap(5, 91000);
      spoofer.disconnect(0); // CONNECTION_CLOSED for Ana
      spoofer.send(Buffer.from([99, 1, 2])); // garbage too
      await waitFor(
        () => r.client.stats().dropped === spoofer.sent,
        3000,
        `all ${spoofer.sent} spoofed datagrams dropped`,
      );

      expect(r.client.cars()).toEqual([expect.objectContaining({ carId: 0, driverGuid: ana.guid })]);
      expect(r.client.session()).toMatchObject({ track: 'suzuka', trackConfig: 'suzukagp' });
      expect(r.laps).toEqual([]);
      expect(r.client.stats().failed).toEqual({});
      const lines = r.logged('datagrams from an address other than acServer');
      expect(lines).toHaveLength(1);
      expect(String(lines[0]!.msg)).toContain(`127.0.0.1:${r.peer.port}`);
      expect(String(lines[0]!.last)).toContain(`${host}:${spoofer.port}`);

      // acServer itself is still heard: its lap is Ana's, under her real GUID.
      r.peer.lap(0, 100000);
      await waitFor(() => r.laps.length === 1, 3000, 'real lap');
      expect(r.laps[0]).toMatchObject({ lapTimeMs: 100000, car: { driverGuid: ana.guid } });
    },
  );

  it('when a relay is set, then a stranger’s datagrams reach neither the relayed plugin nor acServer', async () => {
    const other = dgram.createSocket('udp4');
    await new Promise<void>((res) => other.bind(0, '127.0.0.1', () => res()));
    const got: Buffer[] = [];
    other.on('message', (b) => got.push(b));
    try {
      r = await startPluginClient({ client: { relay: { host: '127.0.0.1', port: other.address().port } } });
      r.peer.connect(ana);
      await r.caughtUp();
      await waitFor(() => got.length === r.peer.sent, 3000, 'acServer’s datagrams relayed');
      const spoofer = await r.stranger('127.0.0.2');
      spoofer.connect(ghost);
      spoofer.send(Buffer.from([203, 2, 104, 0, 0, 0, 105, 0, 0, 0])); // a BROADCAST_CHAT "hi" aimed at acServer
      await waitFor(() => r.client.stats().dropped === 2, 3000, 'spoofed datagrams dropped');
      r.peer.send({ type: 'CHAT', carId: 0, text: 'marker' });
      await waitFor(() => got.length === r.peer.sent, 3000, 'marker relayed');
      expect(got.some((b) => b[0] === 51 && b.includes(Buffer.from('bmw_m3_e30')))).toBe(false);
      expect(r.client.stats()).toMatchObject({ relayedToServer: 0, relayedToPlugin: r.peer.sent });
      expect(r.peer.chats).toEqual([]);
    } finally {
      other.close();
    }
  });

  it('when AC_PLUGIN_SERVER names acServer by host name, then datagrams from the address it resolves to are accepted', async () => {
    r = await startPluginClient({ serverHost: 'localhost' });
    r.peer.connect(ana);
    await waitFor(() => r.client.cars().length === 1 && r.client.session(), 3000, 'car and session from localhost');
    expect(r.client.stats().dropped).toBe(0);
  });
});
