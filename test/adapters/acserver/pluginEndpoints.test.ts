import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseHostPort, pluginEndpoints, resolvePluginEndpoints } from '../../../src/adapters/acserver/pluginEndpoints';
import { configFixture } from '../../support/fixtures';

const fixture = (set: string) => readFileSync(configFixture(set, 'server_cfg.ini'), 'utf8');
const noEnv = { AC_PLUGIN_LISTEN: undefined, AC_PLUGIN_SERVER: undefined, AC_PLUGIN_RELAY: undefined };

describe('pluginEndpoints', () => {
  it('when server_cfg.ini sets UDP_PLUGIN_ADDRESS and UDP_PLUGIN_LOCAL_PORT, then the bot listens there and sends to the local port', () => {
    expect(pluginEndpoints(noEnv, fixture('crlf-plugin'), 'cfg')).toEqual({
      ok: true,
      endpoints: {
        listen: { host: '127.0.0.1', port: 12500 },
        server: { host: '127.0.0.1', port: 11500 },
        maxClients: 10,
      },
    });
  });

  it('when the env sets the addresses, then they win over the file; a relay is passed on', () => {
    const env = {
      AC_PLUGIN_LISTEN: '0.0.0.0:13000',
      AC_PLUGIN_SERVER: '10.0.0.5:13001',
      AC_PLUGIN_RELAY: '127.0.0.1:13002',
    };
    const got = pluginEndpoints(env, fixture('no-final-newline'), 'cfg');
    expect(got).toEqual({
      ok: true,
      endpoints: {
        listen: { host: '0.0.0.0', port: 13000 },
        server: { host: '10.0.0.5', port: 13001 },
        relay: { host: '127.0.0.1', port: 13002 },
        maxClients: 3,
      },
    });
  });

  it('when the file has the plugin off (empty address, port 0) and the env says nothing, then the link is off with a reason', () => {
    const got = pluginEndpoints(noEnv, fixture('manager-lf'), '/ac/cfg/server_cfg.ini');
    expect(got).toEqual({
      ok: false,
      reason: expect.stringMatching(/AC_PLUGIN_LISTEN.*\/ac\/cfg\/server_cfg.ini has no usable UDP_PLUGIN_ADDRESS/),
    });
  });

  it('when the relay equals the listen address, then it is refused', () => {
    const env = { ...noEnv, AC_PLUGIN_RELAY: '127.0.0.1:12500' };
    expect(pluginEndpoints(env, fixture('crlf-plugin'), 'cfg')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/must all differ/),
    });
  });

  it('when host:port text is odd, then only real ports parse', () => {
    expect(parseHostPort(':12000')).toEqual({ host: '127.0.0.1', port: 12000 });
    expect(parseHostPort('12000')).toEqual({ host: '127.0.0.1', port: 12000 });
    expect(parseHostPort('0')).toBeNull();
    expect(parseHostPort('host:70000')).toBeNull();
    expect(parseHostPort('')).toBeNull();
  });

  it('when AC_SERVER_DIR holds no server_cfg.ini, then the link is off saying the file does not exist', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ep-'));
    expect(await resolvePluginEndpoints({ AC_SERVER_DIR: dir, ...noEnv })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/does not exist/),
    });
    mkdirSync(path.join(dir, 'cfg'));
    writeFileSync(path.join(dir, 'cfg', 'server_cfg.ini'), fixture('crlf-plugin'));
    expect(await resolvePluginEndpoints({ AC_SERVER_DIR: dir, ...noEnv })).toMatchObject({
      ok: true,
      endpoints: { listen: { port: 12500 } },
    });
  });
});
