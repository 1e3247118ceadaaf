// A small acServer results file written by a test, for cases the real fixtures do not hold.

export interface SessionCar {
  carId: number;
  name: string;
  guid: string;
}

export interface SessionLap {
  carId: number;
  name: string;
  /** the DriverGuid on the lap: a real GUID, '' or the kicked marker */
  guid: string;
  ms: number;
  /** Timestamp: ms of server uptime */
  ts: number;
  cuts?: number;
}

/** The JSON acServer writes for a PRACTICE session on `track` (layout '' unless given). */
export function sessionResults(opts: {
  track: string;
  layout?: string;
  cars: SessionCar[];
  laps: SessionLap[];
}): Buffer {
  const model = 'ks_mazda_mx5_cup';
  const best = (carId: number) =>
    Math.min(999999999, ...opts.laps.filter((l) => l.carId === carId && !l.cuts).map((l) => l.ms));
  const json = {
    TrackName: opts.track,
    TrackConfig: opts.layout ?? '',
    Type: 'PRACTICE',
    DurationSecs: 3600,
    RaceLaps: 0,
    Cars: opts.cars.map((c) => ({
      CarId: c.carId,
      Driver: { Name: c.name, Team: '', Nation: '', Guid: c.guid, GuidsList: [c.guid] },
      Model: model,
      Skin: '00_official',
      BallastKG: 0,
      Restrictor: 0,
    })),
    Result: opts.cars.map((c) => ({
      DriverName: c.name,
      DriverGuid: c.guid,
      CarId: c.carId,
      CarModel: model,
      BestLap: best(c.carId),
      TotalTime: 0,
      BallastKG: 0,
      Restrictor: 0,
    })),
    Laps: opts.laps.map((l) => ({
      DriverName: l.name,
      DriverGuid: l.guid,
      CarId: l.carId,
      CarModel: model,
      Timestamp: l.ts,
      LapTime: l.ms,
      Sectors: [Math.floor(l.ms / 2), l.ms - Math.floor(l.ms / 2)],
      Cuts: l.cuts ?? 0,
      BallastKG: 0,
      Tyre: 'SM',
      Restrictor: 0,
    })),
    Events: null,
  };
  return Buffer.from(JSON.stringify(json, null, '\t'));
}
