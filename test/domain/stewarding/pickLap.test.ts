import { pickLap, strikableLaps } from '../../../src/domain/stewarding/pickLap';
import { resolveDriver } from '../../../src/domain/stewarding/resolveDriver';
import { A, B, EVENT, lap } from './lapFactory';

describe('pickLap', () => {
  const fast = lap({ driverGuid: A, lapTimeMs: 100_000, recordedAt: '2019-03-02T19:00:00.000Z' });
  const sameTimeLater = lap({ driverGuid: A, lapTimeMs: 100_000, recordedAt: '2019-03-02T20:00:00.000Z' });
  const cut = lap({ driverGuid: A, lapTimeMs: 90_000, cuts: 1, valid: false });
  const slow = lap({ driverGuid: A, lapTimeMs: 105_000 });
  const other = lap({ driverGuid: B, lapTimeMs: 80_000 });
  const laps = [sameTimeLater, cut, slow, fast, other];

  it("when no lap is named, then the driver's best valid lap is picked, the one set first on a tie", () => {
    expect(pickLap(EVENT, laps, A)).toBe(fast);
  });

  it("when a lap key is named, then exactly that lap of that driver is picked, and another driver's key is not", () => {
    expect(pickLap(EVENT, laps, A, slow.lapKey)).toBe(slow);
    expect(pickLap(EVENT, laps, A, other.lapKey)).toBeUndefined();
  });

  it("when a lap time is named, then the driver's valid lap with that time is picked, the first set", () => {
    expect(pickLap(EVENT, laps, A, '1:40.000')).toBe(fast);
    expect(pickLap(EVENT, laps, A, '1:45.000')).toBe(slow);
    expect(pickLap(EVENT, laps, A, '1:44.000')).toBeUndefined();
  });

  it('when listing what can be struck, then only valid laps come, fastest first', () => {
    expect(strikableLaps(laps, A).map((l) => l.lapTimeMs)).toEqual([100_000, 100_000, 105_000]);
  });
});

describe('resolveDriver', () => {
  const known = [
    { driverGuid: A, driverName: 'Jérôme' },
    { driverGuid: B, driverName: 'Twin' },
    { driverGuid: '76561198000000009', driverName: 'twin ' },
  ];

  it('when a known GUID or a unique name (any case) is given, then that driver is meant', () => {
    expect(resolveDriver(A, known)).toEqual(known[0]);
    expect(resolveDriver(' jérôme ', known)).toEqual(known[0]);
  });

  it('when an unknown GUID is given, then it is taken as is; an unknown name is refused', () => {
    expect(resolveDriver('76561198000000042', known)).toEqual({ driverGuid: '76561198000000042', driverName: '' });
    expect(resolveDriver('Nobody', known)).toEqual({ error: expect.stringMatching(/no driver "Nobody"/) });
  });

  it('when a name fits two drivers, then the steward is asked for the GUID', () => {
    expect(resolveDriver('TWIN', known)).toEqual({ error: expect.stringContaining(`${B}, 76561198000000009`) });
  });
});
