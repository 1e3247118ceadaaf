import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes `files` results files in acServer's raw shape (tab-indented, the key order of real
 * files, 3 sectors, some cut laps, an empty slot, Events null) with `driversPerFile` x
 * `lapsPerDriver` laps each, spread over the days of `start`..: one session every 30 minutes.
 */
export function generateResults(
  dir: string,
  opts: {
    files: number;
    driversPerFile: number;
    lapsPerDriver: number;
    track: string;
    layout: string;
    start: Date;
    /** Drivers are numbered driverOffset + 0..driverPool-1 (default 0 and 120). */
    driverPool?: number;
    driverOffset?: number;
  },
): { laps: number } {
  mkdirSync(dir, { recursive: true });
  let laps = 0;
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let f = 0; f < opts.files; f++) {
    const t = new Date(opts.start.getTime() + f * 30 * 60_000);
    const name = `${t.getUTCFullYear()}_${t.getUTCMonth() + 1}_${t.getUTCDate()}_${t.getUTCHours()}_${t.getUTCMinutes()}_PRACTICE.json`;
    const drivers = Array.from({ length: opts.driversPerFile }, (_, i) => {
      const n = (opts.driverOffset ?? 0) + ((f * 7 + i) % (opts.driverPool ?? 120)); // 120 distinct drivers by default
      return {
        guid: String(76561198000000000n + BigInt(n)),
        name: `Driver ${n}`,
        model: i % 2 ? 'ks_mazda_mx5_cup' : 'bmw_m3_e30',
      };
    });
    const cars = drivers.map((d, i) => ({
      CarId: i,
      Driver: { Name: d.name, Team: '', Nation: '', Guid: d.guid, GuidsList: [d.guid] },
      Model: d.model,
      Skin: '00_official',
      BallastKG: 0,
      Restrictor: 0,
    }));
    cars.push({
      CarId: drivers.length,
      Driver: { Name: '', Team: '', Nation: '', Guid: '', GuidsList: [] },
      Model: 'bmw_m3_e30',
      Skin: '',
      BallastKG: 0,
      Restrictor: 0,
    });
    const lapRows = [];
    let ts = 100_000 + f * 3_600_000; // server uptime keeps growing across sessions
    for (let l = 0; l < opts.lapsPerDriver; l++) {
      for (const [i, d] of drivers.entries()) {
        const s: [number, number, number] = [
          31000 + Math.floor(rand() * 3000),
          42000 + Math.floor(rand() * 3000),
          27000 + Math.floor(rand() * 2000),
        ];
        ts += 1000 + Math.floor(rand() * 500);
        lapRows.push({
          DriverName: d.name,
          DriverGuid: d.guid,
          CarId: i,
          CarModel: d.model,
          Timestamp: ts,
          LapTime: s[0] + s[1] + s[2],
          Sectors: s,
          Cuts: rand() < 0.2 ? 1 : 0,
          BallastKG: 0,
          Tyre: 'SM',
          Restrictor: 0,
        });
      }
    }
    laps += lapRows.length;
    const results = cars.map((c) => ({
      DriverName: c.Driver.Name,
      DriverGuid: c.Driver.Guid,
      CarId: c.CarId,
      CarModel: c.Model,
      BestLap: 999999999,
      TotalTime: 0,
      BallastKG: 0,
      Restrictor: 0,
    }));
    const body = {
      TrackName: opts.track,
      TrackConfig: opts.layout,
      Type: 'PRACTICE',
      DurationSecs: 3600,
      RaceLaps: 0,
      Cars: cars,
      Result: results,
      Laps: lapRows,
      Events: null,
    };
    writeFileSync(path.join(dir, name), JSON.stringify(body, null, '\t'));
  }
  return { laps };
}
