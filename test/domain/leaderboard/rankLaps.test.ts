import { lapsFromResults } from '../../../src/domain/results/lapsFromResults';
import { parseResults } from '../../../src/domain/results/parseResults';
import { rankLaps } from '../../../src/domain/leaderboard/rankLaps';
import { KICKED_GUID, type Lap } from '../../../src/domain/types';
import { rawResults, resultsFixture } from '../../support/fixtures';

const EVENT = 'season1#event1';
const A = '76561198000000001';
const B = '76561198000000002';
const C = '76561198000000003';

let stamp = 0;
function lap(over: Partial<Lap> & { driverGuid: string; lapTimeMs: number }): Lap {
  stamp += 1000;
  const lapTimestamp = over.lapTimestamp ?? stamp;
  return {
    eventId: EVENT,
    lapKey: `${over.driverGuid}#${lapTimestamp}`,
    driverName: `name-${over.driverGuid.slice(-1)}`,
    carModel: 'ks_mazda_mx5_cup',
    sectorsMs: [],
    cuts: 0,
    valid: true,
    tyre: 'SM',
    sessionType: 'PRACTICE',
    track: 'magione',
    trackConfig: '',
    resultFile: 'f.json',
    sessionTime: '2024-05-12T18:00:00.000Z',
    recordedAt: '2024-05-12T18:00:00.000Z',
    ...over,
    lapTimestamp,
  };
}

function fixtureLaps(file: string, eventId = EVENT): Lap[] {
  const parsed = parseResults(resultsFixture(file).bytes.toString('utf8'), file);
  return lapsFromResults(parsed, { eventId, sessionTime: '2019-03-02T14:41:00.000Z', resultFile: file });
}

