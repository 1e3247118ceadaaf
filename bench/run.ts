// `npm run bench`: every benchmark, each in its own process (so RSS figures are its own), in turn.
// Each prints its figures; nothing here asserts timings.
//   npm run bench                       human-readable figures
//   npm run bench -- --json             one JSON object per line per figure (see bench/metric.ts)
//   npm run bench -- --json fileToEdit  only the benches (or parts) named: a bench name, a metric or its prefix
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BOT_NODE_FLAGS } from './botProcess';

interface Bench {
  name: string;
  args: string;
  /** Metric name prefixes it reports, for picking it by metric. */
  metrics: string[];
}

const benches: Bench[] = [
  { name: 'idleRss', args: 'idleRss.ts', metrics: ['idle', 'idleRss'] },
  { name: 'outageAtBoot', args: 'outageAtBoot.ts 20', metrics: ['outage'] },
  { name: 'ingestBacklog', args: 'ingestBacklog.ts sqlite', metrics: ['backlog.sqlite', 'sqlite', 'leaderboard200k'] },
  { name: 'ingestBacklogDynalite', args: 'ingestBacklog.ts dynalite', metrics: ['backlog.dynalite'] },
  { name: 'seasonBacklog', args: 'seasonBacklog.ts', metrics: ['seasonBacklog', 'largeSeasonBacklog'] },
  { name: 'rankLaps', args: 'rankLaps.ts 100000 100', metrics: ['rankLaps'] },
  { name: 'discordBot', args: 'discordBot.ts', metrics: ['fileToEdit', 'burst50', 'bot'] },
  { name: 'storePutLaps', args: 'storePutLaps.ts', metrics: ['storePutLaps'] },
  { name: 'acPluginDecode', args: 'acPluginDecode.ts', metrics: ['acPluginDecode'] },
  { name: 'standings', args: 'standings.ts', metrics: ['standings'] },
  { name: 'rotation', args: 'rotation.ts', metrics: ['rotation'] },
  { name: 'liveLaps', args: 'liveLaps.ts', metrics: ['lapToEdit', 'lapBurstToEdit', 'live'] },
  { name: 'pluginFlood', args: 'pluginFlood.ts', metrics: ['pluginFlood'] },
  { name: 'web', args: 'web.ts', metrics: ['web'] },
  { name: 'lapKeyCollisions', args: 'lapKeyCollisions.ts sqlite 10000', metrics: ['lapKeyCollisions'] },
  { name: 'largeResultsFile', args: 'largeResultsFile.ts 50', metrics: ['largeResultsFile'] },
  { name: 'agentToPost', args: 'agentToPost.ts 20', metrics: ['agentToPost'] },
];

const argv = process.argv.slice(2);
const json = argv.includes('--json');
const only = argv.filter((a) => a !== '--json');
const matches = (b: Bench, o: string) =>
  o === b.name || b.metrics.some((m) => o === m || o.startsWith(`${m}.`) || m.startsWith(`${o}.`));
const unknown = only.filter((o) => !benches.some((b) => matches(b, o)));
if (unknown.length > 0) {
  console.error(`unknown bench or metric: ${unknown.join(', ')}; benches: ${benches.map((b) => b.name).join(', ')}`);
  process.exit(2);
}

for (const bench of benches) {
  if (only.length > 0 && !only.some((o) => matches(bench, o))) continue;
  const [file, ...args] = bench.args.split(' ');
  if (!file || !existsSync(path.join(__dirname, file))) continue;
  // Human output: as before. JSON: stdout carries only figures, everything else goes to stderr.
  (json ? console.error : console.log)(`\n== ${bench.name}: ${bench.args}`);
  // Its files (a backlog alone is 1,000 results files and a 100 MB database) go in a folder of its
  // own (TMPDIR), removed once it exits, or kept and named when it failed.
  const tmp = mkdtempSync(path.join(tmpdir(), `bench-${bench.name}-`));
  // The flags production runs the bot with (or BENCH_NODE_FLAGS), as for the bot processes the benches start.
  const r = spawnSync(process.execPath, [...BOT_NODE_FLAGS, '--import', 'tsx', path.join(__dirname, file), ...args], {
    stdio: ['ignore', json ? 'pipe' : 'inherit', 'inherit'],
    maxBuffer: 256 * 1024 * 1024,
    env: {
      ...process.env,
      TMPDIR: tmp,
      ...(json ? { BENCH_JSON: '1' } : {}),
      // Named as a whole: all of it; else only the parts named.
      ...(only.length > 0 && !only.includes(bench.name) ? { BENCH_ONLY: only.join(',') } : {}),
    },
  });
  if (json) forwardFigures(r.stdout?.toString() ?? '');
  if (r.status !== 0) console.error(`(${file} exited with ${r.status}; its files are in ${tmp})`);
  else rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
}

/** Lines that are figures go to stdout; anything else a bench or its child printed (logs) to stderr. */
function forwardFigures(out: string): void {
  for (const line of out.split('\n')) {
    if (!line) continue;
    let figure: unknown;
    try {
      figure = JSON.parse(line);
    } catch {
      figure = undefined;
    }
    const f = figure as Record<string, unknown> | undefined;
    if (f && typeof f.bench === 'string' && typeof f.metric === 'string' && 'value' in f && 'unit' in f)
      process.stdout.write(`${line}\n`);
    else process.stderr.write(`${line}\n`);
  }
}
