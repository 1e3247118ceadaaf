// Idle memory of the compiled bot as production runs it (plain node on dist/, the unit's flags):
// SQLite store, no Discord, an empty results folder, rotation on schedule, after start-up settles.
// Also what `npm start` costs on top (the npm process that only waits for node).
// Usage: npx tsx bench/idleRss.ts [seconds=20]
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { startBotProcess, processRss } from './botProcess';
import { report } from './metric';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves once the process printed a line matching re. */
function lineSeen(stream: NodeJS.ReadableStream, re: RegExp): Promise<void> {
  return new Promise((resolve) => {
    let text = '';
    stream.on('data', (d: Buffer) => {
      text += d.toString();
      if (re.test(text)) resolve();
    });
  });
}

async function sample(pids: () => number[], seconds: number): Promise<{ idle: number; peak: number }> {
  const totals: number[] = [];
  let peak = 0;
  for (let i = 0; i < seconds * 2; i++) {
    await sleep(500);
    const rss = pids().map(processRss);
    totals.push(rss.reduce((s, r) => s + r.rss, 0));
    peak = Math.max(
      peak,
      rss.reduce((s, r) => s + r.peak, 0),
    );
  }
  return { idle: totals.at(-1)!, peak };
}

async function idleNode(env: Record<string, string>, seconds: number): Promise<{ idle: number; peak: number }> {
  const bot = startBotProcess(mkdtempSync(path.join(tmpdir(), 'bench-idle-')), env, 'pipe');
  await lineSeen(bot.stdout!, /watching results folder/);
  const rss = await sample(() => [bot.pid!], seconds);
  bot.kill('SIGTERM');
  await once(bot, 'exit');
  return rss;
}

async function main() {
  const seconds = Number(process.argv[2] ?? 20);
  const env = { LOG_LEVEL: 'info', DISCORD_TOKEN: '', WEB_PORT: '0' };

  for (const [label, metric, extra] of [
    ['website on (default)', 'idleRss', {}],
    ['website off (WEB_ENABLED=false)', 'idleRss.webOff', { WEB_ENABLED: 'false' }],
  ] as const) {
    const node = await idleNode({ ...env, ...extra }, seconds);
    report(
      'idleRss',
      `idle RSS, node dist/bot.js (systemd unit), SQLite, no Discord, ${label}, after ${seconds} s: ${node.idle} MB (peak ${node.peak} MB)`,
      [
        { metric: `${metric}.mb`, value: node.idle, unit: 'MB' },
        { metric: `${metric}.peak.mb`, value: node.peak, unit: 'MB' },
      ],
    );
  }

  const dir = mkdtempSync(path.join(tmpdir(), 'bench-idle-npm-'));
  // As startBotProcess does: without the results folder the bot never says it is watching it.
  mkdirSync(path.join(dir, 'acserver', 'results'), { recursive: true });
  const npm = spawn('npm', ['start', '--silent'], {
    cwd: path.resolve(__dirname, '..'),
    env: { ...process.env, ...env, DATA_DIR: path.join(dir, 'data'), AC_SERVER_DIR: path.join(dir, 'acserver') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await lineSeen(npm.stdout, /watching results folder/);
  const children = () => {
    const pids = [npm.pid!];
    try {
      pids.push(
        ...readFileSync(`/proc/${npm.pid}/task/${npm.pid}/children`, 'utf8')
          .trim()
          .split(/\s+/)
          .filter(Boolean)
          .map(Number),
      );
    } catch {
      // exited
    }
    return pids;
  };
  const viaNpm = await sample(children, seconds);
  npm.kill('SIGTERM');
  await once(npm, 'exit');
  report('idleRss', `idle RSS, npm start (npm + node), website on: ${viaNpm.idle} MB (peak ${viaNpm.peak} MB)`, [
    { metric: 'idleRss.npmStart.mb', value: viaNpm.idle, unit: 'MB' },
  ]);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
