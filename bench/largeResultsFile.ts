// Peak RSS of the bot (its own process, as `npm start` runs it) while it ingests one large, valid
// results file (the service unit caps the bot at MemoryMax=300M), in two ways:
//  - running: the file is dropped into the results folder of a running bot;
//  - start-up: the file was already there when the bot started (catch-up), nothing cached yet.
// Usage: npx tsx bench/largeResultsFile.ts [sizeMB=50] [--json]
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateResults } from './generateResults';
import { startBotProcess, processRss, writeLeaderFile, BENCH_SEASON } from './botProcess';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves once the leaderboard file's lapCount reaches `laps`. */
async function waitForLaps(file: string, laps: number, ms: number): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      if ((JSON.parse(readFileSync(file, 'utf8')) as { lapCount: number }).lapCount >= laps) return;
    } catch {
      // not written yet, or being replaced
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${laps} laps in ${file}`);
    await sleep(100);
  }
}

/** One bot on a fresh folder; the file arrives while it runs, or is there when it starts. */
async function run(sizeMb: number, bigFile: string, laps: number, mode: 'running' | 'start-up') {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-large-'));
  writeFileSync(path.join(dir, 'season.json'), BENCH_SEASON);
  const results = path.join(dir, 'acserver', 'results');
  const board = path.join(dir, 'data', 'leaderboards', 's1_e1.json');
  const env = {
    SEASON_CONFIG: path.join(dir, 'season.json'),
    RESULTS_SETTLE_MS: '200',
    RESULTS_MAX_MB: String(sizeMb * 2),
  };
  const target = () => path.join(results, path.basename(bigFile));
  let bot;
  let idle = 0;
  const t0 = performance.now();
  if (mode === 'running') {
    bot = startBotProcess(dir, env);
    writeLeaderFile(results, 0, new Date('2020-01-02T00:00:00Z'));
    await waitForLaps(board, 20, 60_000);
    await sleep(500);
    idle = processRss(bot.pid!).rss;
    renameSync(bigFile, target()); // appears complete, as after a copy
  } else {
    mkdirSync(results, { recursive: true });
    renameSync(bigFile, target()); // the only file: nothing of the event is cached before it
    bot = startBotProcess(dir, env);
  }
  const t1 = performance.now();
  try {
    await waitForLaps(board, (mode === 'running' ? 20 : 0) + laps, 600_000);
    const { rss, peak } = processRss(bot.pid!);
    renameSync(target(), bigFile); // for the next run
    return {
      mode,
      seconds: Number(((performance.now() - (mode === 'running' ? t1 : t0)) / 1000).toFixed(1)),
      idleRssMB: idle || undefined,
      peakRssMB: peak,
      rssAfterMB: rss,
    };
  } finally {
    bot.kill('SIGTERM');
    await new Promise((r) => bot.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const json = process.argv.includes('--json');
  const sizeMb = Number(args[0] ?? 50);
  const staging = mkdtempSync(path.join(tmpdir(), 'bench-large-file-'));
  // One session of 40 drivers; about 296 bytes per lap in acServer's tab-indented shape.
  const lapsPerDriver = Math.max(1, Math.round((sizeMb * 1024 * 1024) / 296 / 40));
  const { laps } = generateResults(staging, {
    files: 1,
    driversPerFile: 40,
    lapsPerDriver,
    track: 'ks_red_bull_ring',
    layout: 'layout_national',
    start: new Date('2020-01-03T00:00:00Z'),
  });
  const bigFile = path.join(staging, readdirSync(staging)[0]!);
  const bytes = statSync(bigFile).size;
  try {
    const figures = [await run(sizeMb, bigFile, laps, 'running'), await run(sizeMb, bigFile, laps, 'start-up')];
    const fileMB = Math.round(bytes / 1024 / 1024);
    if (json) console.log(JSON.stringify({ bench: 'largeResultsFile', fileMB, laps, runs: figures }));
    for (const f of json ? [] : figures) {
      console.log(
        `large results file (${fileMB} MB, ${laps} laps), ${f.mode === 'running' ? 'dropped into a running bot' : 'there at start-up'}: ` +
          `ingested in ${f.seconds} s; bot peak RSS ${f.peakRssMB} MB (VmHWM)${f.idleRssMB ? `, idle before ${f.idleRssMB} MB` : ''}, ${f.rssAfterMB} MB after`,
      );
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
