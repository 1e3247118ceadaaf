// A stand-in for acServer, run from the acServer folder like the real one:
//   node --import tsx test/support/fakeAcServer/main.ts
// It reads cfg/server_cfg.ini and cfg/entry_list.ini, serves GET /INFO on HTTP_PORT, reports
// what it loaded in fake-acserver.status.json (+ a history line per state change), writes a
// results file on SIGTERM/SIGINT, on SIGUSR2 and on POST /fake/results.
// Made to fail at start by FAKE_AC_FAIL or a `fake-ac-fail` file in its folder holding a track
// id (fail only on that track) or `*` (always). FAKE_AC_START_DELAY_MS delays the start.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Server } from 'node:http';
import { loadConfig, type LoadedConfig } from './cfg';
import { startHttp } from './http';
import { writeResults } from './results';
import { startUdpFromCfg } from './udpFromCfg';
import { report, type FakeStatus } from './status';

const dir = process.cwd();
const status: FakeStatus = {
  pid: process.pid,
  state: 'starting',
  processStartAt: Math.round(performance.timeOrigin),
  resultsFiles: [],
};
let server: Server | undefined;

function failRule(): string | undefined {
  if (process.env.FAKE_AC_FAIL) return process.env.FAKE_AC_FAIL.trim();
  try {
    return readFileSync(path.join(dir, 'fake-ac-fail'), 'utf8').trim();
  } catch {
    return undefined;
  }
}

function fail(message: string): void {
  process.stderr.write(`ERROR: ${message}\n`);
  Object.assign(status, { state: 'failed', error: message });
  report(dir, status);
  // Real acServer prints its error and exits a moment later.
  setTimeout(() => process.exit(1), 100);
}

function results(cfg: LoadedConfig): string {
  const file = writeResults(dir, cfg);
  status.resultsFiles.push(file);
  report(dir, status);
  process.stdout.write(`Results written: ${path.basename(file)}\n`);
  return file;
}

// acServer keeps serving when whoever read its console is gone (a SIGKILLed bot that ran it as a
// child): so does the fake, instead of dying on EPIPE at its next line.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);

// Handlers go in first: a SIGTERM before them would kill the process without its results file.
let loaded: LoadedConfig | undefined;
function shutdown(signal: string): void {
  if (loaded && status.state === 'running') results(loaded);
  if (status.state !== 'failed') report(dir, { ...status, state: 'stopped' });
  process.stdout.write(`${signal}: shutting down\n`);
  server?.close();
  server?.closeAllConnections();
  process.exit(0);
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGUSR2', () => loaded && results(loaded));

async function main(): Promise<void> {
  report(dir, status);
  let cfg: LoadedConfig;
  try {
    cfg = loadConfig(dir);
  } catch (err) {
    return fail((err as Error).message);
  }
  status.config = cfg;
  process.stdout.write(
    `Assetto Corsa Dedicated Server (fake)\nTRACK=${cfg.track} CONFIG_TRACK=${cfg.layout}\nCARS=${cfg.cars.join(';')}\n`,
  );
  const rule = failRule();
  if (rule === '*' || rule === cfg.track)
    return fail(`cannot load track content/tracks/${cfg.track} (made to fail by the test)`);
  const delay = Number(process.env.FAKE_AC_START_DELAY_MS ?? 0);
  if (delay > 0) await new Promise((r) => setTimeout(r, delay));
  try {
    server = await startHttp(cfg, status.processStartAt, () => results(cfg));
  } catch (err) {
    return fail(`HTTP port ${cfg.httpPort}: ${(err as Error).message}`);
  }
  loaded = cfg;
  Object.assign(status, { state: 'running', readyAt: Date.now() });
  report(dir, status);
  process.stdout.write(`Lobby registration skipped (fake)\nServer started on HTTP ${cfg.httpPort}\n`);
  await startUdpFromCfg(dir, cfg).then(
    (peer) => peer && process.stdout.write(`UDP plugin on ${peer.port}\n`),
    (err: Error) => process.stderr.write(`UDP plugin not started: ${err.message}\n`),
  );
}

void main();
