import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readIni, type LoadedConfig } from './cfg';
import { FakeAcUdpPeer } from './udpPeer';

/**
 * The UDP plugin side of the fake acServer process, when server_cfg.ini enables it
 * (UDP_PLUGIN_LOCAL_PORT and UDP_PLUGIN_ADDRESS set): binds the local port, then says VERSION and
 * NEW_SESSION to the plugin address like acServer does at start. NEXT_SESSION writes the results
 * file into results/ and answers END_SESSION. null when the cfg leaves the plugin off.
 */
export async function startUdpFromCfg(dir: string, cfg: LoadedConfig): Promise<FakeAcUdpPeer | null> {
  const server = readIni(readFileSync(path.join(dir, 'cfg', 'server_cfg.ini'), 'utf8')).SERVER;
  const local = Number(server?.UDP_PLUGIN_LOCAL_PORT ?? 0);
  const address = /:(\d+)$/.exec(server?.UDP_PLUGIN_ADDRESS ?? '');
  if (!local || !address) return null;
  const peer = await FakeAcUdpPeer.start({
    port: local,
    pluginPort: Number(address[1]),
    resultsDir: path.join(dir, 'results'),
    track: cfg.track,
    trackConfig: cfg.layout,
    serverName: cfg.name,
    slots: Math.max(1, cfg.entryList.length),
  });
  peer.boot();
  return peer;
}
