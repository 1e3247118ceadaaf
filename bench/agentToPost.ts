// Several hosts: how long from an agent's results file to the bot's edited leaderboard post, through
// DynamoDB Local (the jar), with the shipped defaults (RESULTS_SETTLE_MS 500, CHANGE_POLL_MS 1000).
// An agent and a bot run as two processes; the fake Discord records the post. Prints figures only.
// `npm run bench -- --json agentToPost`: one {"bench","metric","value","unit"} line per figure.
import { startHosts } from '../test/support/hostsHarness';
import { sessionResults } from '../test/support/sessionResults';
import { percentile, report } from './metric';

const runs = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 20);

async function main(): Promise<void> {
  const h = await startHosts(['eu'], { RESULTS_SETTLE_MS: '500', CHANGE_POLL_MS: '1000', LOG_LEVEL: 'warn' });
  try {
    const agent = h.startAgent('eu', { LOG_LEVEL: 'info' });
    const bot = h.startBot({ LOG_LEVEL: 'info' });
    await agent.waitForLine(/role agent/, 90_000);
    await bot.waitForLine(/logged in to Discord/, 90_000);
    const board = () =>
      h.fake
        .messages(h.channels.leaderboard)
        .map((m) => m.content)
        .join('\n');
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const name = `Bench Driver ${String(i).padStart(3, '0')}`;
      const guid = `765611980${String(i).padStart(8, '0')}`;
      const file = `2030_1_15_${10 + Math.floor(i / 60)}_${i % 60}_PRACTICE.json`;
      const bytes = sessionResults({
        track: 'suzuka',
        layout: 'suzukagp',
        cars: [{ carId: 0, name, guid }],
        laps: [{ carId: 0, name, guid, ms: 120_000 + i, ts: 100_000 }],
      });
      // Files arrive at any moment of the bot's poll cycle, not right after a poll.
      await new Promise((r) => setTimeout(r, Math.random() * 1000));
      const started = performance.now();
      h.dropResults('eu', file, bytes);
      await h.fake.waitFor(() => board().includes(name), 60_000, `${name} on the post`);
      ms.push(performance.now() - started);
    }
    ms.sort((a, b) => a - b);
    const [p50, p99] = [percentile(ms, 50), percentile(ms, 99)];
    report(
      'agentToPost',
      `agent results file -> bot post edited, ${runs} files through DynamoDB Local: ` +
        `p50 ${Math.round(p50)} ms, p99 ${Math.round(p99)} ms ` +
        `(min ${Math.round(ms[0]!)}, max ${Math.round(ms.at(-1)!)}; the change-log poll every 1 s included)`,
      [
        { metric: 'agentToPost.p50', value: p50, unit: 'ms' },
        { metric: 'agentToPost.p99', value: p99, unit: 'ms' },
      ],
    );
  } finally {
    await h.close();
  }
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
