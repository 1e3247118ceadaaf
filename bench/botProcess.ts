import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { productionEnv, productionNodeFlags } from '../test/support/nodeFlags';

const ROOT = path.resolve(__dirname, '..');

/**
 * The node flags of `npm start` and the systemd units (package.json is their source), and their
 * environment (glibc's allocator, see startBotProcess); BENCH_NODE_FLAGS tries other flags.
 */
export const BOT_NODE_FLAGS =
  process.env.BENCH_NODE_FLAGS !== undefined
    ? process.env.BENCH_NODE_FLAGS.split(' ').filter(Boolean)
    : productionNodeFlags();

/** Compiles dist/ when the sources changed since the last build (as `npm start` does). */
export function ensureBuilt(): void {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.js'), '--if-stale'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('the build failed');
}

/** The compiled bot as the systemd unit runs it (plain node on dist/), in its own process, so its RSS is its own. */
export function startBotProcess(
  dir: string,
  env: Record<string, string>,
  stdio: 'inherit' | 'pipe' = 'inherit',
): ChildProcess {
  ensureBuilt();
  mkdirSync(path.join(dir, 'acserver', 'results'), { recursive: true });
  return spawn(process.execPath, [...BOT_NODE_FLAGS, 'dist/bot.js'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      DATA_DIR: path.join(dir, 'data'),
      AC_SERVER_DIR: path.join(dir, 'acserver'),
      LOG_LEVEL: 'warn',
      WEB_PORT: '0',
      ...productionEnv(),
      ...env,
    },
    stdio: ['ignore', stdio, stdio],
  });
}

/** VmRSS and VmHWM (peak) of a process in MB, from /proc. */
export function processRss(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

/** A results file in acServer's shape where driver "Bench <n>" sets the fastest lap so far. */
export function writeLeaderFile(dir: string, n: number, start: Date): string {
  const t = new Date(start.getTime() + n * 60_000);
  const name = `${t.getUTCFullYear()}_${t.getUTCMonth() + 1}_${t.getUTCDate()}_${t.getUTCHours()}_${t.getUTCMinutes()}_PRACTICE.json`;
  const guid = String(76561198100000000n + BigInt(n));
  const laps = Array.from({ length: 20 }, (_, i) => ({
    DriverName: `Bench ${n}`,
    DriverGuid: guid,
    CarId: 0,
    CarModel: 'ks_mazda_mx5_cup',
    Timestamp: n * 3_600_000 + i * 100_000,
    LapTime: i === 19 ? 200_000 - n : 250_000 + i,
    Sectors: [60_000, 70_000, i === 19 ? 70_000 - n : 120_000 + i],
    Cuts: 0,
    BallastKG: 0,
    Tyre: 'SM',
    Restrictor: 0,
  }));
  const body = {
    TrackName: 'ks_red_bull_ring',
    TrackConfig: 'layout_national',
    Type: 'PRACTICE',
    DurationSecs: 3600,
    RaceLaps: 0,
    Cars: [
      {
        CarId: 0,
        Driver: { Name: `Bench ${n}`, Team: '', Nation: '', Guid: guid, GuidsList: [guid] },
        Model: 'ks_mazda_mx5_cup',
        Skin: '',
        BallastKG: 0,
        Restrictor: 0,
      },
    ],
    Result: [
      {
        DriverName: `Bench ${n}`,
        DriverGuid: guid,
        CarId: 0,
        CarModel: 'ks_mazda_mx5_cup',
        BestLap: 200_000 - n,
        TotalTime: 0,
        BallastKG: 0,
        Restrictor: 0,
      },
    ],
    Laps: laps,
    Events: null,
  };
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(body, null, '\t'));
  return file;
}

export const BENCH_SEASON = JSON.stringify({
  seasons: [
    {
      id: 's1',
      name: 'Bench Season',
      events: [
        {
          id: 'e1',
          name: 'Event 1',
          track: 'ks_red_bull_ring',
          layout: 'layout_national',
          cars: ['ks_mazda_mx5_cup'],
          start: '2020-01-01T00:00',
        },
      ],
    },
  ],
});
