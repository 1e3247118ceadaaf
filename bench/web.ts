// The league website with 20 events x 100 drivers stored (1,000 laps per event, SQLite):
//  1. leaderboard JSON req/s and event page p99 at 50 connections (autocannon, in-process server);
//  2. 500 SSE clients: time from an ingest starting to each client holding the new board;
//  3. RSS the web server adds to the bot (`npm start` flags, own processes, website on vs off).
// Usage: npx tsx bench/web.ts [--json] [seconds=10]
import http from 'node:http';
import { Worker } from 'node:worker_threads';
import net, { type AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { SqliteStore } from '../src/adapters/sqlite/SqliteStore';
import { BotState } from '../src/app/runtime/BotState';
import { League } from '../src/app/League';
import { Standings } from '../src/app/standings/Standings';
import { parseSeasonConfig } from '../src/domain/season/seasonSchema';
import type { Lap } from '../src/domain/types';
import { silentLogger } from '../src/logger';
import { leagueReadModel } from '../src/web/leagueReadModel';
import { DriverIds } from '../src/web/DriverIds';
import { buildWebApp } from '../src/web/buildWebApp';
import { startBotProcess, processRss } from './botProcess';
import { OutputFiles } from '../src/adapters/files/OutputFiles';

const args = process.argv.slice(2);
const JSON_OUT = args.includes('--json');
const SECONDS = Number(args.find((a) => /^\d+$/.test(a)) ?? 10);
const EVENTS = 20;
const DRIVERS = 100;
const LAPS = 1000;
const SSE_CLIENTS = 500;

function report(bench: string, metric: string, value: number, unit: string, note = ''): void {
  if (JSON_OUT) console.log(JSON.stringify({ bench, metric, value, unit }));
  else console.log(`${bench}: ${metric} ${value} ${unit}${note ? ` (${note})` : ''}`);
}

const SEASON = JSON.stringify({
  seasons: [
    {
      id: 's1',
      name: 'Bench Season',
      events: Array.from({ length: EVENTS }, (_, e) => ({
        id: `e${e + 1}`,
        name: `Round ${e + 1}`,
        track: 'ks_red_bull_ring',
        layout: 'layout_national',
        cars: ['ks_mazda_mx5_cup', 'bmw_m3_e30'],
        start: new Date(Date.UTC(2026, 0, 1 + 7 * e)).toISOString().slice(0, 16),
      })),
    },
  ],
});

function eventLaps(e: number): Lap[] {
  return Array.from({ length: LAPS }, (_, i) => {
    const d = i % DRIVERS;
    const driverGuid = `765611980${String(d).padStart(8, '0')}`;
    const t = new Date(Date.UTC(2026, 0, 1 + 7 * e, 18 + Math.floor((i / LAPS) * 4))).toISOString();
    const s = [
      20_000 + ((d * 31 + i * 7) % 900),
      20_000 + ((d * 17 + i * 3) % 900),
      20_000 + ((d * 13 + i * 11) % 900),
    ];
    return {
      eventId: `s1#e${e + 1}`,
      lapKey: `${driverGuid}#${i}`,
      driverGuid,
      driverName: `Driver ${d}`,
      carModel: d % 2 ? 'ks_mazda_mx5_cup' : 'bmw_m3_e30',
      lapTimeMs: s[0]! + s[1]! + s[2]!,
      sectorsMs: s,
      cuts: i % 5 === 0 ? 1 : 0,
      valid: i % 5 !== 0,
      tyre: i % 3 ? 'SM' : 'SV',
      sessionType: 'PRACTICE',
      track: 'ks_red_bull_ring',
      trackConfig: 'layout_national',
      resultFile: `bench_${e}.json`,
      lapTimestamp: i,
      sessionTime: t,
      recordedAt: t,
    };
  });
}

async function load(url: string, connections = 50) {
  // Warm-up first (JIT, caches), then the measured run. The load generator runs in a worker
  // thread: the server's event loop is measured, not the client's.
  await autocannon({ url, connections, duration: 2, workers: 1 });
  const r = await autocannon({ url, connections, duration: SECONDS, pipelining: 1, workers: 1 });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return r;
}

async function throughput(base: string): Promise<void> {
  const board = await load(`${base}/api/v1/events/s1%23e7/leaderboard`);
  report(
    'web',
    'leaderboard JSON at 50 connections',
    Math.round(board.requests.average),
    'req/s',
    `p99 ${board.latency.p99} ms`,
  );
  const page = await load(`${base}/events/s1%23e7`);
  report(
    'web',
    'event page p99 at 50 connections',
    page.latency.p99,
    'ms',
    `${Math.round(page.requests.average)} req/s, p50 ${page.latency.p50} ms`,
  );
  const carPage = await load(`${base}/events/s1%23e7?view=car&tyre=SM`);
  report(
    'web',
    'per-car page p99 at 50 connections',
    carPage.latency.p99,
    'ms',
    `${Math.round(carPage.requests.average)} req/s`,
  );
}

// The SSE clients live in a worker thread, so reading 500 streams does not slow the server's loop.
const CLIENTS_WORKER = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
const got = [];
let ready = 0;
workerData.urls.forEach((url, i) => {
  got[i] = [];
  http.get(url, { agent }, (res) => {
    res.on('data', (chunk) => {
      const n = chunk.toString('latin1').split('\\nevent: board\\n').length - 1;
      for (let k = 0; k < n; k++) got[i].push(performance.timeOrigin + performance.now());
      if (n > 0 && got[i].length === n && ++ready === workerData.urls.length) parentPort.postMessage({ ready: true });
      if (got.every((g) => g.length >= 2)) parentPort.postMessage({ second: got.map((g) => g[1]) });
    });
  });
});
`;

/** Opens the streams, stores one lap, and times each client's next board from the moment the ingest starts. */
async function sse(base: string, league: League): Promise<void> {
  const urls = Array.from({ length: SSE_CLIENTS }, (_, i) =>
    i % 2 ? `${base}/events/s1%23e20/live` : `${base}/api/v1/events/s1%23e20/leaderboard/stream`,
  );
  const worker = new Worker(CLIENTS_WORKER, { eval: true, workerData: { urls } });
  const messages: Array<{ ready?: boolean; second?: number[] }> = [];
  worker.on('message', (m: { ready?: boolean; second?: number[] }) => messages.push(m));
  const until = async (cond: () => boolean, what: string) => {
    const end = Date.now() + 30_000;
    while (!cond()) {
      if (Date.now() > end) throw new Error(`SSE bench: no ${what}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  await until(() => messages.some((m) => m.ready), 'first boards');
  const t0 = performance.timeOrigin + performance.now();
  const guid = '76561198999999999';
  const now = new Date(Date.UTC(2026, 0, 1 + 7 * 19, 23)).toISOString();
  await league.recordLiveLap({
    eventId: 's1#e20',
    lapKey: `${guid}#live#1`,
    driverGuid: guid,
    driverName: 'New Leader',
    carModel: 'ks_mazda_mx5_cup',
    lapTimeMs: 50_000,
    sectorsMs: [],
    cuts: 0,
    valid: true,
    tyre: null,
    sessionType: 'PRACTICE',
    track: 'ks_red_bull_ring',
    trackConfig: 'layout_national',
    resultFile: '',
    lapTimestamp: 1,
    sessionTime: null,
    recordedAt: now,
  });
  await until(() => messages.some((m) => m.second), 'update on every client');
  const waits = messages
    .find((m) => m.second)!
    .second!.map((t) => t - t0)
    .sort((a, b) => a - b);
  const pct = (p: number) => waits[Math.min(waits.length - 1, Math.floor(p * waits.length))]!;
  report(
    'web',
    `SSE update latency, ${SSE_CLIENTS} clients, max`,
    Math.round(pct(1)),
    'ms',
    `p50 ${Math.round(pct(0.5))} ms, p99 ${Math.round(pct(0.99))} ms; half HTML, half JSON streams`,
  );
  await worker.terminate();
}

