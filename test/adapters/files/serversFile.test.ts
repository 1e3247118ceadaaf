import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../src/config';
import { currentEventFileOf, loadServers } from '../../../src/adapters/files/serversFile';

function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'servers-'));
}

describe('loadServers', () => {
  test('when there is no servers.json, then the env-only setup is the one server "default"', async () => {
    const dir = tempDir();
    const config = loadConfig(
      {
        DATA_DIR: 'data',
        AC_SERVER_DIR: 'ac',
        AC_SERVER_CONTROL: 'systemd',
        AC_SERVER_UNIT: 'acs',
        AC_PLUGIN_LISTEN: '127.0.0.1:12000',
        AC_SERVER_TZ: 'Europe/London',
      },
      dir,
    );
    const servers = await loadServers(config);
    expect(servers.declared).toBe(false);
    expect(servers.known).toBeUndefined();
    expect(servers.all).toEqual([
      expect.objectContaining({
        id: 'default',
        dir: path.join(dir, 'ac'),
        resultsDir: path.join(dir, 'ac', 'results'),
        currentEventFile: path.join(dir, 'data', 'currentEvent.json'),
        control: { type: 'systemd', unit: 'acs' },
        plugin: { listen: '127.0.0.1:12000' },
        timeZone: 'Europe/London',
      }),
    ]);
  });

  test('when servers.json declares two servers, then folders resolve from its folder and only the first keeps currentEvent.json', async () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, 'servers.json'),
      JSON.stringify({
        servers: [
          { id: 'a', name: 'A', folder: 'ac-a' },
          { id: 'b', name: 'B', folder: '/srv/ac-b', resultsFolder: 'b-results' },
        ],
      }),
    );
    const servers = await loadServers(loadConfig({ DATA_DIR: dir }, dir));
    expect(servers.declared).toBe(true);
    expect(servers.known).toEqual({ ids: ['a', 'b'] });
    expect(servers.all.map((s) => [s.id, s.dir, s.resultsDir, s.currentEventFile])).toEqual([
      ['a', path.join(dir, 'ac-a'), path.join(dir, 'ac-a', 'results'), path.join(dir, 'currentEvent.json')],
      ['b', '/srv/ac-b', path.join(dir, 'b-results'), path.join(dir, 'currentEvent.b.json')],
    ]);
  });

  test('when servers.json is invalid, then loading fails naming the file and the problem', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'my-servers.json');
    writeFileSync(file, JSON.stringify({ servers: [{ id: 'a', name: 'A' }] }));
    await expect(loadServers(loadConfig({ DATA_DIR: dir, SERVERS_CONFIG: file }, dir))).rejects.toThrow(
      `${file}: servers[0].folder: is required`,
    );
  });

  test('when the current-event file has another name, then the per-server file keeps it', () => {
    expect(currentEventFileOf('/d/now.json', 'eu')).toBe('/d/now.eu.json');
  });
});
