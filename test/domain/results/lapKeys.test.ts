import { lapKeyCandidate, planLapKeys, sameLap } from '../../../src/domain/results/lapKeys';
import type { Lap } from '../../../src/domain/types';

const G = '76561198000000001';
function lap(over: Partial<Lap> = {}): Lap {
  const lapTimestamp = over.lapTimestamp ?? 100_000;
  return {
    eventId: 'season1#event2',
    lapKey: `${G}#${lapTimestamp}`,
    driverGuid: G,
    driverName: 'A',
    carModel: 'ks_mazda_mx5_cup',
    lapTimeMs: 130_000,
    sectorsMs: [40_000, 50_000, 40_000],
    cuts: 0,
    valid: true,
    tyre: 'SM',
    sessionType: 'PRACTICE',
    track: 'suzuka',
    trackConfig: 'suzukagp',
    resultFile: '2019_3_2_20_0_PRACTICE.json',
    lapTimestamp,
    sessionTime: '2019-03-02T20:00:00.000Z',
    recordedAt: '2019-03-02T20:00:00.000Z',
    ...over,
  };
}
const fileA = lap();
const fileB = lap({
  resultFile: '2019_3_2_22_0_PRACTICE.json',
  lapTimeMs: 128_500,
  sessionTime: '2019-03-02T22:00:00.000Z',
});
const B_KEY = `${G}#100000#2019_3_2_22_0_PRACTICE`;

/** Runs the plan against `stored` the way the ingest does: look up what it asks for until it is done. */
function resolve(laps: Lap[], stored: Lap[]): { laps: Lap[]; lookups: string[][] } {
  const byKey = new Map(stored.map((l) => [l.lapKey, l]));
  const known = new Map<string, Lap | null>();
  const lookups: string[][] = [];
  for (;;) {
    const plan = planLapKeys(laps, known);
    if (plan.done) return { laps: plan.laps, lookups };
    lookups.push(plan.lookup);
    for (const key of plan.lookup) known.set(key, byKey.get(key) ?? null);
  }
}

describe('planLapKeys: no lap overwrites a different lap', () => {
  it('when no lap holds the key yet, then the lap keeps the seed-compatible key <guid>#<Timestamp>, after one lookup', () => {
    const got = resolve([fileA], []);
    expect(got.laps.map((l) => l.lapKey)).toEqual([`${G}#100000`]);
    expect(got.lookups).toEqual([[`${G}#100000`, `${G}#100000#2019_3_2_20_0_PRACTICE`]]);
  });

  it('when a different lap of another file holds the key (acServer restarted, uptime reused), then the lap gets its file as a suffix', () => {
    expect(resolve([fileB], [fileA]).laps.map((l) => l.lapKey)).toEqual([B_KEY]);
  });

  it('when the file is read again after either order of storing, then every lap finds the key it already has', () => {
    const storedB = { ...fileB, lapKey: B_KEY };
    expect(resolve([fileA], [fileA, storedB]).laps.map((l) => l.lapKey)).toEqual([fileA.lapKey]);
    expect(resolve([fileB], [fileA, storedB]).laps.map((l) => l.lapKey)).toEqual([B_KEY]);
    // The other file came first: it holds the plain key and this one is suffixed.
    const storedA = { ...fileA, lapKey: `${G}#100000#2019_3_2_20_0_PRACTICE` };
    expect(resolve([fileA], [fileB, storedA]).laps.map((l) => l.lapKey)).toEqual([storedA.lapKey]);
  });

  it('when the plain key was freed after the lap got its suffix, then the lap keeps its suffixed key instead of doubling', () => {
    expect(resolve([fileB], [{ ...fileB, lapKey: B_KEY }]).laps.map((l) => l.lapKey)).toEqual([B_KEY]);
  });

  it('when the file changed (same name) or another file holds the very same lap, then the key is reused', () => {
    expect(resolve([lap({ cuts: 2, valid: false })], [fileA]).laps.map((l) => l.lapKey)).toEqual([fileA.lapKey]);
    const copy = lap({ resultFile: 'copy_of_2019_3_2_20_0_PRACTICE.json', driverName: 'renamed' });
    expect(resolve([copy], [fileA]).laps.map((l) => l.lapKey)).toEqual([fileA.lapKey]);
  });

  it('when the suffixed key is taken too (another file with a like name), then a counter follows', () => {
    const other = lap({ resultFile: 'a#b.json', lapTimeMs: 127_000, lapKey: `${G}#100000#a_b` });
    const third = lap({ resultFile: 'a_b.json', lapTimeMs: 126_000 });
    const got = resolve([third], [fileA, other]);
    expect(got.laps.map((l) => l.lapKey)).toEqual([`${G}#100000#a_b~2`]);
    expect(got.lookups).toEqual([[`${G}#100000`, `${G}#100000#a_b`], [`${G}#100000#a_b~2`]]);
    expect(
      resolve([third], [fileA, other, { ...third, lapKey: `${G}#100000#a_b~2` }]).laps.map((l) => l.lapKey),
    ).toEqual([`${G}#100000#a_b~2`]);
  });

  it('when the file name holds # or is "live", then the key never looks like a live lap key (<guid>#live#<stamp>)', () => {
    const keys = ['live.json', 'a#live#b.json'].map(
      (resultFile) => resolve([lap({ resultFile, lapTimeMs: 127_000 })], [fileA]).laps[0]!.lapKey,
    );
    expect(keys).toEqual([`${G}#100000#live`, `${G}#100000#a_live_b`]);
    expect(keys.some((k) => k.includes('#live#'))).toBe(false);
  });

  it('when two laps of one batch would land on the same key, then each gets its own', () => {
    const first = lap({ resultFile: '2.json', lapTimeMs: 127_000 });
    const second = lap({ resultFile: '2.json', lapTimeMs: 126_000, lapKey: `${G}#100000#2` });
    const got = resolve([first, second], [fileA]).laps.map((l) => l.lapKey);
    expect(new Set(got).size).toBe(2);
    expect(got[0]).toBe(`${G}#100000#2`);
  });
});

describe('sameLap and lapKeyCandidate', () => {
  it('when driver and Timestamp agree and so do the file, or car, time, sectors and cuts, then it is the same lap', () => {
    expect(sameLap(fileA, lap({ driverName: 'other name', resultFile: 'x.json', tyre: null }))).toBe(true);
    expect(sameLap(fileA, lap({ cuts: 1, lapTimeMs: 1 }))).toBe(true);
    expect(sameLap(fileA, lap({ lapTimestamp: 1 }))).toBe(false);
    expect(sameLap(fileA, fileB)).toBe(false);
    for (const other of [
      { carModel: 'bmw_m3_e30' },
      { cuts: 1 },
      { sectorsMs: [40_000, 49_000, 41_000] },
      { sectorsMs: [] },
      { driverGuid: 'x' },
      { lapTimestamp: 1 },
    ]) {
      expect(sameLap(fileA, lap({ ...other, resultFile: 'x.json' }))).toBe(false);
    }
  });

  it('when candidates are numbered, then 0 is the lap key, 1 adds the file name without .json, later ones add ~n', () => {
    expect([0, 1, 2, 3].map((n) => lapKeyCandidate(fileB, n))).toEqual([
      fileB.lapKey,
      B_KEY,
      `${B_KEY}~2`,
      `${B_KEY}~3`,
    ]);
  });
});
