import { readFileSync } from 'fs';
import path from 'path';
import { parseResults, ResultsParseError } from '../../../src/domain/results/parseResults';
import { KICKED_GUID, NO_LAP_TIME, type ParsedResults } from '../../../src/domain/types';
import { rawResults, resultsFixture, RESULTS_FIXTURES } from '../../support/fixtures';
import { describeResultsFacts, type FileFacts } from './parseResultsSuite';

const DATA = path.join(__dirname, '../data/results');

function fixture(name: string): ParsedResults {
  return parseResults(resultsFixture(name).bytes.toString('utf8'), name);
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

// Facts of the project's files, counted from the JSON with a separate script (test/data/README.md).
const FACTS: Record<string, FileFacts> = {
  '2015_10_17_9_30_QUALIFY.json': { type: 'QUALIFY', track: 'monza', config: '', laps: 70, cut: 34 },
  '2015_10_17_9_49_RACE.json': { type: 'RACE', track: 'monza', config: '', laps: 81, cut: 0 },
  '2019_2_15_21_16_RACE.json': { type: 'RACE', track: 'barbagallo', config: '', laps: 9, cut: 4 },
  '2019_2_15_21_8_QUALIFY.json': { type: 'QUALIFY', track: 'barbagallo', config: '', laps: 9, cut: 1 },
  '2019_2_15_22_10_RACE.json': {
    type: 'RACE',
    track: 'ks_red_bull_ring',
    config: 'layout_national',
    laps: 20,
    cut: 0,
    unidentified: 1,
  },
  '2019_2_15_22_3_QUALIFY.json': {
    type: 'QUALIFY',
    track: 'ks_red_bull_ring',
    config: 'layout_national',
    laps: 14,
    cut: 4,
  },
  '2019_3_2_14_41_PRACTICE.json': { type: 'PRACTICE', track: 'suzuka', config: 'suzukagp', laps: 8, cut: 7 },
  '2019_3_2_17_27_PRACTICE.json': { type: 'PRACTICE', track: 'suzuka', config: 'suzukagp', laps: 77, cut: 28 },
  '2019_3_2_19_30_PRACTICE.json': { type: 'PRACTICE', track: 'suzuka', config: 'suzukagp', laps: 20, cut: 7 },
  '2019_3_2_21_49_QUALIFY.json': {
    type: 'QUALIFY',
    track: 'ks_red_bull_ring',
    config: 'layout_national',
    laps: 49,
    cut: 28,
  },
  '2019_3_2_22_3_RACE.json': { type: 'RACE', track: 'ks_red_bull_ring', config: 'layout_national', laps: 75, cut: 0 },
  '2019_3_9_20_15_RACE (1).json': { type: 'RACE', track: 'bs_lagunaseca', config: '', laps: 100, cut: 0 },
  'tyre.info.json': { type: 'RACE', track: 'gilles-villeneuve', config: '', laps: 90, cut: 0 },
};

describeResultsFacts("the project's results files", RESULTS_FIXTURES, FACTS);

describe('parseResults on the traps of real files', () => {
  it('when a file has "Events": null, then it still parses (and the file really has null Events)', () => {
    const file = '2019_2_15_21_8_QUALIFY.json';
    expect(resultsFixture(file).bytes.toString()).toContain('"Events": null');
    expect(fixture(file).laps).toHaveLength(9);
  });

  it('when the file is a 2015 acServer file without Tyre, then tyre is null and it has the drivers of Laps too', () => {
    const parsed = fixture('2015_10_17_9_30_QUALIFY.json');
    expect(parsed.laps.every((l) => l.tyre === null)).toBe(true);
    // 17 cars, but 6 more drivers took those slots during the session and only appear in Laps.
    expect(parsed.drivers).toHaveLength(23);
    expect(parsed.sessionLocalTime).toEqual({ year: 2015, month: 10, day: 17, hour: 9, minute: 30 });
  });

  it('when the file has Tyre, then each lap keeps its compound', () => {
    const parsed = fixture('tyre.info.json');
    expect(new Set(parsed.laps.map((l) => l.tyre))).toEqual(new Set(['S', 'M']));
    expect(parsed.sessionLocalTime).toBeNull();
  });

  it('when a manager re-saved the file, then Date becomes dateField, empty slots are not drivers, sectors are 2', () => {
    const parsed = fixture('2019_3_2_21_49_QUALIFY.json');
    expect(parsed.dateField).toBe('2019-03-02T21:49:00Z');
    // 22 cars: 8 empty slots, and 14 filled slots shared by 9 GUIDs (five drivers changed car).
    expect(parsed.drivers).toHaveLength(9);
    expect(parsed.drivers.some((d) => d.guid === '' || d.name === '')).toBe(false);
    expect(parsed.laps.every((l) => l.sectorsMs.length === 2)).toBe(true);
    expect(fixture('2019_2_15_21_16_RACE.json').dateField).toBeNull();
  });

  it('when the same driver has two Result rows, then there is one driver with the car of the best row, and a warning', () => {
    const parsed = fixture('2019_3_9_20_15_RACE (1).json');
    // Marta has no lap in her second car (BestLap 999999999); Rui was quicker in his first.
    expect(parsed.drivers.filter((d) => d.guid === '76561198010000601')).toEqual([
      { guid: '76561198010000601', name: 'Marta Sousa', carModel: 'ks_porsche_911_gt3_r_2016' },
    ]);
    expect(parsed.drivers.filter((d) => d.guid === '76561198010000602')).toEqual([
      { guid: '76561198010000602', name: 'Rui Tavares', carModel: 'ks_mclaren_650s_gt3' },
    ]);
    expect(parsed.warnings.some((w) => w.includes('Marta Sousa') && w.includes('2 Result rows'))).toBe(true);
    expect(parsed.warnings.some((w) => w.includes('Rui Tavares') && w.includes('car ids 1, 16'))).toBe(true);
  });

  it('when a manager wrote BestLap 0 for a car the driver never finished a lap in, then it is not taken as the best row', () => {
    const parsed = fixture('2019_3_2_21_49_QUALIFY.json');
    const raw = rawResults(resultsFixture('2019_3_2_21_49_QUALIFY.json').bytes).Result.filter(
      (r) => r.DriverName === 'Émile Gagnon',
    );
    expect(raw.map((r) => [r.CarModel, r.BestLap])).toEqual([
      ['ks_porsche_911_gt3_cup_2017', 90379],
      ['ks_audi_r8_lms_2016', 0],
    ]);
    expect(parsed.drivers.find((d) => d.name === 'Émile Gagnon')!.carModel).toBe('ks_porsche_911_gt3_cup_2017');
  });

  it('when a car lists a team of GUIDs `a;b`, then no driver is keyed by the list and each team member is a driver', () => {
    const parsed = fixture('2019_3_2_22_3_RACE.json');
    expect(resultsFixture('2019_3_2_22_3_RACE.json').bytes.toString()).toContain(
      '"Guid": "76561198010000109;76561198010000110"',
    );
    expect(parsed.drivers.some((d) => d.guid.includes(';'))).toBe(false);
    expect(
      parsed.drivers
        .filter((d) => ['76561198010000109', '76561198010000110'].includes(d.guid))
        .map((d) => d.name)
        .sort(),
    ).toEqual(['Ines Duarte', 'Jonas Weber']);
  });

  it('when a driver was kicked, then the lap is recovered from Cars/Result where one GUID fits, else kept unidentified', () => {
    const parsed = fixture('2019_2_15_22_10_RACE.json');
    expect(parsed.warnings).toContain('1 laps of kicked drivers: GUID recovered from Cars/Result');
    expect(parsed.warnings).toContain('1 laps of kicked drivers could not be attributed; kept unidentified');
    expect(
      parsed.laps.filter((l) => l.driverName === 'Émile Gagnon').every((l) => l.driverGuid === '76561198010000105'),
    ).toBe(true);
    expect(parsed.laps.find((l) => l.driverName === 'Pit Lane Pete')).toMatchObject({
      driverGuid: KICKED_GUID,
      identified: false,
    });
  });

  it('when reading lap Timestamps, then they are server uptime ms, not wall-clock time', () => {
    const stamps = fixture('2019_3_2_19_30_PRACTICE.json').laps.map((l) => l.timestamp);
    expect(Math.min(...stamps)).toBe(8_410_583);
    expect(Math.max(...stamps)).toBe(9_035_489);
  });

  it('when BestLap is the 999999999 sentinel on most rows, then parsing keeps all drivers', () => {
    const parsed = fixture('2019_2_15_21_16_RACE.json');
    const raw = rawResults(resultsFixture('2019_2_15_21_16_RACE.json').bytes);
    expect(raw.Result.filter((r) => r.BestLap === NO_LAP_TIME)).toHaveLength(6);
    expect(parsed.drivers).toHaveLength(8);
  });

  it('when the file starts with a BOM and the name is a second download `… (1).json`, then both are read', () => {
    expect(resultsFixture('2019_3_2_19_30_PRACTICE.json').bytes.subarray(0, 3)).toEqual(
      Buffer.from([0xef, 0xbb, 0xbf]),
    );
    expect(fixture('2019_3_2_19_30_PRACTICE.json').drivers.map((d) => d.name)).toContain('田中 結衣');
    expect(fixture('2019_3_9_20_15_RACE (1).json').sessionLocalTime).toEqual({
      year: 2019,
      month: 3,
      day: 9,
      hour: 20,
      minute: 15,
    });
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
    expect(kicked).toMatchObject({
      driverGuid: '76561198000000002',
      driverName: '小林',
      identified: true,
      lapTimeMs: 100900,
    });
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
    expect(
      parseError(
        '{"TrackName": "x", "Laps": [{"DriverGuid": "1", "CarId": 0, "Timestamp": 1, "LapTime": 2, "Sectors": [1, "2"]}]}',
        'a.json',
      ).reason,
    ).toBe('Laps[0].Sectors[1] is not a number (got string "2")');
    expect(
      parseError('{"TrackName": "x", "Laps": [{"CarId": 0, "Timestamp": 1, "LapTime": 2}]}', 'a.json').reason,
    ).toBe('Laps[0].Cuts is missing');
    expect(
      parseError('{"TrackName": "x", "Laps": [{"CarId": 0, "Timestamp": 1, "LapTime": 1e999, "Cuts": 0}]}', 'a.json')
        .reason,
    ).toBe('Laps[0].LapTime is not a finite number (got number Infinity)');
    expect(
      parseError('{"TrackName": "x", "Cars": [{"CarId": 0, "Driver": {"GuidsList": [7]}}]}', 'a.json').reason,
    ).toBe('Cars[0].Driver.GuidsList[0] is not a string (got number 7)');
    expect(parseError('{"TrackName": "x", "Result": [null]}', 'a.json').reason).toBe(
      'Result[0] is not an object (got null)',
    );
  });

  it('when a lap value is beyond what any store keeps, then the error names the JSON path and the limit', () => {
    const lapWith = (extra: string) =>
      `{"TrackName": "x", "Laps": [{"DriverGuid": "1", "CarId": 0, "Timestamp": 1, "LapTime": 61000, "Cuts": 0, "Sectors": [1, 2], ${extra}}]}`;
    const numberLimit = 'a number in a lap must be 0 or between 0.000001 and 9007199254740991 in size';
    expect(parseError(lapWith('"LapTime": 1e300'), 'a.json').reason).toBe(`Laps[0].LapTime is 1e+300: ${numberLimit}`);
    expect(parseError(lapWith('"Sectors": [1, 1e-7]'), 'a.json').reason).toBe(
      `Laps[0].Sectors[1] is 1e-7: ${numberLimit}`,
    );
    expect(parseError(lapWith('"Timestamp": 9007199254740992'), 'a.json').reason).toBe(
      `Laps[0].Timestamp is 9007199254740992: ${numberLimit}`,
    );
    expect(parseError(lapWith('"Cuts": -1e16'), 'a.json').reason).toBe(
      `Laps[0].Cuts is -10000000000000000: ${numberLimit}`,
    );
    expect(parseError(lapWith(`"Sectors": [${Array(65).fill(1).join(',')}]`), 'a.json').reason).toBe(
      'Laps[0].Sectors has 65 entries: at most 64',
    );
    expect(parseError(lapWith(`"DriverGuid": "${'7'.repeat(513)}"`), 'a.json').reason).toBe(
      'Laps[0].DriverGuid is 513 bytes long: at most 512',
    );
    expect(parseError(lapWith(`"DriverName": "${'小'.repeat(342)}"`), 'a.json').reason).toBe(
      'Laps[0].DriverName is 1026 bytes long: at most 1024',
    );
    expect(parseError(lapWith(`"Tyre": "${'x'.repeat(1025)}"`), 'a.json').reason).toBe(
      'Laps[0].Tyre is 1025 bytes long: at most 1024',
    );
    expect(parseError(`{"TrackName": "${'t'.repeat(5000)}"}`, 'a.json').reason).toBe(
      'TrackName is 5000 bytes long: at most 1024',
    );
    expect(
      parseResults(lapWith(`"DriverName": "${'小'.repeat(341)}", "LapTime": 1000.5`), 'a.json').laps[0]!.lapTimeMs,
    ).toBe(1000.5);
  });

  it('when the JSON is not an object, then the error says what it is', () => {
    const text = readFileSync(path.join(DATA, '2024_5_13_19_30_RACE.json'), 'utf8');
    expect(parseError(text, '2024_5_13_19_30_RACE.json').reason).toBe('top level is an array, expected an object');
    expect(parseError('"text"', 'a.json').reason).toBe('top level is string "text", expected an object');
  });
});
