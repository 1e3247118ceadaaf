// Backlog ingest: 1,000 results files (~200,000 laps) through the real pipeline
// (read -> parse -> attribute -> store -> leaderboard files) into SQLite or dynalite.
// SQLite also: a plain better-sqlite3 insert of as many rows in the same run (the store's own
// speed, the median of three, so the figure is a ratio that holds on any machine), and the heap
// it takes to rank the 200,000-lap event from cold (a fresh League on the file just written).
// Usage: npx tsx bench/ingestBacklog.ts [sqlite|dynalite] [files]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateResults } from './generateResults';
import { SqliteStore } from '../src/adapters/sqlite/SqliteStore';
import { DynamoStore } from '../src/adapters/dynamodb/DynamoStore';
import { createDynamoClient } from '../src/adapters/dynamodb/dynamoClient';
import { createTables } from '../src/adapters/dynamodb/createTables';
import type { Store } from '../src/app/ports';
import { parseSeasonConfig } from '../src/domain/season/seasonSchema';
import { silentLogger } from '../src/logger';
import { startDynalite } from '../test/support/dynalite';
import { peakRss } from './peakRss';
import { benchLeague, ingestFolder } from './benchLeague';
import { report, wanted } from './metric';
import { rawInsertRowsPerSec } from './rawInsert';
import { peakHeapOf } from './peakHeap';

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
  const newLeague = (laps: Store) => benchLeague(laps, config, dir).league;
  const league = newLeague(store);

  const rss = peakRss();
  const t0 = performance.now();
  await ingestFolder(league, resultsDir);
  await league.flush();
  const seconds = (performance.now() - t0) / 1000;
  const peak = rss.stop();
  // Counted from the cache, not by loading 200,000 laps back into this small heap.
  const stored = (await league.leaderboard('s1#e1')).lapCount;
  await store.close();
  await stopServer();
  if (stored !== laps) throw new Error(`stored ${stored} laps, expected ${laps}`);
  report(
    'ingestBacklog',
    `backlog ${backend}: ${files} files, ${laps} laps in ${seconds.toFixed(2)} s -> ${(files / seconds).toFixed(0)} files/s, ` +
      `${(laps / seconds).toFixed(0)} laps/s, peak RSS ${peak} MB${backend === 'dynalite' ? ' (dynalite runs in the same process)' : ''}`,
    [
      { metric: `backlog.${backend}.lapsPerSec`, value: laps / seconds, unit: 'per_s' },
      { metric: `backlog.${backend}.filesPerSec`, value: files / seconds, unit: 'per_s' },
      { metric: `backlog.${backend}.peakRss.mb`, value: peak, unit: 'MB' },
    ],
  );
  if (backend !== 'sqlite') return;

  const raw = rawInsertRowsPerSec(path.join(dir, 'raw.db'), laps);
  report(
    'ingestBacklog',
    `plain better-sqlite3 insert of ${laps} rows (same schema, one transaction, median of 3): ${raw.toFixed(0)} rows/s; backlog at ${((laps / seconds / raw) * 100).toFixed(0)}% of it`,
    [
      { metric: 'sqlite.rawInsert.rowsPerSec', value: raw, unit: 'per_s' },
      { metric: 'backlog.sqlite.ratioToRaw', value: laps / seconds / raw, unit: 'ratio' },
    ],
  );

  if (!wanted('leaderboard200k.peakHeap.mb')) return;
  const reopened = SqliteStore.open(path.join(dir, 'league.db'), silentLogger);
  const { value: board, peakMb, baseMb } = await peakHeapOf(reopened, (s) => newLeague(s).leaderboard('s1#e1'));
  await reopened.close();
  report(
    'ingestBacklog',
    `first leaderboard of the ${board.lapCount}-lap event from cold: heap grew by up to ${peakMb} MB over ${baseMb} MB (sampled at each store read and every 5 ms)`,
    [{ metric: 'leaderboard200k.peakHeap.mb', value: peakMb, unit: 'MB' }],
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
