// The whole bot in its own process against the fake Discord:
//  1. latency from a results file being completely written to the Discord edit (p50/p99, 100 files,
//     1.1 s apart so the channel is within Discord's 5 edits / 5 s as acServer's sessions are;
//     every wait included: the bot is given RESULTS_SETTLE_MS=200, the figure the issue started from),
//  2. Discord requests per file in a burst of 50 files,
//  3. RSS of the bot after 1,000 ingests.
// Usage: npx tsx bench/discordBot.ts [latencyFiles=100] [burst=50] [total=1000]
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FakeDiscord } from '../test/support/fakeDiscord';
import { startBotProcess, processRss, writeLeaderFile, BENCH_SEASON } from './botProcess';
import { percentile as pct, report, wanted } from './metric';

const SETTLE_MS = 200;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const [latencyFiles = 100, burst = 50, total = 1000] = process.argv.slice(2).map(Number);
  const fake = await FakeDiscord.start({ channels: ['leaderboard'] });
  const channel = fake.channelId('leaderboard');
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-bot-'));
  writeFileSync(path.join(dir, 'season.json'), BENCH_SEASON);
  const results = path.join(dir, 'acserver', 'results');
  const bot = startBotProcess(dir, {
    SEASON_CONFIG: path.join(dir, 'season.json'),
    RESULTS_SETTLE_MS: String(SETTLE_MS),
    DISCORD_TOKEN: fake.token,
    DISCORD_API_BASE: fake.apiBase,
    LEADERBOARD_CHANNEL_ID: channel,
  });
  const start = new Date('2020-01-02T00:00:00Z');
  const edits = () =>
    fake.requests.filter((r) => r.method !== 'GET' && r.path.startsWith(`/channels/${channel}/messages`));
  try {
    await fake.waitFor(() => fake.messages(channel).length === 1, 30_000, 'first post');
    let n = 0;

    // 1. Latency, one file at a time.
    const latencies: number[] = [];
    for (let i = 0; i < (wanted('fileToEdit.p50', 'fileToEdit.p99') ? latencyFiles : 0); i++, n++) {
      await sleep(1100);
      writeLeaderFile(results, n, start);
      const written = Date.now();
      const seen = await fake.waitFor(
        () => edits().find((r) => r.time >= written && JSON.stringify(r.body).includes(`Bench ${n}`)),
        10_000,
        `edit for file ${n}`,
      );
      latencies.push(seen.time - written);
    }
    if (latencies.length > 0)
      report(
        'discordBot',
        `latency results file completely written -> Discord edit (every wait included, RESULTS_SETTLE_MS=${SETTLE_MS}), over ${latencyFiles} files: p50 ${pct(latencies, 50)} ms, p99 ${pct(latencies, 99)} ms`,
        [
          { metric: 'fileToEdit.p50', value: pct(latencies, 50), unit: 'ms' },
          { metric: 'fileToEdit.p99', value: pct(latencies, 99), unit: 'ms' },
        ],
      );
    if (!wanted('burst50.requests', 'bot.rssAfter1000.mb', 'bot.peakRss.mb')) return;

    // 2. A burst of files at once.
    await sleep(1000);
    const before = edits().length;
    for (let i = 0; i < burst; i++, n++) writeLeaderFile(results, n, start);
    const last = n - 1;
    await fake.waitFor(() => fake.messages(channel)[0]?.content.includes(`Bench ${last}`), 30_000, 'burst applied');
    await sleep(1500);
    const burstRequests = edits().length - before;
    report(
      'discordBot',
      `burst of ${burst} files: ${burstRequests} Discord requests (${(burstRequests / burst).toFixed(2)} per file)`,
      [{ metric: `burst${burst}.requests`, value: burstRequests, unit: 'count' }],
    );
    if (!wanted('bot.rssAfter1000.mb', 'bot.peakRss.mb')) return;

    // 3. RSS after `total` ingests in all.
    while (n < total) {
      for (let i = 0; i < 50 && n < total; i++, n++) writeLeaderFile(results, n, start);
      const lastOfBatch = n - 1;
      await fake.waitFor(
        () => fake.messages(channel)[0]?.content.includes(`Bench ${lastOfBatch}`),
        300_000, // generous: the machine may be busy with other work
        'batch applied',
      );
    }
    await sleep(1000);
    const { rss, peak } = processRss(bot.pid!);
    report(
      'discordBot',
      `bot process after ${total} ingests: RSS ${rss} MB, peak RSS ${peak} MB; Discord requests in all: ${fake.requests.length}`,
      [
        { metric: `bot.rssAfter${total}.mb`, value: rss, unit: 'MB' },
        { metric: 'bot.peakRss.mb', value: peak, unit: 'MB' },
      ],
    );
  } finally {
    bot.kill('SIGTERM');
    await new Promise((r) => bot.once('exit', r));
    await fake.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
