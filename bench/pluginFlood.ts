// What floods cost the UDP plugin client (default limits: 3 s per question, 10 s per log line):
// datagrams sent at it over 127.0.0.1, the questions it sent back to acServer and the log lines
// it wrote, per kind of flood. Usage: npx tsx bench/pluginFlood.ts [count=10000]
import { encodeServerMessage } from '../src/domain/acPlugin';
import { startPluginClient, type PluginClientRig } from '../test/support/fakeAcServer/pluginClientRig';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `count` stops moving (loopback UDP may drop datagrams when the buffer is full). */
async function settle(count: () => number): Promise<number> {
  let last = -1;
  while (count() !== last) {
    last = count();
    await sleep(300);
  }
  return last;
}

async function flood(
  name: string,
  send: (r: PluginClientRig) => Promise<{ sent: number }>,
  count: (r: PluginClientRig) => number,
): Promise<void> {
  const r = await startPluginClient({ client: { maxClients: 24, failureLogWindowMs: 10_000 } });
  try {
    await r.client.refresh(2000); // the start-up questions answered first
    await r.caughtUp();
    const [asked, lines, counted] = [r.peer.received.length, r.logs.length, count(r)];
    const t0 = performance.now();
    const from = await send(r);
    const seen = (await settle(() => count(r))) - counted;
    const ms = Math.round(performance.now() - t0);
    await sleep(3500); // a folded question runs when its 3 s interval ends: count it too
    await settle(() => r.peer.received.length);
    if (seen < from.sent) console.log(`  (${from.sent - seen} datagrams lost by the OS before the bot read them)`);
    const questions = r.peer.received.slice(asked).map((c) => c.type);
    const byType = Object.entries(
      questions.reduce<Record<string, number>>((m, t) => ({ ...m, [t]: (m[t] ?? 0) + 1 }), {}),
    );
    console.log(
      `${name}: ${from.sent} datagrams in ${ms} ms -> ${questions.length} sent to acServer (${byType.map(([t, n]) => `${n} ${t}`).join(', ') || 'none'}), ${r.logs.length - lines} log lines; stats ${JSON.stringify({ ...r.client.stats(), sent: undefined })}`,
    );
  } finally {
    await r.close();
  }
}

async function main() {
  const n = Number(process.argv[2] ?? 10_000);
  const burst = async (send: () => void, sent: () => number) => {
    for (let i = 0; i < n; i++) {
      send();
      if (i % 500 === 499) await sleep(5); // let the receiver keep up, as a real flood over a network would
    }
    return { sent: sent() };
  };
  await flood(
    'laps of car id 200 (never connected)',
    (r) => {
      const lap = encodeServerMessage({
        type: 'LAP_COMPLETED',
        carId: 200,
        lapTimeMs: 90000,
        cuts: 0,
        leaderboard: [],
      });
      return burst(
        () => r.peer.send(lap),
        () => n,
      );
    },
    (r) => r.client.stats().lapsDropped,
  );
  await flood(
    'laps, connections and NEW_SESSION from 127.0.0.2',
    async (r) => {
      const s = await r.stranger('127.0.0.2');
      s.boot();
      s.connect({ carId: 1, name: 'Spoof', guid: '76561198000000666', model: 'ks_mazda_mx5_cup' });
      const lap = encodeServerMessage({ type: 'LAP_COMPLETED', carId: 1, lapTimeMs: 60000, cuts: 0, leaderboard: [] });
      return burst(
        () => s.send(lap),
        () => s.sent,
      );
    },
    (r) => r.client.stats().dropped,
  );
  await flood(
    'VERSION from acServer',
    (r) => {
      return burst(
        () => r.peer.send({ type: 'VERSION', protocolVersion: 4 }),
        () => n,
      );
    },
    (r) => r.client.stats().decoded - r.peer.received.length,
  ); // VERSIONs: answers to questions do not count
  await flood(
    'NEW_SESSION with protocol version 153',
    (r) => {
      const bad = encodeServerMessage({
        type: 'NEW_SESSION',
        protocolVersion: 153,
        sessionIndex: 0,
        currentSessionIndex: 0,
        sessionCount: 1,
        serverName: 'x',
        track: 'monza',
        trackConfig: '',
        name: 'Q',
        sessionType: 77,
        timeMinutes: 1,
        laps: 0,
        waitTime: 0,
        ambientTemp: 0,
        roadTemp: 0,
        weatherGraphics: '',
        elapsedMs: 0,
      });
      return burst(
        () => r.peer.send(bad),
        () => n,
      );
    },
    (r) => r.client.stats().rejected,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
