import { passedDrivers } from '../../../src/domain/identity/passedDrivers';
import { recordLost, trackRecord } from '../../../src/domain/identity/trackRecord';
import { rankLaps } from '../../../src/domain/leaderboard/rankLaps';
import type { Lap } from '../../../src/domain/types';
import { A, B, C, EVENT, lap } from '../stewarding/lapFactory';

const D = '76561198000000004';
const board = (laps: Lap[], eventId = EVENT) => rankLaps(eventId, laps, []);

describe('passedDrivers', () => {
  const a = lap({ driverGuid: A, lapTimeMs: 100_000 });
  const b = lap({ driverGuid: B, lapTimeMs: 101_000 });
  const c = lap({ driverGuid: C, lapTimeMs: 102_000 });

  it('when a driver from behind goes ahead, then everyone they passed is told who passed them', () => {
    const before = board([a, b, c]);
    const after = board([a, b, c, lap({ driverGuid: C, lapTimeMs: 99_000 })]);
    expect(passedDrivers(before, after)).toEqual([
      { driverGuid: A, from: 1, to: 2, by: [{ driverGuid: C, driverName: 'name-3', lapTimeMs: 99_000 }] },
      { driverGuid: B, from: 2, to: 3, by: [{ driverGuid: C, driverName: 'name-3', lapTimeMs: 99_000 }] },
    ]);
  });

  it('when a newcomer lands ahead of some drivers, then only those behind the newcomer were passed', () => {
    const after = board([a, b, c, lap({ driverGuid: D, lapTimeMs: 100_500 })]);
    expect(passedDrivers(board([a, b, c]), after).map((p) => [p.driverGuid, p.from, p.to])).toEqual([
      [B, 2, 3],
      [C, 3, 4],
    ]);
  });

  it('when a driver improves without passing anyone, or a driver leaves the board, then nobody was passed', () => {
    expect(passedDrivers(board([a, b, c]), board([a, b, c, lap({ driverGuid: B, lapTimeMs: 100_900 })]))).toEqual([]);
    expect(passedDrivers(board([a, b, c]), board([b, c]))).toEqual([]);
  });
});

describe('trackRecord', () => {
  it('when several events ran on the track, then the fastest leader holds the record, the first set on a tie', () => {
    const e1 = board(
      [lap({ eventId: 's#e1', driverGuid: A, lapTimeMs: 100_000, recordedAt: '2019-01-01T00:00:00.000Z' })],
      's#e1',
    );
    const e2 = board(
      [lap({ eventId: 's#e2', driverGuid: B, lapTimeMs: 100_000, recordedAt: '2019-02-01T00:00:00.000Z' })],
      's#e2',
    );
    expect(trackRecord([e2, e1])).toMatchObject({ driverGuid: A, eventId: 's#e1' });
    expect(trackRecord([board([])])).toBeNull();
  });

  it('when someone else goes faster, then the holder lost it; the holder improving is no loss', () => {
    const held = { driverGuid: A, driverName: 'a', lapTimeMs: 100_000, eventId: 'x', recordedAt: '' };
    expect(recordLost(held, { ...held, driverGuid: B, lapTimeMs: 99_999 })).toEqual({
      holder: held,
      by: { ...held, driverGuid: B, lapTimeMs: 99_999 },
    });
    expect(recordLost(held, { ...held, lapTimeMs: 99_000 })).toBeNull();
    expect(recordLost(null, held)).toBeNull();
  });
});
