import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { makeLeague } from '../leagueFixture';
import { Standings } from '../../../src/app/standings/Standings';
import { silentLogger } from '../../../src/logger';
import { leagueReadModel } from '../../../src/web/leagueReadModel';
import { DriverIds } from '../../../src/web/DriverIds';
import { buildWebApp } from '../../../src/web/buildWebApp';
import type { LiveHub } from '../../../src/web/LiveHub';
import type { ReadModel } from '../../../src/web/ReadModel';
import { writeResultsFile, type LapSpec } from './resultsFile';
import { OutputFiles } from '../../../src/adapters/files/OutputFiles';

export const ALICE = '76561198000000001';
export const BOB = '76561198000000002';
export const CAROL = '76561198000000003';
export const DAVE = '76561198000000004';
export const SCRIPT_NAME = '<script>alert(1)</script>';
export const ATTR_NAME = '"><img src=x onerror=alert(1)>';
export const MX5 = 'ks_mazda_mx5_cup';
export const E30 = 'bmw_m3_e30';

/** Two seasons on shared tracks: a two-car round, a one-car round at the same track, a round at Spa. */
export const WEB_SEASON = JSON.stringify({
  timeZone: 'UTC',
  trackFlags: { ks_red_bull_ring: '🇦🇹' },
  seasons: [
    {
      id: 's1',
      name: 'Season One',
      bestOf: 1,
      events: [
        {
          id: 'r1',
          name: 'Round 1',
          track: 'ks_red_bull_ring',
          layout: 'layout_national',
          cars: [MX5, E30],
          start: '2026-03-01T18:00',
        },
        { id: 'r2', name: 'Round 2', track: 'spa', cars: [E30], start: '2026-03-08T18:00' },
      ],
    },
    {
      id: 's2',
      name: 'Season Two',
      events: [
        {
          id: 'r1',
          name: 'Return to the Ring',
          track: 'ks_red_bull_ring',
          layout: 'layout_national',
          cars: [MX5],
          start: '2026-09-01T18:00',
        },
      ],
    },
  ],
});

/** Round 1 of season one: two cars, two tyres, a cut lap, and the two hostile names. */
export const ROUND1_LAPS: LapSpec[] = [
  { guid: ALICE, name: 'Alice', car: MX5, sectors: [30000, 30000, 30000] },
  { guid: ALICE, name: 'Alice', car: MX5, sectors: [29000, 30500, 30000] },
  { guid: ALICE, name: 'Alice', car: E30, sectors: [29500, 29000, 29500] },
  { guid: ALICE, name: 'Alice', car: E30, sectors: [28000, 29000, 30000], cuts: 2 },
  { guid: BOB, name: SCRIPT_NAME, car: MX5, sectors: [29500, 29800, 29700], tyre: 'SV' },
  { guid: CAROL, name: ATTR_NAME, car: E30, sectors: [29200, 29600, 29700] },
  { guid: DAVE, name: 'Dave', car: MX5, sectors: [31000, 31000, 31000], cuts: 1 },
];

/**
 * The website over a real league: a SQLite file, laps ingested from results files through
 * League.onResultsFile, standings, the read model and the Fastify app (inject, or listen).
 */
export async function startWebHarness(
  opts: { showGuids?: boolean; maxStreams?: number; currentEvent?: string; now?: string } = {},
) {
  const league = await makeLeague({ season: WEB_SEASON });
  const resultsDir = path.join(league.dir, 'results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(league.currentEventFile, JSON.stringify({ eventId: opts.currentEvent ?? 's1#r1' }));
  const standings = new Standings({
    league: league.league,
    state: league.state,
    season: () => league.config,
    dataDir: league.dir,
    outputs: new OutputFiles(league.dir, league.state),
    log: silentLogger,
    windowMs: 0,
  });
  const model: ReadModel = leagueReadModel({
    league: league.league,
    standings,
    season: () => league.config,
    state: league.state,
  });
  const ids = await DriverIds.load(league.store, opts.showGuids ?? false);
  const clock = { now: () => new Date(opts.now ?? '2026-03-02T12:00:00Z') };
  const { app, hub }: { app: FastifyInstance; hub: LiveHub } = buildWebApp({
    model,
    ids,
    clock,
    log: silentLogger,
    maxStreams: opts.maxStreams ?? 100,
  });
  const ingest = async (name: string, spec: { track: string; layout: string; laps: LapSpec[] }) => {
    const file = writeResultsFile(resultsDir, name, spec);
    return league.league.onResultsFile({ path: file, bytes: readFileSync(file), mtime: new Date() });
  };
  return {
    ...league,
    standings,
    model,
    ids,
    app,
    hub,
    ingest,
    get: async (url: string) => app.inject({ method: 'GET', url }),
    async close() {
      await app.close();
      await league.league.flush();
      await standings.flush();
      await league.close();
    },
  };
}

/** Round 2 of season one (Spa): Alice and Carol again, so a bestOf 1 season drops a result. */
export const ROUND2_LAPS: LapSpec[] = [
  { guid: CAROL, name: ATTR_NAME, car: E30, sectors: [50000, 60000, 40000] },
  { guid: ALICE, name: 'Alice', car: E30, sectors: [51000, 60000, 40000] },
];

export async function withRound2(h: Awaited<ReturnType<typeof startWebHarness>>) {
  const outcome = await h.ingest('2026_3_9_20_0_PRACTICE.json', { track: 'spa', layout: '', laps: ROUND2_LAPS });
  if (outcome.status !== 'ingested' || outcome.eventId !== 's1#r2')
    throw new Error(`round 2 not ingested: ${JSON.stringify(outcome)}`);
}

/** Round 1 of season one stored from a results file (2 March 2026, inside its window). */
export async function withRound1(h: Awaited<ReturnType<typeof startWebHarness>>) {
  const outcome = await h.ingest('2026_3_2_20_0_PRACTICE.json', {
    track: 'ks_red_bull_ring',
    layout: 'layout_national',
    laps: ROUND1_LAPS,
  });
  if (outcome.status !== 'ingested' || outcome.eventId !== 's1#r1')
    throw new Error(`round 1 not ingested: ${JSON.stringify(outcome)}`);
}
