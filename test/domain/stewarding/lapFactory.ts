import type { Lap } from '../../../src/domain/types';

export const EVENT = 'season1#event2';
export const A = '76561198000000001';
export const B = '76561198000000002';
export const C = '76561198000000003';

let stamp = 0;

/** A valid lap of EVENT; the key is `<guid>#<Timestamp>` unless given (file-suffixed keys are tested). */
export function lap(over: Partial<Lap> & { driverGuid: string; lapTimeMs: number }): Lap {
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
    track: 'suzuka',
    trackConfig: 'suzukagp',
    resultFile: 'f.json',
    sessionTime: '2019-03-02T18:00:00.000Z',
    recordedAt: '2019-03-02T18:00:00.000Z',
    ...over,
    lapTimestamp,
  };
}
