import { readdirSync, readFileSync } from 'fs';
import path from 'path';
import { parseResults, ResultsParseError } from '../../src/domain/parseResults';
import { KICKED_GUID, NO_LAP_TIME, type ParsedResults } from '../../src/domain/types';

const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures/ac-results');
const DATA = path.join(__dirname, 'data/results');

function fixture(name: string): ParsedResults {
  return parseResults(readFileSync(path.join(FIXTURES, name), 'utf8'), name);
}
function data(name: string): ParsedResults {
  return parseResults(readFileSync(path.join(DATA, name), 'utf8'), name);
}
function parseError(text: string, file: string): ResultsParseError {
  try {
    parseResults(text, file);
  } catch (e) {
    if (e instanceof ResultsParseError) return e;
    throw e;
  }
  throw new Error('expected a ResultsParseError');
}

// Facts from ../shared/fixtures/ac-results/SOURCES.md ("What each file exercises").
const FACTS: Record<string, { type: string; track: string; config: string; laps: number; cut: number }> = {
  'JustaPenguin__assetto-server-manager__2019_2_15_21_16_RACE.json': { type: 'RACE', track: 'barbagallo', config: '', laps: 9, cut: 0 },
  'JustaPenguin__assetto-server-manager__2019_2_15_21_8_QUALIFY.json': { type: 'QUALIFY', track: 'barbagallo', config: '', laps: 7, cut: 1 },
  'JustaPenguin__assetto-server-manager__2019_2_15_22_10_RACE.json': { type: 'RACE', track: 'ks_red_bull_ring', config: 'layout_national', laps: 12, cut: 0 },
  'JustaPenguin__assetto-server-manager__2019_2_15_22_3_QUALIFY.json': { type: 'QUALIFY', track: 'ks_red_bull_ring', config: 'layout_national', laps: 9, cut: 2 },
  'JustaPenguin__assetto-server-manager__2019_3_2_14_41_PRACTICE.json': { type: 'PRACTICE', track: 'suzuka', config: 'suzukagp', laps: 8, cut: 4 },
  'JustaPenguin__assetto-server-manager__2019_3_2_17_27_PRACTICE.json': { type: 'PRACTICE', track: 'suzuka', config: 'suzukagp', laps: 65, cut: 28 },
  'JustaPenguin__assetto-server-manager__2019_3_2_19_30_PRACTICE.json': { type: 'PRACTICE', track: 'suzuka', config: 'suzukagp', laps: 19, cut: 10 },
  'JustaPenguin__assetto-server-manager__2019_3_2_21_49_QUALIFY.json': { type: 'QUALIFY', track: 'ks_red_bull_ring', config: 'layout_national', laps: 58, cut: 33 },
  'JustaPenguin__assetto-server-manager__2019_3_2_22_3_RACE.json': { type: 'RACE', track: 'ks_red_bull_ring', config: 'layout_national', laps: 88, cut: 0 },
  'mauserrifle__simresults__2015_10_17_9_30_QUALIFY.json': { type: 'QUALIFY', track: 'monza', config: '', laps: 101, cut: 56 },
  'mauserrifle__simresults__2015_10_17_9_49_RACE.json': { type: 'RACE', track: 'monza', config: '', laps: 82, cut: 0 },
  'mauserrifle__simresults__tyre.info.json': { type: 'RACE', track: 'gilles-villeneuve', config: '', laps: 315, cut: 0 },
  'mauserrifle__simresults__duplicate.result.info.for.miguel.json': { type: 'RACE', track: 'bs_lagunaseca', config: '', laps: 593, cut: 0 },
};

describe('parseResults on every public fixture', () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.json'));

  it('when the fixture folder is listed, then every file has its facts in the table above', () => {
    expect(files.sort()).toEqual(Object.keys(FACTS).sort());
  });

  it.each(files)('when parsing %s, then track, type, lap and cut counts match SOURCES.md', (file) => {
    const parsed = fixture(file);
    const facts = FACTS[file]!;
    expect(parsed.fileName).toBe(file);
    expect(parsed.sessionType).toBe(facts.type);
    expect(parsed.track).toBe(facts.track);
    expect(parsed.trackConfig).toBe(facts.config);
    expect(parsed.laps).toHaveLength(facts.laps);
    expect(parsed.laps.filter((l) => l.cuts > 0)).toHaveLength(facts.cut);
    for (const lap of parsed.laps) {
      expect(lap.identified).toBe(true);
      expect([2, 3]).toContain(lap.sectorsMs.length);
      expect(lap.lapTimeMs).toBeGreaterThan(0);
    }
    for (const driver of parsed.drivers) expect(driver.guid).toMatch(/^\d{17}$/);
    expect(new Set(parsed.drivers.map((d) => d.guid)).size).toBe(parsed.drivers.length);
  });

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
    const stamps = fixture('JustaPenguin__assetto-server-manager__2019_3_2_19_30_PRACTICE.json').laps.map((l) => l.timestamp);
    expect(Math.min(...stamps)).toBeGreaterThan(8.1e6);
    expect(Math.max(...stamps)).toBeLessThan(1.46e7);
  });
});

