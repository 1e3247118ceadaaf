import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { rankLaps, rankingLaps } from '../../src/domain/rankLaps';
import { parseResults } from '../../src/domain/parseResults';
import { lapsFromResults } from '../../src/domain/lapsFromResults';
import type { Lap } from '../../src/domain/types';
import { RESULTS_FIXTURES } from '../support/fixtures';

function allFixtureLaps(): Lap[] {
  return readdirSync(RESULTS_FIXTURES)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f, i) => {
      const parsed = parseResults(readFileSync(path.join(RESULTS_FIXTURES, f), 'utf8'), f);
      // All into one event, sessions an hour apart, so drivers meet across files.
      return lapsFromResults(parsed, { eventId: 'e', sessionTime: new Date(Date.UTC(2026, 0, 1, i)).toISOString(), resultFile: f });
    });
}

describe('rankingLaps', () => {
  const laps = allFixtureLaps();
  const aliases = [{ key: laps[0].driverGuid, name: 'Aliased' }];

  it('when ranking only the kept laps, then the leaderboard equals the one from every lap', () => {
    const kept = rankingLaps('e', laps);
    expect(kept.lapCount).toBe(laps.length);
    expect(kept.laps.length).toBeLessThan(laps.length / 5);
    expect(rankLaps('e', kept.laps, aliases).rows).toEqual(rankLaps('e', laps, aliases).rows);
  });

  it('when new laps are merged into the kept laps in any split, then ranking is unchanged', () => {
    for (const split of [1, 100, 777, laps.length - 1]) {
      const first = rankingLaps('e', laps.slice(0, split)).laps;
      const merged = rankingLaps('e', [...first, ...laps.slice(split)]).laps;
      expect(rankLaps('e', merged, []).rows).toEqual(rankLaps('e', laps, []).rows);
    }
  });
});
