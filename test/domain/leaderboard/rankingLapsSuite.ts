import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { rankLaps, rankingLaps } from '../../../src/domain/leaderboard/rankLaps';
import { parseResults } from '../../../src/domain/results/parseResults';
import { lapsFromResults } from '../../../src/domain/results/lapsFromResults';
import { isRealGuid } from '../../../src/domain/results/isValidLap';
import type { Lap } from '../../../src/domain/types';
import { present } from '../../support/present';

function allFixtureLaps(dir: string): Lap[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f, i) => {
      const parsed = parseResults(readFileSync(path.join(dir, f), 'utf8'), f);
      // All into one event, sessions an hour apart, so drivers meet across files.
      return lapsFromResults(parsed, {
        eventId: 'e',
        sessionTime: new Date(Date.UTC(2026, 0, 1, i)).toISOString(),
        resultFile: f,
      });
    });
}

/** rankingLaps keeps few laps and ranks like every lap, over all results files of `dir` as one event. */
export function describeRankingLaps(label: string, dir: string): void {
  describe(`rankingLaps over ${label}`, () => {
    const laps = allFixtureLaps(dir);
    const aliases = [{ key: present(laps[0], `a lap in ${label}`).driverGuid, name: 'Aliased' }];

    it('when ranking only the kept laps, then the leaderboard equals the one from every lap', () => {
      const kept = rankingLaps('e', laps);
      expect(kept.lapCount).toBe(laps.length);
      // At most each driver's best and latest lap: a small part of a session's laps.
      const drivers = new Set(laps.filter((l) => isRealGuid(l.driverGuid)).map((l) => l.driverGuid));
      expect(kept.laps.length).toBeLessThanOrEqual(2 * drivers.size);
      expect(kept.laps.length).toBeLessThan(laps.length / 3);
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
}
