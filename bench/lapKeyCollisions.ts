// Lap-key collisions: results files of sessions after acServer restarts, whose Laps[].Timestamp
// (server uptime) start again near 0, so laps of different sessions share <guid>#<Timestamp>.
// Every lap goes through the real pipeline; prints stored vs expected laps and how many laps
// plain <guid>#<Timestamp> keys (before the collision rule) would have kept.
// Usage: npx tsx bench/lapKeyCollisions.ts [sqlite|dynalite] [files]
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SqliteStore } from '../src/adapters/sqlite/SqliteStore';
import { DynamoStore } from '../src/adapters/dynamodb/DynamoStore';
import { createDynamoClient } from '../src/adapters/dynamodb/dynamoClient';
import { createTables } from '../src/adapters/dynamodb/createTables';
import type { Store } from '../src/app/ports';
import { parseSeasonConfig } from '../src/domain/season/seasonSchema';
import { silentLogger } from '../src/logger';
import { startDynalite } from '../test/support/dynalite';
import { benchLeague, ingestFolder } from './benchLeague';

const EVENT = 's1#e1';
const DRIVERS = 40;
const DRIVERS_PER_FILE = 3;
const LAPS_PER_DRIVER = 2;

/** One session per file, acServer restarted before each: Timestamps restart; a lap every ~90 s. */
function writeFiles(dir: string, files: number): string[] {
  mkdirSync(dir, { recursive: true });
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const laps: string[] = [];
  for (let f = 0; f < files; f++) {
    const t = new Date(Date.UTC(2026, 2, 1) + f * 30 * 60_000);
    const name = `${t.getUTCFullYear()}_${t.getUTCMonth() + 1}_${t.getUTCDate()}_${t.getUTCHours()}_${t.getUTCMinutes()}_PRACTICE.json`;
    const rows = [];
    for (let d = 0; d < DRIVERS_PER_FILE; d++) {
      const n = (f * 7 + d * 13) % DRIVERS;
      const guid = String(76561198000000000n + BigInt(n));
      for (let l = 0; l < LAPS_PER_DRIVER; l++) {
        // A lap ends somewhere in a 40 s window of each lap slot: the same ms now and then.
        const timestamp = 60_000 + (l + 1) * 90_000 + Math.floor(rand() * 40_000);
        const s = [
          30_000 + Math.floor(rand() * 2000),
          30_000 + Math.floor(rand() * 2000),
          29_000 + Math.floor(rand() * 2000),
        ];
        const lapTime = s[0]! + s[1]! + s[2]!;
        rows.push({
          DriverName: `Driver ${n}`,
          DriverGuid: guid,
          CarId: d,
          CarModel: 'ks_mazda_mx5_cup',
          Timestamp: timestamp,
          LapTime: lapTime,
          Sectors: s,
          Cuts: 0,
          BallastKG: 0,
          Tyre: 'SM',
          Restrictor: 0,
        });
        laps.push(`${name} ${guid} ${timestamp} ${lapTime}`);
      }
    }
    const body = {
      TrackName: 'ks_red_bull_ring',
      TrackConfig: 'layout_national',
      Type: 'PRACTICE',
      Cars: [],
      Result: [],
      Laps: rows,
      Events: null,
    };
    writeFileSync(path.join(dir, name), JSON.stringify(body, null, '\t'));
  }
  return laps;
}

async function openStore(backend: string, dir: string): Promise<{ store: Store; stop: () => Promise<void> }> {
  if (backend !== 'dynalite')
    return { store: SqliteStore.open(path.join(dir, 'league.db'), silentLogger), stop: async () => {} };
  const server = await startDynalite();
  const client = createDynamoClient({
    region: 'eu-west-1',
    endpoint: server.endpoint,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  await createTables(client, { results: 'Results', state: 'BotState' }, silentLogger);
  return {
    store: DynamoStore.fromClient(client, { resultsTable: 'Results', stateTable: 'BotState', log: silentLogger }),
    stop: () => server.close(),
  };
}

async function main() {
  const backend = process.argv[2] ?? 'sqlite';
  const files = Number(process.argv[3] ?? 10_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-collisions-'));
  const resultsDir = path.join(dir, 'results');
  const expected = writeFiles(resultsDir, files);
  const plainKeys = new Set(expected.map((l) => l.split(' ').slice(1, 3).join('#'))).size;
  const config = parseSeasonConfig(
    JSON.stringify({
      seasons: [
        {
          id: 's1',
          name: 'S1',
          events: [
            {
              id: 'e1',
              name: 'E1',
              track: 'ks_red_bull_ring',
              layout: 'layout_national',
              cars: ['ks_mazda_mx5_cup'],
              start: '2026-03-01T00:00',
            },
          ],
        },
      ],
    }),
    'bench',
  );
  const { store, stop } = await openStore(backend, dir);
  const { league } = benchLeague(store, config, dir);

  const t0 = performance.now();
  await ingestFolder(league, resultsDir);
  await league.flush();
  const seconds = (performance.now() - t0) / 1000;
  const laps = await store.lapsForEvent(EVENT);
  const got = new Set(laps.map((l) => `${l.resultFile} ${l.driverGuid} ${l.lapTimestamp} ${l.lapTimeMs}`));
  const missing = expected.filter((l) => !got.has(l)).length;
  const suffixed = laps.filter((l) => l.lapKey !== `${l.driverGuid}#${l.lapTimestamp}`).length;
  await store.close();
  await stop();
  console.log(
    `lap keys ${backend}: ${files} files, expected ${expected.length} laps, stored ${laps.length} (missing ${missing}, ` +
      `doubled ${laps.length - got.size}); ${suffixed} laps shared <guid>#<Timestamp> with an earlier lap and got a suffix ` +
      `(plain keys would have kept ${plainKeys}, losing ${expected.length - plainKeys}); ${seconds.toFixed(1)} s`,
  );
  if (laps.length !== expected.length || missing > 0) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
