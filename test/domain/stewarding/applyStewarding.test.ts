import { applyStewarding } from '../../../src/domain/stewarding/applyStewarding';
import { stewardingRules } from '../../../src/domain/stewarding/stewardingRules';
import { NO_RULES, type Actor, type Exclusion, type StruckLap } from '../../../src/domain/stewarding/types';
import { rankLaps } from '../../../src/domain/leaderboard/rankLaps';
import { A, B, C, EVENT, lap } from './lapFactory';

const by: Actor = { kind: 'cli', id: 'steward', name: 'steward' };
const struck = (lapKey: string, reason = 'track limits'): StruckLap => ({
  eventId: EVENT,
  lapKey,
  driverGuid: A,
  driverName: 'a',
  lapTimeMs: 1,
  reason,
  by,
  at: '2019-03-02T20:00:00Z',
});
const excluded = (driverGuid: string, kind: 'event' | 'season', reason = 'banned'): Exclusion => ({
  scope: kind === 'event' ? { kind, eventId: EVENT } : { kind, seasonId: 'season1' },
  driverGuid,
  driverName: '',
  reason,
  by,
  at: '2019-03-02T20:00:00Z',
});

describe('applyStewarding', () => {
  const a1 = lap({ driverGuid: A, lapTimeMs: 100_000 });
  const a2 = lap({ driverGuid: A, lapTimeMs: 101_000 });
  const b1 = lap({ driverGuid: B, lapTimeMs: 100_500 });
  const c1 = lap({ driverGuid: C, lapTimeMs: 99_000, cuts: 2, valid: false, invalidReason: '2 cuts' });
  const laps = [a1, a2, b1, c1];

  it("when a driver's best lap is struck, then the next best valid lap takes its place on the board", () => {
    const counted = applyStewarding(laps, stewardingRules([struck(a1.lapKey)], []));
    const board = rankLaps(EVENT, counted, []);
    expect(board.rows.map((r) => [r.driverGuid, r.lapTimeMs])).toEqual([
      [B, 100_500],
      [A, 101_000],
    ]);
    expect(counted.find((l) => l.lapKey === a1.lapKey)).toMatchObject({
      valid: false,
      invalidReason: 'struck by the stewards: track limits',
    });
    expect(board.lapCount).toBe(4);
  });

  it('when laps are judged, then the stored laps are not changed and an already invalid lap keeps its own reason', () => {
    const counted = applyStewarding(laps, stewardingRules([struck(a1.lapKey), struck(c1.lapKey)], []));
    expect(a1.valid).toBe(true);
    expect(a1.invalidReason).toBeUndefined();
    expect(counted.find((l) => l.lapKey === c1.lapKey)).toBe(c1);
  });

  it('when a driver is excluded, then none of their laps count, with the event reason before the season one', () => {
    const counted = applyStewarding(
      laps,
      stewardingRules([], [excluded(A, 'event', 'wrong car'), excluded(A, 'season', 'banned')]),
    );
    expect(rankLaps(EVENT, counted, []).rows.map((r) => r.driverGuid)).toEqual([B]);
    expect(counted.filter((l) => l.driverGuid === A).map((l) => l.invalidReason)).toEqual([
      'driver excluded from the event by the stewards: wrong car',
      'driver excluded from the event by the stewards: wrong car',
    ]);
  });

  it('when there are no rules, then the very same laps come back', () => {
    expect(applyStewarding(laps, NO_RULES)).toBe(laps);
  });

  it('when a struck key carries a file suffix, then only that lap is struck, not the lap with the plain key', () => {
    const plain = lap({ driverGuid: A, lapTimeMs: 98_000, lapTimestamp: 5000, resultFile: 'one.json' });
    const suffixed = {
      ...lap({ driverGuid: A, lapTimeMs: 97_000, lapTimestamp: 5000, resultFile: 'two.json' }),
      lapKey: `${A}#5000#two`,
    };
    const counted = applyStewarding([plain, suffixed], stewardingRules([struck(suffixed.lapKey)], []));
    expect(rankLaps(EVENT, counted, []).rows.map((r) => r.lapKey)).toEqual([plain.lapKey]);
  });
});
