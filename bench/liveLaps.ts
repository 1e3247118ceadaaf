// The bot (its own process, as `npm start` runs it) against the fake Discord and a fake acServer
// speaking the UDP plugin protocol, 24 cars lapping:
//  1. latency from LAP_COMPLETED leaving acServer to the leaderboard edit reaching Discord
//     (p50/p99): with the channel idle (a lap every 1.5 s, within Discord's 5 edits / 5 s), laps
//     spread out (one every 250 ms), then all 24 cars crossing the line within a few ms;
//  2. the bot's RSS while doing it.
// Every lap is a personal best, so every lap must show in the post.
// Usage: npx tsx bench/liveLaps.ts [spreadLaps=240] [burstRounds=20] [idleLaps=20]
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FakeDiscord } from '../test/support/fakeDiscord';
import { FakeAcUdpPeer } from '../test/support/fakeAcServer/udpPeer';
import { freeUdpPort } from '../test/support/fakeAcServer/freeUdpPort';
import { formatLapTime } from '../src/domain/leaderboard/formatLapTime';
import { startBotProcess, processRss, BENCH_SEASON } from './botProcess';
import { percentile as pct, report, wanted } from './metric';

const CARS = 24;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const [spreadLaps = 240, burstRounds = 20, idleLaps = 20] = process.argv.slice(2).map(Number);
  const fake = await FakeDiscord.start({ channels: ['leaderboard'] });
  const channel = fake.channelId('leaderboard');
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-live-'));
  writeFileSync(path.join(dir, 'season.json'), BENCH_SEASON);
  const listen = await freeUdpPort();
  const peer = await FakeAcUdpPeer.start({
    pluginPort: listen,
    resultsDir: path.join(dir, 'acserver', 'results'),
    track: 'ks_red_bull_ring',
    trackConfig: 'layout_national',
    slots: CARS,
  });
  const bot = startBotProcess(dir, {
    SEASON_CONFIG: path.join(dir, 'season.json'),
    DISCORD_TOKEN: fake.token,
    DISCORD_API_BASE: fake.apiBase,
    LEADERBOARD_CHANNEL_ID: channel,
    AC_PLUGIN_LISTEN: `127.0.0.1:${listen}`,
    AC_PLUGIN_SERVER: `127.0.0.1:${peer.port}`,
  });
  const edits = () =>
    fake.requests.filter((r) => r.method === 'PATCH' && r.path.startsWith(`/channels/${channel}/messages`));
  const rssSamples: number[] = [];
  const sampler = setInterval(() => rssSamples.push(processRss(bot.pid!).rss), 200);
  try {
    await fake.waitFor(() => fake.messages(channel).length === 1, 30_000, 'first post');
    await peer.waitFor(
      () => peer.received.some((c) => c.type === 'GET_SESSION_INFO'),
      30_000,
      'bot on the plugin link',
    );
    for (let carId = 0; carId < CARS; carId++) {
      peer.connect({
        carId,
        name: `Car ${carId}`,
        guid: String(76561198200000000n + BigInt(carId)),
        model: 'ks_mazda_mx5_cup',
      });
    }
    await sleep(500);
    let n = 0;
    // Lap times only ever go down and never repeat: each lap is a new best and its own text.
    const lap = (carId: number) => {
      const ms = 200_000 - n++;
      const sentAt = Date.now();
      peer.lap(carId, ms);
      return { text: formatLapTime(ms), sentAt };
    };
    const latencyOf = async (laps: Array<{ text: string; sentAt: number }>) => {
      const out: number[] = [];
      for (const l of laps) {
        const seen = await fake.waitFor(
          () => edits().find((r) => r.time >= l.sentAt && JSON.stringify(r.body).includes(l.text)),
          10_000,
          `edit showing ${l.text}`,
        );
        out.push(seen.time - l.sentAt);
      }
      return out;
    };

    // 1a. Idle channel: one lap every 1.5 s, each waited for.
    const idle: number[] = [];
    for (let i = 0; i < (wanted('lapToEdit.p50', 'lapToEdit.p99') ? idleLaps : 0); i++) {
      await sleep(1500);
      idle.push(...(await latencyOf([lap(i % CARS)])));
    }
    if (idle.length > 0)
      report(
        'liveLaps',
        `LAP_COMPLETED -> Discord edit, channel idle (a lap every 1.5 s), ${idleLaps} laps: p50 ${pct(idle, 50)} ms, p99 ${pct(idle, 99)} ms`,
        [
          { metric: 'lapToEdit.p50', value: pct(idle, 50), unit: 'ms' },
          { metric: 'lapToEdit.p99', value: pct(idle, 99), unit: 'ms' },
        ],
      );
    if (!wanted('lapSpreadToEdit.p50', 'lapBurstToEdit.p50', 'live.peakRss.mb')) return;

    // 1b. Spread out: one lap every 250 ms (24 cars on ~1-minute laps do about one every 2.5 s).
    const spread = [];
    for (let i = 0; i < spreadLaps; i++) {
      spread.push(lap(i % CARS));
      await sleep(250);
    }
    const a = await latencyOf(spread);
    report(
      'liveLaps',
      `LAP_COMPLETED -> Discord edit, one lap every 250 ms, ${spreadLaps} laps: p50 ${pct(a, 50)} ms, p99 ${pct(a, 99)} ms, max ${Math.max(...a)} ms`,
      [
        { metric: 'lapSpreadToEdit.p50', value: pct(a, 50), unit: 'ms' },
        { metric: 'lapSpreadToEdit.p99', value: pct(a, 99), unit: 'ms' },
      ],
    );

    // 1c. Bursts: all 24 cars cross the line together, every 2 s.
    const bursts = [];
    const editsBefore = edits().length;
    for (let r = 0; r < burstRounds; r++) {
      for (let carId = 0; carId < CARS; carId++) bursts.push(lap(carId));
      await sleep(2000);
    }
    const b = await latencyOf(bursts);
    const burstEdits = edits().length - editsBefore;
    report(
      'liveLaps',
      `LAP_COMPLETED -> Discord edit, ${burstRounds} bursts of ${CARS} laps: p50 ${pct(b, 50)} ms, p99 ${pct(b, 99)} ms, max ${Math.max(...b)} ms; ${burstEdits} edits for ${bursts.length} laps (coalesced)`,
      [
        { metric: 'lapBurstToEdit.p50', value: pct(b, 50), unit: 'ms' },
        { metric: 'lapBurstToEdit.p99', value: pct(b, 99), unit: 'ms' },
        { metric: 'lapBurst.edits', value: burstEdits, unit: 'count' },
      ],
    );

    clearInterval(sampler);
    const { rss, peak } = processRss(bot.pid!);
    report(
      'liveLaps',
      `bot RSS while lapping: median ${pct(rssSamples, 50)} MB, max sampled ${Math.max(...rssSamples)} MB, now ${rss} MB, peak (VmHWM) ${peak} MB; ${n} laps in all`,
      [{ metric: 'live.peakRss.mb', value: peak, unit: 'MB' }],
    );
  } finally {
    clearInterval(sampler);
    bot.kill('SIGTERM');
    await new Promise((r) => bot.once('exit', r));
    await peer.close();
    await fake.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
