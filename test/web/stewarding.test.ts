import { startWebHarness, withRound1, ROUND1_LAPS, ALICE, CAROL, MX5, E30 } from '../support/web/webHarness';
import type { LapSpec } from '../support/web/resultsFile';
import { Stewarding } from '../../src/app/stewarding/Stewarding';
import { silentLogger } from '../../src/logger';

const time = (l: LapSpec) => l.sectors.reduce((a, b) => a + b, 0);
const steward = { kind: 'cli' as const, id: 'alice-admin', name: 'alice-admin' };

describe("the website shows the stewards' decisions", () => {
  let h: Awaited<ReturnType<typeof startWebHarness>>;
  let stewards: Stewarding;
  beforeAll(async () => {
    h = await startWebHarness();
    await withRound1(h);
    stewards = new Stewarding({
      league: h.league,
      state: h.stewarding,
      season: () => h.config,
      clock: { now: () => new Date('2026-03-02T21:00:00Z') },
      log: silentLogger,
    });
  });
  afterAll(() => h.close());

  const rows = async (query = '') =>
    (await h.get(`/api/v1/events/s1%23r1/leaderboard${query}`)).json<{
      rows: Array<{ driverId: string; lapTimeMs: number; carModel: string }>;
    }>().rows;
  const aliceBest = (car?: string) =>
    Math.min(...ROUND1_LAPS.filter((l) => l.guid === ALICE && !l.cuts && (!car || l.car === car)).map(time));

  it("when a lap is struck, then every board and the records leave it out, and the driver's laps page says why", async () => {
    const best = aliceBest();
    const bestCar = ROUND1_LAPS.find((l) => l.guid === ALICE && !l.cuts && time(l) === best)!.car;
    const version = h.model.version();
    expect(
      (await stewards.strike({ eventId: 's1#r1', driver: ALICE, reason: 'track limits at turn 1', by: steward }))
        .status,
    ).toBe('done');
    expect(h.model.version()).toBeGreaterThan(version);

    const otherCar = bestCar === MX5 ? E30 : MX5;
    const alice = (await rows()).find((r) => r.driverId === h.ids.idOf(ALICE))!;
    expect(alice.lapTimeMs).toBe(
      Math.min(
        aliceBest(otherCar),
        ...ROUND1_LAPS.filter((l) => l.guid === ALICE && !l.cuts && l.car === bestCar && time(l) !== best).map(time),
      ),
    );
    expect((await rows(`?car=${bestCar}`)).find((r) => r.driverId === h.ids.idOf(ALICE))?.lapTimeMs).not.toBe(best);
    const records = (await h.get('/api/v1/tracks/ks_red_bull_ring/records')).json<unknown>();
    expect(JSON.stringify(records)).not.toContain(`"lapTimeMs":${best}`);

    const laps = (await h.get(`/api/v1/events/s1%23r1/drivers/${h.ids.idOf(ALICE)}/laps`)).json<{
      laps: Array<{ lapTimeMs: number; valid: boolean; invalidReason: string | null }>;
    }>();
    expect(laps.laps.find((l) => l.lapTimeMs === best)).toMatchObject({
      valid: false,
      invalidReason: 'struck by the stewards: track limits at turn 1',
    });
    const page = await h.get(`/events/s1%23r1/drivers/${h.ids.idOf(ALICE)}`);
    expect(page.body).toContain('no: struck by the stewards: track limits at turn 1');
  });

  it('when a driver is excluded from the season, then they are off its boards and standings, and restored when included', async () => {
    const carol = h.ids.idOf(CAROL);
    expect((await rows()).some((r) => r.driverId === carol)).toBe(true);
    await stewards.exclude({
      scope: { kind: 'season', seasonId: 's1' },
      driver: CAROL,
      reason: 'unsportsmanlike',
      by: steward,
    });
    expect((await rows()).some((r) => r.driverId === carol)).toBe(false);
    const standings = (await h.get('/api/v1/seasons/s1/standings')).json<{ rows: Array<{ driverId: string }> }>();
    expect(standings.rows.some((r) => r.driverId === carol)).toBe(false);
    await stewards.include({ scope: { kind: 'season', seasonId: 's1' }, driver: CAROL, by: steward });
    expect((await rows()).some((r) => r.driverId === carol)).toBe(true);
  });
});
