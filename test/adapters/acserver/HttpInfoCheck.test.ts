import type { Server } from 'node:http';
import { HttpInfoCheck } from '../../../src/adapters/acserver/HttpInfoCheck';
import { startHttp } from '../../support/fakeAcServer/http';
import { freePort } from '../../support/fakeAcServer/FakeAcServerFolder';
import { makeEvent } from '../../domain/rotation/ini/makeEvent';
import type { LoadedConfig } from '../../support/fakeAcServer/cfg';

describe('HttpInfoCheck against an acServer-shaped /INFO', () => {
  let server: Server;
  let port: number;
  const loaded = (over: Partial<LoadedConfig>): LoadedConfig => ({
    name: 'x',
    track: 'ks_red_bull_ring',
    layout: 'layout_national',
    cars: ['ks_mazda_mx5_cup', 'tatuusfa1'],
    maxClients: 5,
    httpPort: port,
    sessions: ['PRACTICE'],
    entryList: [],
    ...over,
  });
  const check = () => new HttpInfoCheck(async () => `[SERVER]\nHTTP_PORT=${port}\n`, { requestTimeoutMs: 500 });

  beforeEach(async () => {
    port = await freePort();
  });
  afterEach(() => new Promise((r) => (server ? server.close(r) : r(undefined))));

  it('when acServer reports the event’s track-layout and cars, then it is healthy', async () => {
    server = await startHttp(loaded({}), Date.now(), () => '');
    expect(await check().check(makeEvent())).toBeNull();
    expect(await check().check(null)).toBeNull();
  });

  it('when acServer still runs the old track or other cars, then the problem says what it reports', async () => {
    server = await startHttp(loaded({ track: 'mugello', layout: '' }), Date.now(), () => '');
    expect(await check().check(makeEvent())).toBe(
      `http://127.0.0.1:${port}/INFO reports track "mugello", expected ks_red_bull_ring-layout_national`,
    );
    server.close();
    server = await startHttp(loaded({ cars: ['ks_mazda_mx5_cup'] }), Date.now(), () => '');
    expect(await check().check(makeEvent())).toMatch(
      /reports cars ks_mazda_mx5_cup, expected ks_mazda_mx5_cup;tatuusfa1/,
    );
  });

  it('when nothing listens, then the problem names the URL', async () => {
    expect(await check().check(makeEvent())).toMatch(
      new RegExp(`no answer from http://127.0.0.1:${port}/INFO \\(.*ECONNREFUSED`),
    );
  });

  it('when server_cfg.ini has no HTTP_PORT, then there is nothing to ask and the check passes', async () => {
    expect(await new HttpInfoCheck(async () => '[SERVER]\nTRACK=x\n').check(makeEvent())).toBeNull();
  });
});
