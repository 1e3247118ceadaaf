// Prints how fast laps go into each store. Run: npx tsx bench/storePutLaps.ts [sqliteLaps] [dynaliteLaps]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteStore } from '../src/adapters/sqlite/SqliteStore';
import { silentLogger } from '../src/logger';
import type { Lap } from '../src/domain/types';
import { startDynalite } from '../test/support/dynalite';
import { freshDynamoStore } from '../test/support/dynamoStoreFactory';

function makeLaps(n: number, eventId: string): Lap[] {
  return Array.from({ length: n }, (_, i) => {
    const driverGuid = `765611980${String(i % 300).padStart(8, '0')}`;
    return {
      eventId,
      lapKey: `${driverGuid}#${i}`,
      driverGuid,
      driverName: `Driver ${i % 300}`,
      carModel: 'ks_mazda_mx5_cup',
      lapTimeMs: 100_000 + (i % 5000),
      sectorsMs: [33_000, 34_000, 33_000 + (i % 5000)],
      cuts: i % 4 === 0 ? 1 : 0,
      valid: i % 4 !== 0,
      tyre: 'SM',
      sessionType: 'PRACTICE',
      track: 'ks_nordschleife',
      trackConfig: '',
      resultFile: `2024_5_${i % 28}_20_30_PRACTICE.json`,
      lapTimestamp: i,
      sessionTime: '2024-05-12T19:30:00.000Z',
      recordedAt: '2024-05-12T19:30:00.000Z',
    };
  });
}

/** Wall time and this process's CPU time: on a busy machine the CPU figure is the steadier one. */
async function timed(label: string, n: number, fn: () => Promise<unknown>): Promise<void> {
  const t = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  await fn();
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  console.log(
    `${label.padEnd(30)} ${String(n).padStart(7)} laps  wall ${ms.toFixed(0).padStart(6)} ms  ` +
      `cpu ${cpuMs.toFixed(0).padStart(6)} ms  ${Math.round((n / ms) * 1000)} laps/s`,
  );
}

export async function benchStorePutLaps(sqliteLaps = 200_000, dynaliteLaps = 5_000): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-store-'));
  const store = SqliteStore.open(path.join(dir, 'league.db'), silentLogger);
  const laps = makeLaps(sqliteLaps, 'season1#event1');
  await timed('sqlite putLaps (new)', laps.length, () => store.putLaps(laps));
  await timed('sqlite putLaps (same again)', laps.length, () => store.putLaps(laps));
  await timed('sqlite lapsForEvent', laps.length, () => store.lapsForEvent('season1#event1'));
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });

  const server = await startDynalite();
  const dyn = await freshDynamoStore(server.endpoint);
  const few = makeLaps(dynaliteLaps, 'season1#event1');
  await timed('dynalite putLaps (new)', few.length, () => dyn.store.putLaps(few));
  await timed('dynalite lapsForEvent', few.length, () => dyn.store.lapsForEvent('season1#event1'));
  await dyn.cleanup();
  await server.close();
}

if (require.main === module) {
  const [a, b] = process.argv.slice(2).map(Number);
  benchStorePutLaps(a || undefined, b || undefined).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
