import { MAX_SECTORS, MAX_TEXT_BYTES } from '../../../src/domain/results/lapLimits';
import { makeLeague } from '../../support/leagueFixture';
import { rawLap, resultsBytes } from '../../support/resultsFile';

// A lap may carry up to MAX_SECTORS sectors, each of which may be wrong (a fractional time from an
// edited file). The reason it does not count must still fit in what a store keeps, or the whole
// file would be refused for one lap.
const FILE = '2019_3_2_20_0_PRACTICE.json';
const G = '76561198000000001';

it('when a lap has the most sectors a file may hold, all fractional and cut, then the file is stored and the lap says why it does not count, within the text limit', async () => {
  const ctx = await makeLeague();
  try {
    const sectors = Array.from({ length: MAX_SECTORS }, (_, i) => 1_000.5 + i);
    const bad = rawLap({
      DriverGuid: '',
      DriverName: '',
      Timestamp: 100_000,
      LapTime: 90_000.25,
      Sectors: sectors,
      Cuts: 3,
    });
    const good = rawLap({ DriverGuid: G, Timestamp: 200_000, LapTime: 91_000, Sectors: [30_000, 31_000, 30_000] });
    const outcome = await ctx.league.onResultsFile({
      path: `/results/${FILE}`,
      bytes: resultsBytes([bad, good]),
      mtime: new Date(),
    });
    expect(outcome).toMatchObject({ status: 'ingested', lapCount: 2, validLapCount: 1 });
    const stored = await ctx.store.lapsForEvent('season1#event2');
    const invalid = stored.find((l) => !l.valid)!;
    expect(Buffer.byteLength(invalid.invalidReason!)).toBeLessThanOrEqual(MAX_TEXT_BYTES);
    expect(invalid.invalidReason).toContain('3 cuts');
    expect(invalid.invalidReason).toContain('lap time 90000.25 ms is not a whole number of milliseconds');
    expect(invalid.invalidReason).toContain('sector 1 time 1000.5 ms is not a whole number of milliseconds');
    expect(invalid.invalidReason).toContain(`and ${MAX_SECTORS - 3} more sectors`);
  } finally {
    await ctx.close();
  }
});
