// A season's backlog from cold through the whole pipeline as the bot wires it (read -> parse ->
// store -> leaderboard files -> season standings files) into SQLite, then every output flushed:
//  - seasonBacklog: 20 events x 100 drivers x 15 files per event (300 files),
//  - largeSeasonBacklog: 102 events, 298 files, about 1,784 drivers (a real season's shape).
// Usage: npx tsx bench/seasonBacklog.ts [small|large|both]
import { mkdtempSync, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateResults } from './generateResults';
import { SqliteStore } from '../src/adapters/sqlite/SqliteStore';
import { currentStandingsPath } from '../src/app/standings/Standings';
import { parseSeasonConfig } from '../src/domain/season/seasonSchema';
import { silentLogger } from '../src/logger';
import { peakRss } from './peakRss';
import { benchLeague, ingestFolder } from './benchLeague';
import { report, wanted } from './metric';

interface Shape {
  name: string;
  events: number;
  /** Files of event e. */
  filesOf: (e: number) => number;
  driversPerFile: number;
  lapsPerDriver: number;
  /** Drivers of event e are numbered offset + 0..pool-1. */
  driverPool: number;
  driverOffset: (e: number) => number;
}

const SHAPES: Shape[] = [
  {
    name: 'seasonBacklog',
    events: 20,
    filesOf: () => 15,
    driversPerFile: 20,
    lapsPerDriver: 5,
    driverPool: 100,
    driverOffset: () => 0,
  },
  {
    name: 'largeSeasonBacklog',
    events: 102,
    // 298 files: 94 events with 3, 8 with 2.
    filesOf: (e) => (e < 94 ? 3 : 2),
    driversPerFile: 20,
    lapsPerDriver: 8,
    driverPool: 60,
    // Overlapping blocks of 34 drivers: 1,784 in all.
    driverOffset: (e) => Math.floor((e * 1750) / 101),
  },
];

const eventStart = (e: number) => new Date(Date.UTC(2026, 0, 1 + 7 * e, 18));

async function bench(shape: Shape): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), `bench-${shape.name}-`));
  const resultsDir = path.join(dir, 'results');
  let laps = 0;
  const drivers = new Set<number>();
  for (let e = 0; e < shape.events; e++) {
    const files = shape.filesOf(e);
    laps += generateResults(resultsDir, {
      files,
      driversPerFile: shape.driversPerFile,
      lapsPerDriver: shape.lapsPerDriver,
      track: 'ks_red_bull_ring',
      layout: 'layout_national',
      start: eventStart(e),
      driverPool: shape.driverPool,
      driverOffset: shape.driverOffset(e),
    }).laps;
    for (let f = 0; f < files; f++)
      for (let i = 0; i < shape.driversPerFile; i++)
        drivers.add(shape.driverOffset(e) + ((f * 7 + i) % shape.driverPool));
  }
  const config = parseSeasonConfig(
    JSON.stringify({
      seasons: [
        {
          id: 's1',
          name: 'Season 1',
          events: Array.from({ length: shape.events }, (_, e) => ({
            id: `e${e + 1}`,
            name: `Round ${e + 1}`,
            track: 'ks_red_bull_ring',
            layout: 'layout_national',
            cars: ['ks_mazda_mx5_cup', 'bmw_m3_e30'],
            start: eventStart(e).toISOString().slice(0, 16),
          })),
        },
      ],
    }),
    'bench',
  );
  const store = SqliteStore.open(path.join(dir, 'data', 'league.db'), silentLogger);
  // The last event is running, so seasonStandings.json is written too.
  const now = new Date(eventStart(shape.events - 1).getTime() + 86_400_000);
  const wired = benchLeague(store, config, path.join(dir, 'data'), now);
  const { league } = wired;
  const standings = wired.standings();

  const rss = peakRss();
  const t0 = performance.now();
  const files = await ingestFolder(league, resultsDir);
  await league.flush();
  await standings.flush();
  const seconds = (performance.now() - t0) / 1000;
  const peak = rss.stop();
  const written = await standings.compute('s1');
  const size = (await fs.stat(currentStandingsPath(path.join(dir, 'data')))).size;
  await store.close();
  if (written?.rows.length !== drivers.size) throw new Error(`${written?.rows.length} rows, expected ${drivers.size}`);
  report(
    'seasonBacklog',
    `${shape.name}: ${files} files over ${shape.events} events, ${drivers.size} drivers, ${laps} laps, from cold in ${seconds.toFixed(2)} s -> ` +
      `${(files / seconds).toFixed(1)} files/s; seasonStandings.json ${(size / 1024 / 1024).toFixed(2)} MB; peak RSS ${peak} MB`,
    [
      { metric: `${shape.name}.filesPerSec`, value: files / seconds, unit: 'per_s' },
      { metric: `${shape.name}.standingsFile.mb`, value: size / 1024 / 1024, unit: 'MB' },
      { metric: `${shape.name}.peakRss.mb`, value: peak, unit: 'MB' },
    ],
  );
}

async function main() {
  const which = process.argv[2] ?? 'both';
  for (const shape of SHAPES) {
    if (which === 'small' && shape.name !== 'seasonBacklog') continue;
    if (which === 'large' && shape.name !== 'largeSeasonBacklog') continue;
    if (!wanted(`${shape.name}.filesPerSec`)) continue;
    await bench(shape);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
