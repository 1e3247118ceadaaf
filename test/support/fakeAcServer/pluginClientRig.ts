import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AcPluginClient, type AcPluginClientOptions } from '../../../src/adapters/acserver/AcPluginClient';
import type { LiveLapEvent } from '../../../src/app/liveLaps/acPluginLink';
import { createLogger } from '../../../src/logger';
import { FakeAcUdpPeer, type UdpPeerOptions } from './udpPeer';
import { freeUdpPort } from './freeUdpPort';

export interface PluginClientRig {
  peer: FakeAcUdpPeer;
  client: AcPluginClient;
  listenPort: number;
  laps: LiveLapEvent[];
  logs: Array<Record<string, unknown>>;
  /** Log lines whose message starts with `prefix`. */
  logged(prefix: string): Array<Record<string, unknown>>;
  /** Another peer speaking acServer's protocol to the bot, from `host` (another port when 127.0.0.1). */
  stranger(host?: string, opts?: Partial<UdpPeerOptions>): Promise<FakeAcUdpPeer>;
  /** Resolves once the client has received every datagram the real peer sent. */
  caughtUp(): Promise<void>;
  close(): Promise<void>;
}

/**
 * An AcPluginClient on 127.0.0.1 against the fake acServer peer (Suzuka GP, 8 slots), with its
 * log lines captured and every plugin log window at 60 s, so counts of log lines do not depend
 * on timing.
 */
export async function startPluginClient(
  opts: { peer?: Partial<UdpPeerOptions>; client?: Partial<AcPluginClientOptions>; serverHost?: string } = {},
): Promise<PluginClientRig> {
  const logs: Array<Record<string, unknown>> = [];
  const listenPort = await freeUdpPort();
  const resultsDir = path.join(mkdtempSync(path.join(tmpdir(), 'udp-')), 'results');
  const peer = await FakeAcUdpPeer.start({
    pluginPort: listenPort,
    resultsDir,
    track: 'suzuka',
    trackConfig: 'suzukagp',
    slots: 8,
    sessions: [
      { name: 'Practice', type: 'PRACTICE', timeMinutes: 60 },
      { name: 'Qualifying', type: 'QUALIFY', timeMinutes: 10 },
    ],
    ...opts.peer,
  });
  const log = createLogger('debug', {
    write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>),
  });
  const client = await AcPluginClient.start({
    listen: { host: '127.0.0.1', port: listenPort },
    server: { host: opts.serverHost ?? '127.0.0.1', port: peer.port },
    maxClients: 8,
    log,
    failureLogWindowMs: 60_000,
    ...opts.client,
  });
  const laps: LiveLapEvent[] = [];
  client.onLap((l) => laps.push(l));
  const strangers: FakeAcUdpPeer[] = [];
  return {
    peer,
    client,
    listenPort,
    laps,
    logs,
    logged: (prefix) => logs.filter((l) => String(l.msg).startsWith(prefix)),
    stranger: async (host = '127.0.0.1', more = {}) => {
      const s = await FakeAcUdpPeer.start({
        pluginPort: listenPort,
        host,
        resultsDir,
        track: 'monza',
        slots: 8,
        ...more,
      });
      strangers.push(s);
      return s;
    },
    caughtUp: async () => {
      const deadline = Date.now() + 5000;
      while (client.stats().received < peer.sent) {
        if (Date.now() > deadline)
          throw new Error(`the client received ${client.stats().received} of ${peer.sent} datagrams`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: async () => {
      await client.close();
      for (const s of strangers) await s.close();
      await peer.close();
    },
  };
}
