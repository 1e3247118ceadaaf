/** One lap row of a results file; unspecified fields get plausible acServer values. */
export interface RawLap {
  DriverName: string;
  DriverGuid: string;
  CarId: number;
  CarModel: string;
  Timestamp: number;
  LapTime: number;
  Sectors: number[];
  Cuts: number;
  Tyre: string;
}

export const rawLap = (over: Partial<RawLap> = {}): RawLap => ({
  DriverName: 'Driver A',
  DriverGuid: '76561198000000001',
  CarId: 0,
  CarModel: 'ks_mazda_mx5_cup',
  Timestamp: 100_000,
  LapTime: 130_000,
  Sectors: [40_000, 50_000, 40_000],
  Cuts: 0,
  Tyre: 'SM',
  ...over,
});

/** A results file in acServer's shape holding `laps` (Suzuka GP unless told otherwise). */
export function resultsBytes(laps: RawLap[], track = { TrackName: 'suzuka', TrackConfig: 'suzukagp' }): Buffer {
  return Buffer.from(
    JSON.stringify({ ...track, Type: 'PRACTICE', Cars: [], Result: [], Laps: laps, Events: null }, null, '\t'),
  );
}
