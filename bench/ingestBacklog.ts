// Backlog ingest: 1,000 results files (~200,000 laps) through the real pipeline
// (read -> parse -> attribute -> store -> leaderboard files) into SQLite or dynalite.
// Usage: npx tsx bench/ingestBacklog.ts [sqlite|dynalite] [files]
import { mkdtempSync, readdirSync, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateResults } from './generateResults';
import { SqliteStore } from '../src/adapters/sqlite/SqliteStore';
import { DynamoStore } from '../src/adapters/dynamodb/DynamoStore';
import { createDynamoClient } from '../src/adapters/dynamodb/dynamoClient';
import { createTables } from '../src/adapters/dynamodb/createTables';
import { BotState } from '../src/app/runtime/BotState';
import { League } from '../src/app/League';
import type { Store } from '../src/app/ports';
import { parseSeasonConfig } from '../src/domain/season/seasonSchema';
import { silentLogger } from '../src/logger';
import { startDynalite } from '../test/support/dynalite';
import { peakRss } from './peakRss';
import { OutputFiles } from '../src/adapters/files/OutputFiles';

async function main() {
  const backend = process.argv[2] ?? 'sqlite';
  const files = Number(process.argv[3] ?? 1000);
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-backlog-'));
  const resultsDir = path.join(dir, 'results');
  const { laps } = generateResults(resultsDir, {
    files,
    driversPerFile: 20,
    lapsPerDriver: 10,
    track: 'ks_red_bull_ring',
    layout: 'layout_national',
    start: new Date('2026-03-01T00:00:00Z'),
  });
  const config = parseSeasonConfig(
    JSON.stringify({
      seasons: [
        {
          id: 's1',
          name: 'Season 1',
          events: [
            {
              id: 'e1',
              name: 'Event 1',
              track: 'ks_red_bull_ring',
              layout: 'layout_national',
              cars: ['ks_mazda_mx5_cup', 'bmw_m3_e30'],
              start: '2026-03-01T00:00',
            },
          ],
        },
      ],
    }),
    'bench',
  );

  let store: Store;
  let stopServer = async () => {};
  if (backend === 'dynalite') {
    const server = await startDynalite();
    stopServer = () => server.close();
    const client = createDynamoClient({
      region: 'eu-west-1',
      endpoint: server.endpoint,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    await createTables(client, { results: 'Results', state: 'BotState' }, silentLogger);
    store = DynamoStore.fromClient(client, { resultsTable: 'Results', stateTable: 'BotState', log: silentLogger });
  } else {
    store = SqliteStore.open(path.join(dir, 'league.db'), silentLogger);
  }
  const state = new BotState(store);
  const league = new League({
    laps: store,
    state,
    season: () => config,
    readCurrentEventId: async () => null,
    acServerTimeZone: 'UTC',
    dataDir: dir,
    outputs: new OutputFiles(dir, state),
    clock: { now: () => new Date() },
    log: silentLogger,
  });

  const rss = peakRss();
  const names = readdirSync(resultsDir).sort();
  const t0 = performance.now();
  for (const name of names) {
    const file = path.join(resultsDir, name);
    const [bytes, stat] = await Promise.all([fs.readFile(file), fs.stat(file)]);
    const outcome = await league.onResultsFile({ path: file, bytes, mtime: stat.mtime });
    if (outcome.status !== 'ingested') throw new Error(`${name}: ${JSON.stringify(outcome)}`);
  }
  await league.flush();
  const seconds = (performance.now() - t0) / 1000;
  const peak = rss.stop();
  // Counted from the cache, not by loading 200,000 laps back into this small heap.
  const stored = (await league.leaderboard('s1#e1')).lapCount;
  await store.close();
  await stopServer();
  if (stored !== laps) throw new Error(`stored ${stored} laps, expected ${laps}`);
  console.log(
    `backlog ${backend}: ${files} files, ${laps} laps in ${seconds.toFixed(2)} s -> ${(files / seconds).toFixed(0)} files/s, ` +
      `${(laps / seconds).toFixed(0)} laps/s, peak RSS ${peak} MB${backend === 'dynalite' ? ' (dynalite runs in the same process)' : ''}`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
