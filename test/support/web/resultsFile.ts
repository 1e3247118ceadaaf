import { writeFileSync } from 'node:fs';
import path from 'node:path';

export interface LapSpec {
  guid: string;
  name: string;
  car: string;
  sectors: number[];
  cuts?: number;
  tyre?: string;
}

/** An acServer results file (raw shape: Cars, Result, Laps) with these laps, written under `name`. */
export function writeResultsFile(
  dir: string,
  name: string,
  spec: { track: string; layout: string; laps: LapSpec[] },
): string {
  const drivers = [...new Map(spec.laps.map((l) => [`${l.guid}|${l.car}`, l])).values()];
  const cars = drivers.map((d, i) => ({
    CarId: i,
    Driver: { Name: d.name, Team: '', Nation: '', Guid: d.guid, GuidsList: [d.guid] },
    Model: d.car,
    Skin: 'red',
    BallastKG: 0,
    Restrictor: 0,
  }));
  const carId = (l: LapSpec) => drivers.findIndex((d) => d.guid === l.guid && d.car === l.car);
  let ts = 100_000;
  const laps = spec.laps.map((l) => ({
    DriverName: l.name,
    DriverGuid: l.guid,
    CarId: carId(l),
    CarModel: l.car,
    Timestamp: (ts += 95_000),
    LapTime: l.sectors.reduce((a, b) => a + b, 0),
    Sectors: l.sectors,
    Cuts: l.cuts ?? 0,
    BallastKG: 0,
    Tyre: l.tyre ?? 'SM',
    Restrictor: 0,
  }));
  const result = drivers.map((d, i) => ({
    DriverName: d.name,
    DriverGuid: d.guid,
    CarId: i,
    CarModel: d.car,
    BestLap: 999999999,
    TotalTime: 0,
    BallastKG: 0,
    Restrictor: 0,
  }));
  const body = {
    TrackName: spec.track,
    TrackConfig: spec.layout,
    Type: 'PRACTICE',
    DurationSecs: 3600,
    RaceLaps: 0,
    Cars: cars,
    Result: result,
    Laps: laps,
    Events: null,
  };
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(body, null, '\t'));
  return file;
}