describe('parseResults on hand-made files', () => {
  const practice = data('2024_5_12_20_5_PRACTICE.json');

  it('when the file starts with a BOM and has non-ASCII names, then names come through intact', () => {
    expect(practice.track).toBe('ks_nürburgring');
    expect(practice.drivers.map((d) => d.name)).toEqual(['小林', 'Jérôme Ñúñez']);
    expect(practice.laps[0]!.driverName).toBe('Jérôme Ñúñez');
    expect(practice.sessionLocalTime).toEqual({ year: 2024, month: 5, day: 12, hour: 20, minute: 5 });
  });

  it('when a slot is empty, then it is not a driver', () => {
    expect(practice.drivers.every((d) => d.guid !== '' && d.guid !== KICKED_GUID)).toBe(true);
    expect(practice.drivers).toHaveLength(2);
  });

  it('when a kicked lap matches one Result row by car id and name, then the real GUID is restored', () => {
    const kicked = practice.laps[2]!;
    expect(kicked).toMatchObject({ driverGuid: '76561198000000002', driverName: '小林', identified: true, lapTimeMs: 100900 });
    expect(practice.warnings).toContain('1 laps of kicked drivers: GUID recovered from Cars/Result');
  });

  it('when a kicked lap cannot be matched, then it is kept with the marker and identified=false', () => {
    const ghosts = practice.laps.filter((l) => l.driverName === 'Ghost');
    expect(ghosts).toHaveLength(2);
    for (const g of ghosts) expect(g).toMatchObject({ driverGuid: KICKED_GUID, identified: false });
    expect(practice.warnings).toContain('2 laps of kicked drivers could not be attributed; kept unidentified');
  });

  it('when a driver is twice in Result, then the kept car is the one with a real BestLap', () => {
    expect(practice.drivers.find((d) => d.name === '小林')!.carModel).toBe('ks_mazda_mx5_cup');
    expect(practice.warnings.some((w) => w.includes('小林') && w.includes('car ids 1, 4'))).toBe(true);
  });

  it('when a lap has no Tyre key, then tyre is null; 2-sector laps keep 2 sectors', () => {
    expect(practice.laps[5]!.tyre).toBeNull();
    expect(practice.laps[0]!.tyre).toBe('SM');
    expect(practice.laps[0]!.sectorsMs).toEqual([51000, 51000]);
  });

  it('when Laps is missing, Events is null and Type is unknown, then it parses to no laps, UNKNOWN and a warning', () => {
    const parsed = data('2024_5_13_19_0_RACE.json');
    expect(parsed.laps).toEqual([]);
    expect(parsed.sessionType).toBe('UNKNOWN');
    expect(parsed.dateField).toBe('2024-05-13T19:00:00Z');
    expect(parsed.warnings).toContain('no Laps array; read as a session without laps');
  });

  it('when Type is absent, then the type in the file name is used', () => {
    const parsed = parseResults('{"TrackName":"monza","Laps":[]}', '2024_1_1_10_0_QUALIFY.json');
    expect(parsed.sessionType).toBe('QUALIFY');
    expect(parseResults('{"TrackName":"monza","Type":"race"}', 'x.json').sessionType).toBe('RACE');
  });

  it('when the file was cut mid-write, then the error names the file, the position and the likely cause', () => {
    const text = readFileSync(path.join(DATA, '2019_3_2_17_27_PRACTICE.json'), 'utf8');
    const error = parseError(text, '/srv/ac/results/2019_3_2_17_27_PRACTICE.json');
    expect(error.file).toBe('2019_3_2_17_27_PRACTICE.json');
    expect(error.message).toMatch(
      /^results file 2019_3_2_17_27_PRACTICE\.json: invalid JSON at position \d+ \(file truncated or still being written\?\)$/,
    );
    expect(Number(/position (\d+)/.exec(error.reason)![1])).toBeGreaterThan(2900);
  });

  it('when the JSON is broken in the middle, then the parser reason is given instead of "truncated"', () => {
    const error = parseError('{"TrackName": "monza",, "Laps": []}', '2024_1_1_10_0_RACE.json');
    expect(error.reason).toMatch(/^invalid JSON at position 22 \(/);
    expect(error.reason).not.toContain('truncated');
  });

  it('when the file is empty, then the error says so', () => {
    expect(parseError('', 'a.json').reason).toBe('file is empty (still being written?)');
    expect(parseError('\ufeff  \n', 'a.json').reason).toBe('file is empty (still being written?)');
  });

  it('when a lap field has the wrong type, then the error names the JSON path', () => {
    const text = readFileSync(path.join(DATA, '2024_5_12_21_30_QUALIFY.json'), 'utf8');
    const error = parseError(text, '2024_5_12_21_30_QUALIFY.json');
    expect(error.message).toBe(
      'results file 2024_5_12_21_30_QUALIFY.json: Laps[3].LapTime is not a number (got string "1:39.000")',
    );
  });

  it('when other fields are wrong or missing, then the path says which', () => {
    expect(parseError('{"TrackName": 5}', 'a.json').reason).toBe('TrackName is not a string (got number 5)');
    expect(parseError('{"Type": "RACE"}', 'a.json').reason).toBe('TrackName is missing');
    expect(parseError('{"TrackName": "x", "Laps": {}}', 'a.json').reason).toBe('Laps is not an array (got an object)');
    expect(parseError('{"TrackName": "x", "Laps": [{"DriverGuid": "1", "CarId": 0, "Timestamp": 1, "LapTime": 2, "Sectors": [1, "2"]}]}', 'a.json').reason)
      .toBe('Laps[0].Sectors[1] is not a number (got string "2")');
    expect(parseError('{"TrackName": "x", "Laps": [{"CarId": 0, "Timestamp": 1, "LapTime": 2}]}', 'a.json').reason)
      .toBe('Laps[0].Cuts is missing');
    expect(parseError('{"TrackName": "x", "Laps": [{"CarId": 0, "Timestamp": 1, "LapTime": 1e999, "Cuts": 0}]}', 'a.json').reason)
      .toBe('Laps[0].LapTime is not a finite number (got number Infinity)');
    expect(parseError('{"TrackName": "x", "Cars": [{"CarId": 0, "Driver": {"GuidsList": [7]}}]}', 'a.json').reason)
      .toBe('Cars[0].Driver.GuidsList[0] is not a string (got number 7)');
    expect(parseError('{"TrackName": "x", "Result": [null]}', 'a.json').reason).toBe('Result[0] is not an object (got null)');
  });

  it('when a lap value is beyond what any store keeps, then the error names the JSON path and the limit', () => {
    const lapWith = (extra: string) =>
      `{"TrackName": "x", "Laps": [{"DriverGuid": "1", "CarId": 0, "Timestamp": 1, "LapTime": 61000, "Cuts": 0, "Sectors": [1, 2], ${extra}}]}`;
    const numberLimit = 'a number in a lap must be 0 or between 0.000001 and 9007199254740991 in size';
    expect(parseError(lapWith('"LapTime": 1e300'), 'a.json').reason).toBe(`Laps[0].LapTime is 1e+300: ${numberLimit}`);
    expect(parseError(lapWith('"Sectors": [1, 1e-7]'), 'a.json').reason).toBe(`Laps[0].Sectors[1] is 1e-7: ${numberLimit}`);
    expect(parseError(lapWith('"Timestamp": 9007199254740992'), 'a.json').reason).toBe(`Laps[0].Timestamp is 9007199254740992: ${numberLimit}`);
    expect(parseError(lapWith('"Cuts": -1e16'), 'a.json').reason).toBe(`Laps[0].Cuts is -10000000000000000: ${numberLimit}`);
    expect(parseError(lapWith(`"Sectors": [${Array(65).fill(1).join(',')}]`), 'a.json').reason).toBe('Laps[0].Sectors has 65 entries: at most 64');
    expect(parseError(lapWith(`"DriverGuid": "${'7'.repeat(513)}"`), 'a.json').reason).toBe('Laps[0].DriverGuid is 513 bytes long: at most 512');
    expect(parseError(lapWith(`"DriverName": "${'小'.repeat(342)}"`), 'a.json').reason).toBe('Laps[0].DriverName is 1026 bytes long: at most 1024');
    expect(parseError(lapWith(`"Tyre": "${'x'.repeat(1025)}"`), 'a.json').reason).toBe('Laps[0].Tyre is 1025 bytes long: at most 1024');
    expect(parseError(`{"TrackName": "${'t'.repeat(5000)}"}`, 'a.json').reason).toBe('TrackName is 5000 bytes long: at most 1024');
    expect(parseResults(lapWith(`"DriverName": "${'小'.repeat(341)}", "LapTime": 1000.5`), 'a.json').laps[0]!.lapTimeMs).toBe(1000.5);
  });

  it('when the JSON is not an object, then the error says what it is', () => {
    const text = readFileSync(path.join(DATA, '2024_5_13_19_30_RACE.json'), 'utf8');
    expect(parseError(text, '2024_5_13_19_30_RACE.json').reason).toBe('top level is an array, expected an object');
    expect(parseError('"text"', 'a.json').reason).toBe('top level is string "text", expected an object');
  });

  it('when BestLap is the 999999999 sentinel on every row, then parsing keeps all drivers', () => {
    const parsed = fixture('JustaPenguin__assetto-server-manager__2019_2_15_21_16_RACE.json');
    const raw = JSON.parse(readFileSync(path.join(FIXTURES, 'JustaPenguin__assetto-server-manager__2019_2_15_21_16_RACE.json'), 'utf8'));
    expect(raw.Result.filter((r: { BestLap: number }) => r.BestLap === NO_LAP_TIME)).toHaveLength(7);
    expect(parsed.drivers).toHaveLength(9);
  });
});
