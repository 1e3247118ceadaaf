import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestBot, type TestBotEnv } from './startTestBot';
import { FakeAcUdpPeer, type UdpPeerOptions } from './fakeAcServer/udpPeer';
import { freeUdpPort } from './fakeAcServer/freeUdpPort';

/**
 * The whole bot against the fake Discord and the fake acServer's UDP plugin side (Suzuka GP, the
 * fixture season's event running now). The bot's results folder is the one the peer writes to.
 */
export async function startLiveBot(
  opts: { env?: Record<string, string>; peer?: Partial<UdpPeerOptions> } = {},
): Promise<{ bot: TestBotEnv; peer: FakeAcUdpPeer }> {
  const resultsDir = path.join(mkdtempSync(path.join(tmpdir(), 'live-')), 'results');
  const listenPort = await freeUdpPort();
  const peer = await FakeAcUdpPeer.start({
    pluginPort: listenPort,
    resultsDir,
    track: 'suzuka',
    trackConfig: 'suzukagp',
    slots: 24,
    ...opts.peer,
  });
  const bot = await startTestBot({
    env: {
      AC_PLUGIN_LISTEN: `127.0.0.1:${listenPort}`,
      AC_PLUGIN_SERVER: `127.0.0.1:${peer.port}`,
      RESULTS_DIR: resultsDir,
      ...opts.env,
    },
  });
  await peer.waitFor(() => bot.bot.acPlugin.link?.session(), 5000, 'bot knows the session');
  return { bot, peer };
}
