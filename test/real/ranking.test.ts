// Ranking and rendering over the real acServer files (see parseResults.test.ts in this folder).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lapsFromResults } from '../../src/domain/results/lapsFromResults';
import { parseResults } from '../../src/domain/results/parseResults';
import { rankLaps } from '../../src/domain/leaderboard/rankLaps';
import { renderLeaderboard } from '../../src/domain/leaderboard/renderLeaderboard';
import type { Lap } from '../../src/domain/types';
import { rawResults, realFixtures } from '../support/fixtures';
import { describeRankingLaps } from '../domain/leaderboard/rankingLapsSuite';
import { expectDatedNamesRead } from '../domain/results/resultsFileNameSuite';

const { results: FIXTURES } = realFixtures();
const EVENT = 'season1#event1';

function fixtureLaps(file: string): Lap[] {
  const parsed = parseResults(readFileSync(path.join(FIXTURES, file), 'utf8'), file);
  return lapsFromResults(parsed, { eventId: EVENT, sessionTime: '2019-03-02T14:41:00.000Z', resultFile: file });
}

describeRankingLaps('the real fixtures', FIXTURES);

describe('ranking the real fixtures', () => {
  it('when reading every real fixture with a dated name, then its date matches the name', () => {
    expect(expectDatedNamesRead(FIXTURES)).toBe(11);
  });

  it('when ranking the Suzuka practice where only one driver had a clean lap, then one row remains', () => {
    const board = rankLaps(
      EVENT,
      fixtureLaps('JustaPenguin__assetto-server-manager__2019_3_2_14_41_PRACTICE.json'),
      [],
    );
    expect(board.rows).toHaveLength(1);
    expect(board.lapCount).toBe(8);
  });

  it('when ranking a Server Manager qualifying, then the order matches acServer own BestLap per GUID', () => {
    const file = 'JustaPenguin__assetto-server-manager__2019_3_2_21_49_QUALIFY.json';
    const best = new Map<string, { time: number; car: string }>();
    for (const r of rawResults(readFileSync(path.join(FIXTURES, file))).Result) {
      if (r.DriverGuid === '' || r.BestLap >= 999_999_999) continue;
      if ((best.get(r.DriverGuid)?.time ?? Infinity) > r.BestLap)
        best.set(r.DriverGuid, { time: r.BestLap, car: r.CarModel });
    }
    const board = rankLaps(EVENT, fixtureLaps(file), []);
    expect(board.rows.map((r) => [r.driverGuid, r.lapTimeMs, r.carModel])).toEqual(
      [...best.entries()].sort((a, b) => a[1].time - b[1].time).map(([guid, b]) => [guid, b.time, b.car]),
    );
  });

  it('when rendering a real qualifying, then the fastest driver leads with acServer own time', () => {
    const board = rankLaps(EVENT, fixtureLaps('JustaPenguin__assetto-server-manager__2019_3_2_21_49_QUALIFY.json'), []);
    const lines = /```\n([\s\S]*?)\n```/.exec(renderLeaderboard(board, { title: 'Red Bull Ring' }))![1]!.split('\n');
    expect(lines[1]).toMatch(/^1 {2}Joseph Elton +0:58\.197 +ks_porsche_911_carrera_…$/);
    expect(lines).toHaveLength(10);
  });
});
