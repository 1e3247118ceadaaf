// Seasons whose points are not whole numbers: summed as floats they pick up noise
// (0.2 + 0.1 = 0.30000000000000004), so they show whether points are summed exactly.
import type { Lap } from '../../../src/domain/types';
import { byEvent, lap, season } from './factory';

const E = ['s1#event1', 's1#event2', 's1#event3'] as const;

/**
 * The issue's case: pointsTable [0.3, 0.2, 0.1]. Dee scores 0.2 + 0.1; Cal, Bea and Ash each win
 * once (0.3). All four have 0.3, so the mean percentage of the fastest lap orders them:
 * Cal 100 %, Bea (100 + 101) / 2, Dee (100.5 + 100.8) / 2, Ash (100 + 105) / 2.
 */
export function issueSeason() {
  const at = (event: 0 | 1 | 2, guid: string, name: string, ms: number): Lap =>
    lap({ event: E[event], guid, name, ms });
  const laps = [
    at(0, 'ash', 'Ash', 100_000),
    at(0, 'dee', 'Dee', 100_500),
    at(0, 'f1', 'Filler One', 100_600), // P3: 0.1
    at(1, 'bea', 'Bea', 100_000),
    at(1, 'f2', 'Filler Two', 100_700), // P2: 0.2
    at(1, 'dee', 'Dee', 100_800),
    at(1, 'f3', 'Filler Three', 101_000), // P4: 0
    at(1, 'ash', 'Ash', 105_000), // P5: 0
    at(2, 'cal', 'Cal', 100_000),
    at(2, 'f4', 'Filler Four', 100_200), // P2: 0.2
    at(2, 'f5', 'Filler Five', 100_400), // P3: 0.1
    at(2, 'bea', 'Bea', 101_000), // P4: 0
  ];
  return { config: season([...E], { pointsTable: [0.3, 0.2, 0.1] }), laps: byEvent(laps) };
}

/**
 * A fractional table with participation points, a fastest-lap bonus and drop rounds:
 * P1 = 1.1 + 0.1 + 0.2 = 1.4, P2 = 0.7 + 0.1 = 0.8, P3 = 0.35 + 0.1 = 0.45, P4 = 0.1.
 * Ann: P1 P2 P3 -> best 2 = 2.2 (R3 dropped). Ben: P2 P1 P2 -> 2.2 (R3 dropped, the later 0.8).
 * Cy: P3 P3 P1 -> 1.85 (R2 dropped: of two equal scores the later one goes).
 * Dot: P4 - P4 -> 0.2.
 */
export function bonusSeason() {
  const at = (event: 0 | 1 | 2, guid: string, name: string, ms: number): Lap =>
    lap({ event: E[event], guid, name, ms });
  const laps = [
    at(0, 'ann', 'Ann', 90_000),
    at(0, 'ben', 'Ben', 90_300),
    at(0, 'cy', 'Cy', 90_600),
    at(0, 'dot', 'Dot', 91_000),
    at(1, 'ben', 'Ben', 80_000),
    at(1, 'ann', 'Ann', 80_400),
    at(1, 'cy', 'Cy', 80_800),
    at(2, 'cy', 'Cy', 70_000),
    at(2, 'ben', 'Ben', 70_100),
    at(2, 'ann', 'Ann', 70_700),
    at(2, 'dot', 'Dot', 71_000),
  ];
  const config = season(
    E.map((id, i) => ({ id, name: ['Spa', 'Monza', 'Imola'][i] })),
    { pointsTable: [1.1, 0.7, 0.35], participationPoints: 0.1, fastestLapBonus: 0.2, bestOf: 2 },
  );
  return { config, laps: byEvent(laps) };
}