describe('rankLaps', () => {
  it('when drivers have several laps, then each appears once with the best valid lap, fastest first, with gaps', () => {
    const board = rankLaps(
      EVENT,
      [
        lap({ driverGuid: A, lapTimeMs: 62_000 }),
        lap({ driverGuid: B, lapTimeMs: 61_500 }),
        lap({ driverGuid: A, lapTimeMs: 61_000, carModel: 'ks_toyota_gt86' }),
        lap({ driverGuid: B, lapTimeMs: 61_900 }),
        lap({ driverGuid: C, lapTimeMs: 64_123 }),
      ],
      [],
    );
    expect(board.rows.map((r) => [r.position, r.driverGuid, r.lapTimeMs, r.gapMs])).toEqual([
      [1, A, 61_000, 0],
      [2, B, 61_500, 500],
      [3, C, 64_123, 3_123],
    ]);
    expect(board.rows[0]!.carModel).toBe('ks_toyota_gt86');
    expect(board.lapCount).toBe(5);
    expect(board.eventId).toBe(EVENT);
  });

  it('when a faster lap is cut, unidentified or kicked, then it is never ranked', () => {
    const board = rankLaps(
      EVENT,
      [
        lap({ driverGuid: A, lapTimeMs: 60_000, cuts: 1, valid: false }),
        lap({ driverGuid: A, lapTimeMs: 63_000 }),
        lap({ driverGuid: KICKED_GUID, lapTimeMs: 50_000 }),
        lap({ driverGuid: '', lapTimeMs: 50_000 }),
        lap({ driverGuid: B, lapTimeMs: 59_000, valid: false }),
      ],
      [],
    );
    expect(board.rows.map((r) => [r.driverGuid, r.lapTimeMs])).toEqual([[A, 63_000]]);
    expect(board.lapCount).toBe(5);
  });

  it('when two drivers set the same time, then whoever set it first is ahead, by session then by lap timestamp', () => {
    const laterSession = lap({
      driverGuid: A,
      lapTimeMs: 61_000,
      recordedAt: '2024-05-13T18:00:00.000Z',
      lapTimestamp: 1,
    });
    const earlierSession = lap({
      driverGuid: B,
      lapTimeMs: 61_000,
      recordedAt: '2024-05-12T18:00:00.000Z',
      lapTimestamp: 9_999_999,
    });
    expect(rankLaps(EVENT, [laterSession, earlierSession], []).rows.map((r) => r.driverGuid)).toEqual([B, A]);
    expect(rankLaps(EVENT, [earlierSession, laterSession], []).rows.map((r) => r.driverGuid)).toEqual([B, A]);

    const sameSessionLater = lap({ driverGuid: A, lapTimeMs: 61_000, lapTimestamp: 5_000 });
    const sameSessionEarlier = lap({ driverGuid: C, lapTimeMs: 61_000, lapTimestamp: 4_000 });
    const board = rankLaps(EVENT, [sameSessionLater, sameSessionEarlier], []);
    expect(board.rows.map((r) => [r.position, r.driverGuid, r.gapMs])).toEqual([
      [1, C, 0],
      [2, A, 0],
    ]);
  });

  it('when instants are written with offsets, then they are compared as instants, not as text', () => {
    const first = lap({ driverGuid: A, lapTimeMs: 61_000, recordedAt: '2024-05-12T20:00:00+03:00' });
    const second = lap({ driverGuid: B, lapTimeMs: 61_000, recordedAt: '2024-05-12T18:30:00Z' });
    expect(rankLaps(EVENT, [second, first], []).rows.map((r) => r.driverGuid)).toEqual([A, B]);
  });

  it('when a driver matched their own best later, then the first of the equal laps is kept', () => {
    const board = rankLaps(
      EVENT,
      [
        lap({ driverGuid: A, lapTimeMs: 61_000, lapTimestamp: 8_000, carModel: 'later_car' }),
        lap({ driverGuid: A, lapTimeMs: 61_000, lapTimestamp: 7_000, carModel: 'first_car' }),
      ],
      [],
    );
    expect(board.rows[0]!.carModel).toBe('first_car');
    expect(board.rows[0]!.lapKey).toBe(`${A}#7000`);
  });

  it('when aliases exist, then GUID aliases beat name aliases and others show their latest name', () => {
    const board = rankLaps(
      EVENT,
      [
        lap({ driverGuid: A, lapTimeMs: 61_000, driverName: 'Seb' }),
        lap({ driverGuid: B, lapTimeMs: 62_000, driverName: 'Cheezypoof' }),
        lap({ driverGuid: C, lapTimeMs: 63_000, driverName: 'old name', recordedAt: '2024-05-01T10:00:00.000Z' }),
        lap({
          driverGuid: C,
          lapTimeMs: 70_000,
          driverName: 'new name',
          recordedAt: '2024-05-02T10:00:00.000Z',
          valid: false,
          cuts: 3,
        }),
      ],
      [
        { key: 'seb', name: 'Sebastian (by name)' },
        { key: A, name: 'Sebastian (by GUID)' },
        { key: 'cheezypoof', name: 'Cheese' },
      ],
    );
    expect(board.rows.map((r) => r.driverName)).toEqual(['Sebastian (by GUID)', 'Cheese', 'new name']);
  });

  it('when laps of another event are passed, then they are ignored and not counted', () => {
    const board = rankLaps(
      EVENT,
      [lap({ driverGuid: A, lapTimeMs: 61_000, eventId: 'season1#event9' }), lap({ driverGuid: B, lapTimeMs: 62_000 })],
      [],
    );
    expect(board.rows.map((r) => r.driverGuid)).toEqual([B]);
    expect(board.lapCount).toBe(1);
  });

  it('when there are no laps, then the board is empty', () => {
    expect(rankLaps(EVENT, [], [])).toEqual({ eventId: EVENT, rows: [], lapCount: 0 });
  });

  it('when ranking the Suzuka practice where only one driver had a clean lap, then one row remains', () => {
    const board = rankLaps(EVENT, fixtureLaps('2019_3_2_14_41_PRACTICE.json'), []);
    expect(board.rows).toHaveLength(1);
    expect(board.lapCount).toBe(8);
  });

  it('when ranking a qualifying re-saved by a manager, then the order matches acServer own BestLap per GUID', () => {
    const file = '2019_3_2_21_49_QUALIFY.json';
    const raw = rawResults(resultsFixture(file).bytes);
    const best = new Map<string, { time: number; car: string }>();
    for (const r of raw.Result) {
      // 999999999 is acServer's "no lap"; a manager writes 0.
      if (r.DriverGuid === '' || r.BestLap <= 0 || r.BestLap >= 999_999_999) continue;
      if ((best.get(r.DriverGuid)?.time ?? Infinity) > r.BestLap)
        best.set(r.DriverGuid, { time: r.BestLap, car: r.CarModel });
    }
    const board = rankLaps(EVENT, fixtureLaps(file), []);
    expect(board.rows.map((r) => [r.driverGuid, r.lapTimeMs, r.carModel])).toEqual(
      [...best.entries()].sort((a, b) => a[1].time - b[1].time).map(([guid, b]) => [guid, b.time, b.car]),
    );
    expect(board.rows[0]!.gapMs).toBe(0);
    expect(board.rows[1]!.gapMs).toBe(board.rows[1]!.lapTimeMs - board.rows[0]!.lapTimeMs);
  });
});