async function freePort(): Promise<number> {
  const srv = net.createServer().listen(0, '127.0.0.1');
  await new Promise((r) => srv.once('listening', r));
  const { port } = srv.address() as AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

const get = (url: string) =>
  new Promise<number>((resolve) =>
    http.get(url, (res) => res.resume().on('end', () => resolve(res.statusCode ?? 0))).on('error', () => resolve(0)),
  );

/** The bot in its own process with the website on or off: RSS after start-up (and, when on, after serving pages). */
async function botRss(dir: string, web: boolean): Promise<number> {
  const port = await freePort();
  const bot = startBotProcess(dir, {
    SEASON_CONFIG: path.join(dir, 'season.json'),
    ROTATION_ENABLED: 'false',
    AC_PLUGIN_ENABLED: 'false',
    WEB_ENABLED: String(web),
    WEB_PORT: String(port),
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    const ready = Date.now() + 60_000;
    if (web) while ((await get(`${base}/`)) !== 200 && Date.now() < ready) await new Promise((r) => setTimeout(r, 100));
    else await new Promise((r) => setTimeout(r, 5000));
    if (web) {
      const urls = [
        '/',
        '/schedule',
        '/seasons/s1',
        '/tracks/ks_red_bull_ring',
        ...Array.from({ length: EVENTS }, (_, e) => [
          `/events/s1%23e${e + 1}`,
          `/api/v1/events/s1%23e${e + 1}/leaderboard?view=car`,
        ]).flat(),
      ];
      for (let round = 0; round < 5; round++) for (const u of urls) await get(base + u);
    }
    await new Promise((r) => setTimeout(r, 2000));
    return processRss(bot.pid!).rss;
  } finally {
    bot.kill('SIGTERM');
    await new Promise((r) => bot.once('exit', r));
  }
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-web-'));
  mkdirSync(path.join(dir, 'data'), { recursive: true });
  writeFileSync(path.join(dir, 'season.json'), SEASON);
  const store = SqliteStore.open(path.join(dir, 'data', 'league.db'), silentLogger);
  for (let e = 0; e < EVENTS; e++) await store.putLaps(eventLaps(e));
  const config = parseSeasonConfig(SEASON, 'bench');
  const state = new BotState(store);
  const league = new League({
    laps: store,
    state,
    season: () => config,
    readCurrentEventId: async () => 's1#e20',
    acServerTimeZone: 'UTC',
    dataDir: path.join(dir, 'data'),
    outputs: new OutputFiles(path.join(dir, 'data'), state),
    clock: { now: () => new Date() },
    log: silentLogger,
  });
  const standings = new Standings({
    league,
    state,
    season: () => config,
    dataDir: path.join(dir, 'data'),
    outputs: new OutputFiles(path.join(dir, 'data'), state),
    log: silentLogger,
  });
  const model = leagueReadModel({ league, standings, season: () => config, state });
  const { app } = buildWebApp({
    model,
    ids: await DriverIds.load(store, false),
    clock: { now: () => new Date() },
    log: silentLogger,
    maxStreams: 1000,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  if (!JSON_OUT)
    console.log(
      `${EVENTS} events x ${DRIVERS} drivers x ${LAPS} laps/event stored (SQLite); ${SECONDS} s per load run; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on ${cpus().length} cores`,
    );
  await throughput(base);
  await sse(base, league);
  await app.close();
  await league.flush();
  await standings.flush();
  await store.close();

  const off = await botRss(dir, false);
  const on = await botRss(dir, true);
  report(
    'web',
    'RSS added by the web server',
    on - off,
    'MB',
    `bot ${off} MB without, ${on} MB with the website after serving pages`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
