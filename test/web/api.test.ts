import {
  startWebHarness,
  withRound1,
  ROUND1_LAPS,
  ALICE,
  BOB,
  CAROL,
  DAVE,
  MX5,
  E30,
  SCRIPT_NAME,
  ATTR_NAME,
} from '../support/web/webHarness';
import type { LapSpec } from '../support/web/resultsFile';

const time = (l: LapSpec) => l.sectors.reduce((a, b) => a + b, 0);
/** Independent reference: each driver's best clean lap among the laps kept by `keep`, fastest first. */
function expectedBoard(keep: (l: LapSpec) => boolean = () => true): Array<{ guid: string; ms: number }> {
  const best = new Map<string, number>();
  for (const l of ROUND1_LAPS)
    if (!l.cuts && keep(l)) best.set(l.guid, Math.min(best.get(l.guid) ?? Infinity, time(l)));
  return [...best].map(([guid, ms]) => ({ guid, ms })).sort((a, b) => a.ms - b.ms);
}

type Row = {
  position: number;
  driverId: string;
  driverGuid?: string;
  driver: string;
  carModel: string;
  lapTimeMs: number;
  gapMs: number;
  sectorsMs: number[];
  theoreticalBestMs: number | null;
  lapCount: number;
};

describe('web JSON API over real SQLite data from results files', () => {
  let h: Awaited<ReturnType<typeof startWebHarness>>;
  beforeAll(async () => {
    h = await startWebHarness();
    await withRound1(h);
  });
  afterAll(() => h.close());

  const board = async (query = '') => {
    const res = await h.get(`/api/v1/events/s1%23r1/leaderboard${query}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    return res.json<{
      rows: Row[];
      sectorBests: Array<{ carModel: string | null; sectorsMs: number[] }>;
      lapCount: number;
      cars: string[];
      tyres: string[];
    }>();
  };

  it('when the leaderboard is asked for with %23 in the event id, then rows come in rank order with lap times in ms and no GUID', async () => {
    const body = await board();
    const expected = expectedBoard();
    expect(body.rows.map((r) => [r.driverId, r.lapTimeMs])).toEqual(expected.map((e) => [h.ids.idOf(e.guid), e.ms]));
    expect(body.rows.map((r) => r.position)).toEqual(expected.map((_, i) => i + 1));
    expect(body.rows[1]!.gapMs).toBe(expected[1]!.ms - expected[0]!.ms);
    expect(body.lapCount).toBe(ROUND1_LAPS.length);
    expect(body.cars).toEqual([E30, MX5].sort());
    expect(body.tyres).toEqual(['SM', 'SV']);
    expect(body.rows.every((r) => r.driverGuid === undefined)).toBe(true);
    expect(JSON.stringify(body)).not.toMatch(/7656119800000000\d/);
  });

  it('when filtered by car or tyre, then only those laps rank, and a driver’s best in another car does not hide this one', async () => {
    const mx5 = await board(`?car=${MX5}`);
    expect(mx5.rows.map((r) => [r.driverId, r.lapTimeMs])).toEqual(
      expectedBoard((l) => l.car === MX5).map((e) => [h.ids.idOf(e.guid), e.ms]),
    );
    expect(mx5.rows.every((r) => r.carModel === MX5)).toBe(true);
    const sv = await board('?tyre=SV');
    expect(sv.rows.map((r) => r.driverId)).toEqual(
      expectedBoard((l) => l.tyre === 'SV').map((e) => h.ids.idOf(e.guid)),
    );
  });

  it('when the per-car view is asked for, then each car is ranked on its own and a driver keeps a row in each car', async () => {
    const body = await board('?view=car');
    for (const car of [E30, MX5]) {
      const rows = body.rows.filter((r) => r.carModel === car);
      expect(rows.map((r) => [r.position, r.driverId, r.lapTimeMs])).toEqual(
        expectedBoard((l) => l.car === car).map((e, i) => [i + 1, h.ids.idOf(e.guid), e.ms]),
      );
    }
    expect(body.rows.filter((r) => r.driverId === h.ids.idOf(ALICE))).toHaveLength(2);
    expect(body.sectorBests.map((s) => s.carModel)).toEqual([E30, MX5]);
  });

  it('when a board is built, then it has the best sector of the event, each driver’s theoretical best and lap count', async () => {
    const body = await board();
    const clean = ROUND1_LAPS.filter((l) => !l.cuts);
    const bestSector = (i: number, laps = clean) => Math.min(...laps.map((l) => l.sectors[i]!));
    expect(body.sectorBests[0]!.sectorsMs).toEqual([0, 1, 2].map((i) => bestSector(i)));
    const alice = body.rows.find((r) => r.driverId === h.ids.idOf(ALICE))!;
    const aliceClean = clean.filter((l) => l.guid === ALICE);
    expect(alice.theoreticalBestMs).toBe([0, 1, 2].reduce((sum, i) => sum + bestSector(i, aliceClean), 0));
    expect(alice.lapCount).toBe(ROUND1_LAPS.filter((l) => l.guid === ALICE).length);
  });

  it('when a driver’s laps are asked for, then every lap comes, invalid ones with the reason, the personal best marked', async () => {
    const res = await h.get(`/api/v1/events/s1%23r1/drivers/${h.ids.idOf(ALICE)}/laps`);
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      driver: string;
      laps: Array<{
        lapTimeMs: number;
        valid: boolean;
        invalidReason: string | null;
        personalBest: boolean;
        carModel: string;
      }>;
    }>();
    const mine = ROUND1_LAPS.filter((l) => l.guid === ALICE);
    expect(body.laps.map((l) => l.lapTimeMs)).toEqual(mine.map(time));
    expect(body.laps.filter((l) => !l.valid).map((l) => l.invalidReason)).toEqual(['2 cuts']);
    const pbs = body.laps.filter((l) => l.personalBest);
    expect(pbs.map((l) => [l.carModel, l.lapTimeMs])).toEqual(
      [MX5, E30].map((car) => [car, Math.min(...mine.filter((l) => l.car === car && !l.cuts).map(time))]),
    );
  });

  it('when the standings, events, track records and a driver are asked for, then they answer from the same laps', async () => {
    const events = (await h.get('/api/v1/events')).json<{ events: Array<{ id: string; current: boolean }> }>();
    expect(events.events.map((e) => e.id)).toEqual(['s1#r1', 's1#r2', 's2#r1']);
    expect(events.events.find((e) => e.current)?.id).toBe('s1#r1');

    const standings = (await h.get('/api/v1/seasons/s1/standings')).json<{
      rows: Array<{ driverId: string; rank: number; driverGuid?: string }>;
    }>();
    expect(standings.rows.map((r) => r.driverId)).toEqual(expectedBoard().map((e) => h.ids.idOf(e.guid)));

    const records = (await h.get('/api/v1/tracks/ks_red_bull_ring/records?car=bmw_m3_e30')).json<{
      records: Array<{ driverId: string; carModel: string; eventId: string }>;
    }>();
    expect(records.records.map((r) => r.driverId)).toEqual(
      expectedBoard((l) => l.car === E30).map((e) => h.ids.idOf(e.guid)),
    );
    expect(records.records.every((r) => r.eventId === 's1#r1')).toBe(true);

    const driver = (await h.get(`/api/v1/drivers/${h.ids.idOf(CAROL)}`)).json<{
      driver: string;
      events: Array<{ eventId: string; position: number }>;
    }>();
    expect(driver.driver).toBe(ATTR_NAME);
    expect(driver.events).toEqual([
      expect.objectContaining({ eventId: 's1#r1', position: expectedBoard().findIndex((e) => e.guid === CAROL) + 1 }),
    ]);
  });

  it('when hostile names come back in JSON, then they are the exact text, nothing added or lost', async () => {
    const body = await board();
    expect(body.rows.map((r) => r.driver)).toEqual(expect.arrayContaining([SCRIPT_NAME, ATTR_NAME]));
  });

  it('when ids are unknown or input is wrong, then the answer is a 404 or 400 JSON error', async () => {
    for (const url of [
      '/api/v1/events/s1%23nope/leaderboard',
      '/api/v1/events/s1%23r1/drivers/nobody/laps',
      '/api/v1/seasons/s9/standings',
      '/api/v1/tracks/nowhere/records',
      '/api/v1/drivers/nobody',
      '/api/v1/nothing',
    ]) {
      const res = await h.get(url);
      expect([url, res.statusCode]).toEqual([url, 404]);
      expect(res.json()).toEqual({ error: 'not_found', message: expect.any(String) });
    }
    const bad = await h.get('/api/v1/events/s1%23r1/leaderboard?view=sideways');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'bad_request' });
    // A driver of another event is not found through this one.
    const dave = h.ids.idOf(DAVE);
    expect((await h.get(`/api/v1/events/s1%23r2/drivers/${dave}/laps`)).statusCode).toBe(404);
  });

  it('when the OpenAPI description is read, then it documents every API route with its parameters', async () => {
    const doc = (await h.get('/api/v1/openapi.json')).json<{
      openapi: string;
      paths: Record<string, { get: { parameters: Array<{ name: string; in: string }> } }>;
    }>();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/v1/events',
      '/api/v1/events/{eventId}/leaderboard',
      '/api/v1/events/{eventId}/drivers/{driverId}/laps',
      '/api/v1/seasons/{seasonId}/standings',
      '/api/v1/tracks/{track}/records',
      '/api/v1/events/{eventId}/leaderboard/stream',
    ]) {
      expect(doc.paths[path]).toBeDefined();
      expect(h.app.hasRoute({ method: 'GET', url: path.replace(/\{(\w+)\}/g, ':$1') })).toBe(true);
    }
    expect(doc.paths['/api/v1/events/{eventId}/leaderboard']!.get.parameters.map((p) => `${p.in}:${p.name}`)).toEqual([
      'path:eventId',
      'query:car',
      'query:tyre',
      'query:view',
    ]);
  });
});

describe('web JSON API as the league changes', () => {
  let h: Awaited<ReturnType<typeof startWebHarness>>;
  beforeEach(async () => {
    h = await startWebHarness();
    await withRound1(h);
  });
  afterEach(() => h.close());

  it('when an admin sets an alias, then the next answer uses it (pages and API are never stale)', async () => {
    const url = '/api/v1/events/s1%23r1/leaderboard';
    const before = (await h.get(url)).json<{ rows: Row[] }>();
    expect(before.rows.map((r) => r.driver)).toContain('Alice');
    await h.state.setAlias(ALICE, 'Alice the Fast');
    await h.league.refreshFiles(); // what /alias does through refreshPosts
    const after = (await h.get(url)).json<{ rows: Row[] }>();
    expect(after.rows.find((r) => r.driverId === h.ids.idOf(ALICE))!.driver).toBe('Alice the Fast');
    expect((await h.get('/events/s1%23r1')).body).toContain('Alice the Fast');
  });

  it('when the same track is driven in another season, then its records span both seasons', async () => {
    const faster = { guid: BOB, name: 'Bob', car: MX5, sectors: [28000, 28000, 28000] };
    const outcome = await h.ingest('2026_9_2_20_0_PRACTICE.json', {
      track: 'ks_red_bull_ring',
      layout: 'layout_national',
      laps: [faster],
    });
    expect(outcome).toMatchObject({ status: 'ingested', eventId: 's2#r1' });
    const body = (await h.get(`/api/v1/tracks/ks_red_bull_ring/records?car=${MX5}`)).json<{
      records: Array<{ driverId: string; eventId: string; lapTimeMs: number; position: number }>;
    }>();
    expect(body.records[0]).toMatchObject({
      driverId: h.ids.idOf(BOB),
      eventId: 's2#r1',
      lapTimeMs: time(faster),
      position: 1,
    });
    expect(body.records.filter((r) => r.driverId === h.ids.idOf(BOB))).toHaveLength(1); // his best only
    expect(body.records.some((r) => r.eventId === 's1#r1')).toBe(true);
  });
});

describe('web JSON API with WEB_SHOW_GUIDS=true', () => {
  it('when GUIDs may be shown, then rows carry them and driver ids are the GUIDs', async () => {
    const h = await startWebHarness({ showGuids: true });
    try {
      await withRound1(h);
      const body = (await h.get('/api/v1/events/s1%23r1/leaderboard')).json<{ rows: Row[] }>();
      expect(body.rows.map((r) => r.driverGuid)).toEqual(expectedBoard().map((e) => e.guid));
      expect(body.rows.every((r) => r.driverId === r.driverGuid)).toBe(true);
      expect((await h.get(`/api/v1/events/s1%23r1/drivers/${BOB}/laps`)).statusCode).toBe(200);
    } finally {
      await h.close();
    }
  });
});
