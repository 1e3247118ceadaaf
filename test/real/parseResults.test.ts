// Over the real acServer files in the shared fixtures (test/support/fixtures.ts says where);
// jest.config.js runs this folder only when they are there, and CI requires them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseResults } from '../../src/domain/results/parseResults';
import { NO_LAP_TIME, type ParsedResults } from '../../src/domain/types';
import { rawResults, realFixtures } from '../support/fixtures';
import { describeResultsFacts, type FileFacts } from '../domain/results/parseResultsSuite';

const { results: FIXTURES } = realFixtures();
const fixture = (name: string): ParsedResults => parseResults(readFileSync(path.join(FIXTURES, name), 'utf8'), name);

// Facts from SOURCES.md beside the files ("What each file exercises").
const FACTS: Record<string, FileFacts> = {
  'JustaPenguin__assetto-server-manager__2019_2_15_21_16_RACE.json': {
    type: 'RACE',
    track: 'barbagallo',
    config: '',
    laps: 9,
    cut: 0,
  },
  'JustaPenguin__assetto-server-manager__2019_2_15_21_8_QUALIFY.json': {
    type: 'QUALIFY',
    track: 'barbagallo',
    config: '',
    laps: 7,
    cut: 1,
  },
  'JustaPenguin__assetto-server-manager__2019_2_15_22_10_RACE.json': {
    type: 'RACE',
    track: 'ks_red_bull_ring',
    config: 'layout_national',
    laps: 12,
    cut: 0,
  },
  'JustaPenguin__assetto-server-manager__2019_2_15_22_3_QUALIFY.json': {
    type: 'QUALIFY',
    track: 'ks_red_bull_ring',
    config: 'layout_national',
    laps: 9,
    cut: 2,
  },
  'JustaPenguin__assetto-server-manager__2019_3_2_14_41_PRACTICE.json': {
    type: 'PRACTICE',
    track: 'suzuka',
    config: 'suzukagp',
    laps: 8,
    cut: 4,
  },
  'JustaPenguin__assetto-server-manager__2019_3_2_17_27_PRACTICE.json': {
    type: 'PRACTICE',
    track: 'suzuka',
    config: 'suzukagp',
    laps: 65,
    cut: 28,
  },
  'JustaPenguin__assetto-server-manager__2019_3_2_19_30_PRACTICE.json': {
    type: 'PRACTICE',
    track: 'suzuka',
    config: 'suzukagp',
    laps: 19,
    cut: 10,
  },
  'JustaPenguin__assetto-server-manager__2019_3_2_21_49_QUALIFY.json': {
    type: 'QUALIFY',
    track: 'ks_red_bull_ring',
    config: 'layout_national',
    laps: 58,
    cut: 33,
  },
  'JustaPenguin__assetto-server-manager__2019_3_2_22_3_RACE.json': {
    type: 'RACE',
    track: 'ks_red_bull_ring',
    config: 'layout_national',
    laps: 88,
    cut: 0,
  },
  'mauserrifle__simresults__2015_10_17_9_30_QUALIFY.json': {
    type: 'QUALIFY',
    track: 'monza',
    config: '',
    laps: 101,
    cut: 56,
  },
  'mauserrifle__simresults__2015_10_17_9_49_RACE.json': { type: 'RACE', track: 'monza', config: '', laps: 82, cut: 0 },
  'mauserrifle__simresults__tyre.info.json': {
    type: 'RACE',
    track: 'gilles-villeneuve',
    config: '',
    laps: 315,
    cut: 0,
  },
  'mauserrifle__simresults__duplicate.result.info.for.miguel.json': {
    type: 'RACE',
    track: 'bs_lagunaseca',
    config: '',
    laps: 593,
    cut: 0,
  },
};

describeResultsFacts('the real fixtures', FIXTURES, FACTS);

describe('parseResults on what the real fixtures are known for', () => {
  it('when a file has "Events": null, then it still parses (and the file really has null Events)', () => {
    const file = 'JustaPenguin__assetto-server-manager__2019_2_15_21_8_QUALIFY.json';
    expect(readFileSync(path.join(FIXTURES, file), 'utf8')).toContain('"Events": null');
    expect(fixture(file).laps).toHaveLength(7);
  });

  it('when the file is a 2015 acServer file without Tyre, then tyre is null and it has the drivers of Laps too', () => {
    const parsed = fixture('mauserrifle__simresults__2015_10_17_9_30_QUALIFY.json');
    expect(parsed.laps.every((l) => l.tyre === null)).toBe(true);
    // 17 cars, but 6 more drivers took those slots during the session and only appear in Laps.
    expect(parsed.drivers).toHaveLength(23);
    expect(parsed.sessionLocalTime).toEqual({ year: 2015, month: 10, day: 17, hour: 9, minute: 30 });
  });

  it('when the file has Tyre, then each lap keeps its compound', () => {
    const parsed = fixture('mauserrifle__simresults__tyre.info.json');
    expect(new Set(parsed.laps.map((l) => l.tyre))).toEqual(new Set(['S', 'M']));
    expect(parsed.sessionLocalTime).toBeNull();
  });

  it('when Server Manager re-saved the file, then Date becomes dateField, empty slots are not drivers, sectors are 2', () => {
    const parsed = fixture('JustaPenguin__assetto-server-manager__2019_3_2_21_49_QUALIFY.json');
    expect(parsed.dateField).toBe('2019-03-02T21:49:00Z');
    // 22 cars: 8 empty slots, and 14 filled slots shared by 9 GUIDs (three drivers changed car).
    expect(parsed.drivers).toHaveLength(9);
    expect(parsed.drivers.some((d) => d.guid === '' || d.name === '')).toBe(false);
    expect(parsed.laps.every((l) => l.sectorsMs.length === 2)).toBe(true);
    expect(fixture('JustaPenguin__assetto-server-manager__2019_2_15_21_16_RACE.json').dateField).toBeNull();
  });

  it('when the same driver has two Result rows, then there is one driver with the car of the best row, and a warning', () => {
    const parsed = fixture('mauserrifle__simresults__duplicate.result.info.for.miguel.json');
    const miguel = parsed.drivers.filter((d) => d.guid === '76561197969595089');
    expect(miguel).toEqual([{ guid: '76561197969595089', name: 'Miguel Melo', carModel: 'ks_porsche_911_gt3_r_2016' }]);
    expect(parsed.warnings.some((w) => w.includes('Miguel Melo') && w.includes('2 Result rows'))).toBe(true);
    expect(parsed.warnings.some((w) => w.includes('Jose Vasconcelos'))).toBe(true);
  });

  it('when reading lap Timestamps, then they are server uptime ms as SOURCES.md says', () => {
    const stamps = fixture('JustaPenguin__assetto-server-manager__2019_3_2_19_30_PRACTICE.json').laps.map(
      (l) => l.timestamp,
    );
    expect(Math.min(...stamps)).toBeGreaterThan(8.1e6);
    expect(Math.max(...stamps)).toBeLessThan(1.46e7);
  });

  it('when BestLap is the 999999999 sentinel on most rows, then parsing keeps all drivers', () => {
    const file = 'JustaPenguin__assetto-server-manager__2019_2_15_21_16_RACE.json';
    const raw = rawResults(readFileSync(path.join(FIXTURES, file)));
    expect(raw.Result.filter((r) => r.BestLap === NO_LAP_TIME)).toHaveLength(7);
    expect(fixture(file).drivers).toHaveLength(9);
  });
});
