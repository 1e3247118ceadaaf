import { liveLap, isLiveLap, liveLapKey, type LiveLapInput } from '../../../src/domain/liveLaps/liveLap';
import { matchLiveLaps } from '../../../src/domain/liveLaps/matchLiveLaps';
import { lapsFromResults } from '../../../src/domain/results/lapsFromResults';
import { parseResults } from '../../../src/domain/results/parseResults';
import type { Lap } from '../../../src/domain/types';
import { resultsFixture } from '../../support/fixtures';

const EVENT = 'season1#event2';
const base: LiveLapInput = {
  eventId: EVENT,
  driverGuid: '76561198000000001',
  driverName: 'A',
  carModel: 'ks_mazda_mx5_cup',
  lapTimeMs: 100000,
  cuts: 0,
  track: 'suzuka',
  trackConfig: 'suzukagp',
  sessionType: 'PRACTICE',
  receivedAt: new Date('2024-05-12T19:00:00Z'),
  stamp: 1,
  sessionStart: null,
};
const live = (o: Partial<LiveLapInput>) => liveLap({ ...base, ...o });
const fileLap = (o: Partial<Lap>): Lap => ({
  ...live({}),
  lapKey: `${o.driverGuid ?? base.driverGuid}#${o.lapTimestamp ?? 5000}`,
  resultFile: 'f.json',
  lapTimestamp: 5000,
  sectorsMs: [50000, 50000],
  tyre: 'SM',
  ...o,
});

describe('liveLap', () => {
  it('when a lap has no cuts and a real GUID, then it is valid and keyed apart from file laps', () => {
    const lap = live({ stamp: 1715540400123 });
    expect(lap).toMatchObject({
      valid: true,
      lapKey: '76561198000000001#live#1715540400123',
      recordedAt: '2024-05-12T19:00:00.000Z',
      sectorsMs: [],
      tyre: null,
    });
    expect(isLiveLap(lap)).toBe(true);
    expect(isLiveLap({ lapKey: '76561198000000001#208494' })).toBe(false);
    expect(liveLapKey('g', 5)).toBe('g#live#5');
  });

  it('when a lap was cut, has no GUID or no time, then it is stored invalid', () => {
    expect(live({ cuts: 1 }).valid).toBe(false);
    expect(live({ driverGuid: '' }).valid).toBe(false);
    expect(live({ lapTimeMs: 0 }).valid).toBe(false);
  });
});

describe('matchLiveLaps', () => {
  it('when the file holds the same lap (driver, car, track, time), then the live lap is replaced by it', () => {
    const l = live({});
    const f = fileLap({});
    expect(matchLiveLaps([f], [l])).toEqual([{ live: l, file: f }]);
  });

  it('when driver, car, track, layout, session type or time (beyond 2 ms) differ, then nothing matches', () => {
    const l = live({});
    for (const o of [
      { driverGuid: 'x' },
      { carModel: 'bmw_m3_e30' },
      { track: 'monza' },
      { trackConfig: 'east' },
      { sessionType: 'RACE' as const },
      { lapTimeMs: 100003 },
    ]) {
      expect(matchLiveLaps([fileLap(o)], [l])).toEqual([]);
    }
    expect(matchLiveLaps([fileLap({ lapTimeMs: 100002, track: 'SUZUKA' })], [l])).toHaveLength(1);
    expect(matchLiveLaps([fileLap({ sessionType: 'RACE' })], [live({ sessionType: 'UNKNOWN' })])).toHaveLength(1);
  });

  it('when a driver did the same time twice, then each file lap replaces one live lap, never one twice', () => {
    const l1 = live({ stamp: 1 });
    const l2 = live({ stamp: 2, receivedAt: new Date('2024-05-12T19:02:00Z') });
    const f1 = fileLap({ lapTimestamp: 1000 });
    const f2 = fileLap({ lapTimestamp: 2000 });
    const f3 = fileLap({ lapTimestamp: 3000 });
    expect(matchLiveLaps([f3, f2, f1], [l2, l1])).toEqual([
      { live: l1, file: f1 },
      { live: l2, file: f2 },
    ]);
  });

  it('when two live laps are within tolerance, then each file lap takes the closest time', () => {
    const near = live({ stamp: 1, lapTimeMs: 100001 });
    const exact = live({ stamp: 2, lapTimeMs: 100000, receivedAt: new Date('2024-05-12T19:05:00Z') });
    const f = fileLap({ lapTimeMs: 100000 });
    expect(matchLiveLaps([f], [near, exact])).toEqual([{ live: exact, file: f }]);
  });

  it('when a results file is replayed as live laps, then every identified lap matches exactly one live lap', () => {
    const fx = resultsFixture('2019_3_2_17_27_PRACTICE.json');
    const parsed = parseResults(fx.bytes.toString('utf8'), fx.name);
    const file = lapsFromResults(parsed, {
      eventId: EVENT,
      sessionTime: '2019-03-02T17:27:00.000Z',
      resultFile: fx.name,
    });
    const lives = file.map((f, i) =>
      live({
        driverGuid: f.driverGuid,
        carModel: f.carModel,
        lapTimeMs: f.lapTimeMs,
        cuts: f.cuts,
        stamp: i,
        sessionType: 'PRACTICE',
      }),
    );
    const matches = matchLiveLaps(file, lives);
    expect(matches).toHaveLength(file.length);
    expect(new Set(matches.map((m) => m.live.lapKey)).size).toBe(file.length);
    for (const m of matches) expect(m.live.lapTimeMs).toBe(m.file.lapTimeMs);
  });
});
