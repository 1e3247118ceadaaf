import { parseResultsFileName } from '../../../src/domain/results/resultsFileName';
import { RESULTS_FIXTURES } from '../../support/fixtures';
import { expectDatedNamesRead } from './resultsFileNameSuite';

describe('parseResultsFileName', () => {
  it('when the name is an unpadded acServer results name, then it gives local time and type', () => {
    expect(parseResultsFileName('2019_3_2_17_27_PRACTICE.json')).toEqual({
      local: { year: 2019, month: 3, day: 2, hour: 17, minute: 27 },
      type: 'PRACTICE',
    });
    expect(parseResultsFileName('2019_12_31_0_5_RACE.json')?.local).toEqual({
      year: 2019,
      month: 12,
      day: 31,
      hour: 0,
      minute: 5,
    });
    expect(parseResultsFileName('2019_2_15_21_8_QUALIFY.json')?.type).toBe('QUALIFY');
  });

  it('when a file was downloaded or copied twice, `… (1).json`, then its time is still read', () => {
    expect(parseResultsFileName('2025_10_25_20_46_RACE (1).json')).toEqual({
      local: { year: 2025, month: 10, day: 25, hour: 20, minute: 46 },
      type: 'RACE',
    });
    expect(parseResultsFileName('2019_3_2_17_27_PRACTICE (12).json')?.type).toBe('PRACTICE');
    expect(parseResultsFileName('2019_3_2_17_27_PRACTICE(1).json')).toBeNull();
    expect(parseResultsFileName('2019_3_2_17_27_PRACTICE (x).json')).toBeNull();
  });

  it('when the name has a prefix or a directory, then the pattern at the end is read', () => {
    expect(parseResultsFileName('JustaPenguin__assetto-server-manager__2019_3_2_22_3_RACE.json')?.local.minute).toBe(3);
    expect(parseResultsFileName('/srv/ac/results/2020_1_9_8_0_QUALIFY.json')?.local.day).toBe(9);
    expect(parseResultsFileName('C:\\acServer\\results\\2020_1_9_8_0_RACE.json')?.type).toBe('RACE');
  });

  it('when the date or time cannot exist, then it is rejected', () => {
    expect(parseResultsFileName('2019_13_2_17_27_PRACTICE.json')).toBeNull();
    expect(parseResultsFileName('2019_0_2_17_27_PRACTICE.json')).toBeNull();
    expect(parseResultsFileName('2019_3_2_25_27_PRACTICE.json')).toBeNull();
    expect(parseResultsFileName('2019_3_2_24_0_PRACTICE.json')).toBeNull();
    expect(parseResultsFileName('2019_3_2_17_60_PRACTICE.json')).toBeNull();
    expect(parseResultsFileName('2019_2_29_17_0_PRACTICE.json')).toBeNull();
    expect(parseResultsFileName('2019_4_31_17_0_PRACTICE.json')).toBeNull();
    expect(parseResultsFileName('2020_2_29_17_0_PRACTICE.json')?.local.day).toBe(29);
  });

  it('when the name has another shape or type, then it is null', () => {
    expect(parseResultsFileName('2019_3_2_17_27_PRACTICE.json.tmp')).toBeNull();
    expect(parseResultsFileName('2019_3_2_17_PRACTICE.json')).toBeNull();
    expect(parseResultsFileName('2019_3_2_17_27_HOTLAP.json')).toBeNull();
    expect(parseResultsFileName('x12019_3_2_17_27_RACE.json')).toBeNull();
    expect(parseResultsFileName('entry_list.ini')).toBeNull();
    expect(parseResultsFileName('tyre.info.json')).toBeNull();
  });

  it("when reading every dated file of the project's results, then its date matches the name", () => {
    expect(expectDatedNamesRead(RESULTS_FIXTURES)).toBe(12);
  });
});
