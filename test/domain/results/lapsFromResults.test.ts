import { readFileSync } from 'fs';
import path from 'path';
import { lapsFromResults } from '../../../src/domain/results/lapsFromResults';
import { parseResults } from '../../../src/domain/results/parseResults';
import { KICKED_GUID } from '../../../src/domain/types';
import { rawLap, resultsBytes } from '../../support/resultsFile';
import { RESULTS_FIXTURES } from '../../support/fixtures';
const ctx = {
  eventId: 'season1#event2',
  sessionTime: '2019-03-02T17:27:00.000Z',
  resultFile: '2019_3_2_17_27_PRACTICE.json',
};

function read(dir: string, file: string) {
  return parseResults(readFileSync(path.join(dir, file), 'utf8'), file);
}

describe('lapsFromResults', () => {
  it('when built from a practice file, then every lap is stored with its key, validity and session', () => {
    const parsed = read(RESULTS_FIXTURES, '2019_3_2_17_27_PRACTICE.json');
    const laps = lapsFromResults(parsed, ctx);
    expect(laps).toHaveLength(77);
    expect(laps.filter((l) => l.valid)).toHaveLength(77 - 28);
    const first = laps[0]!;
    const source = parsed.laps[0]!;
    expect(first).toEqual({
      eventId: 'season1#event2',
      lapKey: `${source.driverGuid}#${source.timestamp}`,
      driverGuid: source.driverGuid,
      driverName: source.driverName,
      carModel: source.carModel,
      lapTimeMs: source.lapTimeMs,
      sectorsMs: source.sectorsMs,
      cuts: source.cuts,
      valid: source.cuts === 0,
      tyre: source.tyre,
      sessionType: 'PRACTICE',
      track: 'suzuka',
      trackConfig: 'suzukagp',
      resultFile: ctx.resultFile,
      lapTimestamp: source.timestamp,
      sessionTime: ctx.sessionTime,
      recordedAt: ctx.sessionTime,
    });
    expect(new Set(laps.map((l) => l.lapKey)).size).toBe(77);
  });

  it('when two laps would share a key, then both are kept, the later one suffixed, the same on every run', () => {
    const parsed = read(path.join(__dirname, '../data/results'), '2024_5_12_20_5_PRACTICE.json');
    const laps = lapsFromResults(parsed, ctx);
    const ghosts = laps.filter((l) => l.driverName === 'Ghost');
    expect(ghosts.map((l) => l.lapKey)).toEqual([`${KICKED_GUID}#230000`, `${KICKED_GUID}#230000#2`]);
    expect(ghosts.map((l) => l.lapTimeMs)).toEqual([99000, 98000]);
    expect(lapsFromResults(parsed, ctx).map((l) => l.lapKey)).toEqual(laps.map((l) => l.lapKey));
  });

  it('when a lap is unidentified or cut, then it is stored but not valid; a recovered kicked lap is valid', () => {
    const parsed = read(path.join(__dirname, '../data/results'), '2024_5_12_20_5_PRACTICE.json');
    const laps = lapsFromResults(parsed, ctx);
    expect(laps.filter((l) => l.driverName === 'Ghost').every((l) => !l.valid)).toBe(true);
    expect(laps.find((l) => l.lapKey === '76561198000000002#226000')).toMatchObject({ valid: true, lapTimeMs: 100900 });
    expect(laps.find((l) => l.cuts === 2)).toMatchObject({ valid: false, tyre: null });
  });

  it('when the stored lap is changed, then the parsed sectors are not', () => {
    const parsed = read(RESULTS_FIXTURES, '2019_2_15_22_10_RACE.json');
    const laps = lapsFromResults(parsed, ctx);
    laps[0]!.sectorsMs.push(1);
    expect(parsed.laps[0]!.sectorsMs).toHaveLength(2);
  });

  it('when a lap time is fractional or absurd, then that lap is stored invalid with the reason and the others stay valid', () => {
    const text = resultsBytes([
      rawLap({ LapTime: 1000.5, Sectors: [500, 500.5], Timestamp: 1 }),
      rawLap({ LapTime: 0, Sectors: [], Timestamp: 2 }),
      rawLap({ LapTime: 130_000, Timestamp: 3 }),
    ]).toString();
    const parsed = parseResults(text, 'x.json');
    expect(parsed.warnings).toEqual([
      '2 laps hold a lap or sector time that is not a real one (not whole ms, under 1 s or over 1 h): kept, never ranked; the file looks broken or edited',
    ]);
    const laps = lapsFromResults(parsed, ctx);
    expect(laps.map((l) => [l.valid, l.invalidReason])).toEqual([
      [
        false,
        'lap time 1000.5 ms is not a whole number of milliseconds; sector 2 time 500.5 ms is not a whole number of milliseconds',
      ],
      [false, 'lap time 0 ms is shorter than 1 s'],
      [true, undefined],
    ]);
    expect(laps.map((l) => l.lapTimeMs)).toEqual([1000.5, 0, 130_000]);
    expect('invalidReason' in laps[2]!).toBe(false);
  });
});
