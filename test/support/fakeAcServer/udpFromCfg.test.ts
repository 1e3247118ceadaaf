import { ChildProcessControl } from '../../../src/adapters/acserver/ChildProcessControl';
import { AcPluginClient } from '../../../src/adapters/acserver/AcPluginClient';
import { resolvePluginEndpoints } from '../../../src/adapters/acserver/pluginEndpoints';
import { silentLogger } from '../../../src/logger';
import { FAKE_AC_SERVER_COMMAND, makeFakeAcServerFolder } from './FakeAcServerFolder';
import { waitFor } from '../fakeDiscord/waitFor';

describe('fake acServer process: the UDP plugin side from server_cfg.ini', () => {
  it('when it starts, then it greets the plugin address, answers the plugin and writes results on NEXT_SESSION', async () => {
    const ac = await makeFakeAcServerFolder('crlf-plugin');
    const ep = await resolvePluginEndpoints({
      AC_SERVER_DIR: ac.dir,
      AC_PLUGIN_LISTEN: undefined,
      AC_PLUGIN_SERVER: undefined,
      AC_PLUGIN_RELAY: undefined,
    });
    if (!ep.ok) throw new Error(ep.reason);
    expect(ep.endpoints.server.port).not.toBe(11500); // moved to a free port, like HTTP_PORT
    const client = await AcPluginClient.start({ ...ep.endpoints, log: silentLogger });
    const control = new ChildProcessControl({ command: FAKE_AC_SERVER_COMMAND, cwd: ac.dir, log: silentLogger });
    try {
      await control.start();
      await waitFor(() => client.session()?.track === 'magione', 10_000, 'NEW_SESSION from the fake');
      expect(await client.ping(2000)).toBe(true);
      const ended = new Promise<string>((resolve) => client.onEndSession(resolve));
      client.nextSession();
      expect(await ended).toMatch(new RegExp(`^${ac.dir}/results/\\d+_\\d+_\\d+_\\d+_\\d+_PRACTICE\\.json$`));
    } finally {
      await control.stop();
      await client.close();
    }
  });
});
