import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AcPluginClient } from '../../../src/adapters/acserver/AcPluginClient';
import { PluginResultsFlusher } from '../../../src/app/liveLaps/PluginResultsFlusher';
import { createLogger } from '../../../src/logger';
import { makeLeague } from '../../support/leagueFixture';
import { FakeAcUdpPeer, type UdpPeerOptions } from '../../support/fakeAcServer/udpPeer';
import { freeUdpPort } from '../../support/fakeAcServer/freeUdpPort';

const driver = (carId: number) => ({
  carId,
  name: `D${carId}`,
  guid: `765611980000003${carId}0`,
  model: 'ks_mazda_mx5_cup',
});

/** Flusher + real UDP client + fake acServer peer; the results file is ingested when END_SESSION names it (as the watcher would). */
async function rig(peerOpts: Partial<UdpPeerOptions>, flusherOpts: { kickFallback?: boolean; ingest?: boolean } = {}) {
  const lg = await makeLeague();
  const resultsDir = path.join(lg.dir, 'results');
  const listenPort = await freeUdpPort();
  const peer = await FakeAcUdpPeer.start({
    pluginPort: listenPort,
    resultsDir,
    track: 'suzuka',
    trackConfig: 'suzukagp',
    now: () => new Date('2019-03-02T20:00:00Z'),
    ...peerOpts,
  });
  const lines: Array<Record<string, unknown>> = [];
  const log = createLogger('debug', {
    write: (l: string) => void lines.push(JSON.parse(l) as Record<string, unknown>),
  });
  const link = await AcPluginClient.start({
    listen: { host: '127.0.0.1', port: listenPort },
    server: { host: '127.0.0.1', port: peer.port },
    maxClients: 4,
    log,
  });
  if (flusherOpts.ingest !== false) {
    link.onEndSession((p) => void lg.league.onResultsFile({ path: p, bytes: readFileSync(p), mtime: new Date() }));
  }
  const flusher = new PluginResultsFlusher({
    link,
    processedFile: (f) => lg.state.processedFile(f),
    resultsDir,
    timeoutMs: 600,
    kickFallback: flusherOpts.kickFallback ?? false,
    log,
    pollMs: 10,
  });
  for (const c of [0, 1]) peer.connect(driver(c));
  await peer.waitFor(() => link.cars().length === 2, 3000, 'cars');
  peer.lap(0, 120000);
  peer.lap(1, 121000);
  const close = async () => {
    await link.close();
    await peer.close();
    await lg.close();
  };
  return { ...lg, peer, link, flusher, lines, close };
}

describe('PluginResultsFlusher: the running session’s results stored before a restart', () => {
  it('when acServer ends the session on NEXT_SESSION, then flush resolves once the results file is ingested', async () => {
    const r = await rig({});
    try {
      const outcome = await r.flusher.flush();
      expect(outcome).toEqual({
        status: 'ingested',
        file: path.basename(r.peer.resultsFiles[0]!),
        via: 'next-session',
      });
      expect(await r.state.processedFile(path.basename(r.peer.resultsFiles[0]!))).toMatchObject({
        status: 'ingested',
        lapCount: 2,
      });
      expect(r.peer.kicked).toEqual([]);
      await expect(r.flusher.flushResults()).resolves.toBeUndefined();
    } finally {
      await r.close();
    }
  });

  it('when NEXT_SESSION is ignored and kick-all is allowed, then every driver is kicked and the file that follows is ingested', async () => {
    const r = await rig({ ignore: ['NEXT_SESSION'], endSessionWhenEmptied: true }, { kickFallback: true });
    try {
      const outcome = await r.flusher.flush();
      expect(outcome).toMatchObject({ status: 'ingested', via: 'kick-all' });
      expect([...r.peer.kicked].sort()).toEqual([0, 1]);
      // acServer writes kicked drivers' laps under its kicked marker; the ingest recovers them.
      const laps = await r.store.lapsForEvent('season1#event2');
      expect(laps.map((l) => l.driverGuid).sort()).toEqual([driver(0).guid, driver(1).guid]);
    } finally {
      await r.close();
    }
  });

  it('when NEXT_SESSION is ignored and kick-all is not allowed, then nobody is kicked and the rotation hears why', async () => {
    const r = await rig({ ignore: ['NEXT_SESSION'] });
    try {
      await expect(r.flusher.flushResults()).rejects.toThrow(
        'acServer did not write a results file within 600 ms of NEXT_SESSION',
      );
      expect(r.peer.kicked).toEqual([]);
    } finally {
      await r.close();
    }
  });

  it('when acServer does not answer at all, then flush says so at once and nothing is sent after the ping', async () => {
    const r = await rig({ ignore: ['GET_SESSION_INFO', 'NEXT_SESSION', 'KICK_USER'] }, { kickFallback: true });
    try {
      expect(await r.flusher.flush()).toMatchObject({
        status: 'no-answer',
        detail: expect.stringMatching(/does not answer.*live laps are kept/),
      });
      expect(r.peer.received.filter((c) => c.type === 'NEXT_SESSION' || c.type === 'KICK_USER')).toEqual([]);
      expect(r.lines.some((l) => l.level === 40 && String(l.msg).includes('does not answer'))).toBe(true);
    } finally {
      await r.close();
    }
  });

  it('when the file is written but never ingested, then flush gives up after the bound naming the file', async () => {
    const r = await rig({}, { ingest: false });
    try {
      const outcome = await r.flusher.flush();
      expect(outcome).toMatchObject({ status: 'not-ingested', file: path.basename(r.peer.resultsFiles[0]!) });
    } finally {
      await r.close();
    }
  });
});
