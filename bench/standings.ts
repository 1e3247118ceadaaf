// Season standings of 20 events x 100 drivers x 1,000 laps per event, read through the lap store
// (one query per event) on SQLite and on dynalite. Cold = a fresh League (empty ranking cache,
// every lap read); warm = the same Standings again (nothing changed: kept event classifications
// and rows); one event changed = the league tells of new laps in one event (that event classified
// again from the ranking cache, the season combined). Also the post's cost:
// the table text and the chart PNG.
// Usage: npx tsx bench/standings.ts [sqlite|dynalite|both] [events] [drivers] [lapsPerEvent]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SqliteStore } from '../src/adapters/sqlite/SqliteStore';
import { DynamoStore } from '../src/adapters/dynamodb/DynamoStore';
import { createDynamoClient } from '../src/adapters/dynamodb/dynamoClient';
import { createTables } from '../src/adapters/dynamodb/createTables';
import { BotState } from '../src/app/runtime/BotState';
import { League } from '../src/app/League';
import { Standings } from '../src/app/standings/Standings';
import { standingsMessage } from '../src/app/posts/standingsMessage';
import { lazyPointsChart } from '../src/adapters/chart/lazyPointsChart';
import type { Store } from '../src/app/ports';
import type { Lap } from '../src/domain/types';
import { parseSeasonConfig } from '../src/domain/season/seasonSchema';
import { silentLogger } from '../src/logger';
import { startDynalite } from '../test/support/dynalite';
import { OutputFiles } from '../src/adapters/files/OutputFiles';

const [backendArg = 'both', eventsArg = '20', driversArg = '100', lapsArg = '1000'] = process.argv.slice(2);
const EVENTS = Number(eventsArg);
const DRIVERS = Number(driversArg);
const LAPS = Number(lapsArg);

const config = parseSeasonConfig(
  JSON.stringify({
    seasons: [
      {
        id: 's1',
        name: 'Season 1',
        events: Array.from({ length: EVENTS }, (_, e) => ({
          id: `e${e + 1}`,
          name: `Round ${e + 1}`,
          track: 'ks_red_bull_ring',
          layout: 'layout_national',
          cars: ['ks_mazda_mx5_cup'],
          start: new Date(Date.UTC(2026, 0, 1 + 7 * e)).toISOString().slice(0, 16),
        })),
      },
    ],
  }),
  'bench',
);

/** One event's laps: every driver drives LAPS / DRIVERS laps, one in five of theirs cut, pace varies per event. */
function eventLaps(e: number): Lap[] {
  return Array.from({ length: LAPS }, (_, i) => {
    const d = i % DRIVERS;
    const driverGuid = `765611980${String(d).padStart(8, '0')}`;
    const sessionTime = new Date(Date.UTC(2026, 0, 1 + 7 * e, 18 + Math.floor((i / LAPS) * 4))).toISOString();
    return {
      eventId: `s1#e${e + 1}`,
      lapKey: `${driverGuid}#${i}`,
      driverGuid,
      driverName: `Driver ${d}`,
      carModel: 'ks_mazda_mx5_cup',
      lapTimeMs: 60_000 + ((d * 7919 + e * 104_729 + i * 31) % 4000),
      sectorsMs: [20_000, 20_000, 20_000],
      cuts: Math.floor(i / DRIVERS) % 5 === 0 ? 1 : 0,
      valid: Math.floor(i / DRIVERS) % 5 !== 0,
      tyre: 'SM',
      sessionType: 'PRACTICE',
      track: 'ks_red_bull_ring',
      trackConfig: 'layout_national',
      resultFile: `bench_${e}.json`,
      lapTimestamp: i,
      sessionTime,
      recordedAt: sessionTime,
    };
  });
}

function stats(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]?.toFixed(1) ?? '–';
  return `min ${at(0)} ms, median ${at(0.5)} ms, max ${at(1)} ms (${s.length} runs)`;
}

async function openBackend(backend: string, dir: string): Promise<{ store: Store; close: () => Promise<void> }> {
  if (backend === 'sqlite') {
    const store = SqliteStore.open(path.join(dir, 'league.db'), silentLogger);
    return { store, close: () => store.close() };
  }
  const server = await startDynalite();
  const client = createDynamoClient({
    region: 'eu-west-1',
    endpoint: server.endpoint,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  await createTables(client, { results: 'Results', state: 'BotState' }, silentLogger);
  const store = DynamoStore.fromClient(client, { resultsTable: 'Results', stateTable: 'BotState', log: silentLogger });
  return { store, close: async () => (await store.close(), await server.close()) };
}

async function bench(backend: string): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-standings-'));
  const { store, close } = await openBackend(backend, dir);
  const t0 = performance.now();
  for (let e = 0; e < EVENTS; e++) await store.putLaps(eventLaps(e));
  const loadSeconds = (performance.now() - t0) / 1000;
  const state = new BotState(store);
  const fresh = () => {
    const league = new League({
      laps: store,
      state,
      season: () => config,
      readCurrentEventId: async () => 's1#e1',
      acServerTimeZone: 'UTC',
      dataDir: dir,
      outputs: new OutputFiles(dir, state),
      clock: { now: () => new Date() },
      log: silentLogger,
      fileWindowMs: 60_000, // files are written after the runs (flush), not during them
    });
    const standings = new Standings({
      league,
      state,
      season: () => config,
      dataDir: dir,
      outputs: new OutputFiles(dir, state),
      log: silentLogger,
      windowMs: 60_000,
    });
    return { league, standings };
  };

  const cold: number[] = [];
  let { league, standings } = fresh();
  for (let run = 0; run < 5; run++) {
    ({ league, standings } = fresh());
    const t = performance.now();
    const s = await standings.compute('s1');
    cold.push(performance.now() - t);
    if (s!.rows.length !== DRIVERS || s!.generatedFrom.lapCount !== EVENTS * LAPS)
      throw new Error(`wrong standings: ${s!.rows.length} rows, ${s!.generatedFrom.lapCount} laps`);
  }
  const warm: number[] = [];
  for (let run = 0; run < 20; run++) {
    const t = performance.now();
    await standings.compute('s1');
    warm.push(performance.now() - t);
  }
  const oneEvent: number[] = [];
  for (let run = 0; run < 20; run++) {
    league.leaderboardChanged(`s1#e${(run % EVENTS) + 1}`);
    const t = performance.now();
    await standings.compute('s1');
    oneEvent.push(performance.now() - t);
  }
  await league.flush(); // the files the changes above scheduled
  await standings.flush();
  const s = (await standings.compute('s1'))!;
  const post: number[] = [];
  for (let run = 0; run < 10; run++) {
    const t = performance.now();
    await standingsMessage(s, lazyPointsChart);
    post.push(performance.now() - t);
  }
  await close();
  console.log(
    `standings ${backend}: ${EVENTS} events x ${DRIVERS} drivers x ${LAPS} laps/event (${EVENTS * LAPS} laps, stored in ${loadSeconds.toFixed(1)} s)`,
  );
  console.log(`  cold (fresh League, every lap read by event): ${stats(cold)}`);
  console.log(`  warm (nothing changed):                       ${stats(warm)}`);
  console.log(`  one event changed:                            ${stats(oneEvent)}`);
  console.log(`  post body (table text + chart PNG):           ${stats(post)}`);
}

async function main() {
  const backends = backendArg === 'both' ? ['sqlite', 'dynalite'] : [backendArg];
  for (const b of backends) await bench(b);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
