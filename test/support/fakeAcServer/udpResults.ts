import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { KICKED_GUID, NO_LAP_TIME } from '../../../src/domain/types';

export interface PeerCar {
  carId: number;
  name: string;
  guid: string;
  model: string;
  skin?: string;
  team?: string;
}

export interface PeerLap {
  car: PeerCar;
  /** ms of the fake server's uptime, like acServer's Laps[].Timestamp */
  timestamp: number;
  lapTimeMs: number;
  cuts: number;
  sectors: number[];
  tyre: string;
  /** The driver was kicked later in the session: acServer writes the kicked marker as GUID. */
  kicked: boolean;
}

export interface PeerSessionResults {
  track: string;
  trackConfig: string;
  type: 'PRACTICE' | 'QUALIFY' | 'RACE';
  durationSecs: number;
  slots: number;
  /** Every driver seen in the session by slot (acServer keeps them after they leave). */
  cars: Map<number, PeerCar>;
  laps: PeerLap[];
}

/**
 * Writes `<Y>_<M>_<D>_<h>_<m>_<TYPE>.json` (UTC, no zero padding) in real acServer's shape: tab
 * indentation, no trailing newline, every slot in Cars/Result, Events null. A name already taken
 * moves to the next minute, so two sessions ending in one minute do not overwrite each other.
 */
export function writePeerResults(dir: string, s: PeerSessionResults, now: Date): string {
  mkdirSync(dir, { recursive: true });
  let t = new Date(now);
  const name = () =>
    `${t.getUTCFullYear()}_${t.getUTCMonth() + 1}_${t.getUTCDate()}_${t.getUTCHours()}_${t.getUTCMinutes()}_${s.type}.json`;
  while (existsSync(path.join(dir, name()))) t = new Date(t.getTime() + 60_000);
  const slots = Array.from(
    { length: s.slots },
    (_, carId) => s.cars.get(carId) ?? { carId, name: '', guid: '', model: 'ks_mazda_mx5_cup' },
  );
  const best = (c: PeerCar) =>
    Math.min(
      NO_LAP_TIME,
      ...s.laps.filter((l) => l.car.carId === c.carId && l.car.guid === c.guid && l.cuts === 0).map((l) => l.lapTimeMs),
    );
  const total = (c: PeerCar) =>
    s.laps.filter((l) => l.car.carId === c.carId && l.car.guid === c.guid).reduce((n, l) => n + l.lapTimeMs, 0);
  const body = {
    TrackName: s.track,
    TrackConfig: s.trackConfig,
    Type: s.type,
    DurationSecs: s.durationSecs,
    RaceLaps: 0,
    Cars: slots.map((c) => ({
      CarId: c.carId,
      Driver: { Name: c.name, Team: c.team ?? '', Nation: '', Guid: c.guid, GuidsList: [c.guid] },
      Model: c.model,
      Skin: c.skin ?? '',
      BallastKG: 0,
      Restrictor: 0,
    })),
    Result: slots
      .map((c) => ({
        DriverName: c.name,
        DriverGuid: c.guid,
        CarId: c.carId,
        CarModel: c.model,
        BestLap: best(c),
        TotalTime: total(c),
        BallastKG: 0,
        Restrictor: 0,
      }))
      .sort((a, b) => a.BestLap - b.BestLap),
    Laps: s.laps.map((l) => ({
      DriverName: l.car.name,
      DriverGuid: l.kicked ? KICKED_GUID : l.car.guid,
      CarId: l.car.carId,
      CarModel: l.car.model,
      Timestamp: l.timestamp,
      LapTime: l.lapTimeMs,
      Sectors: l.sectors,
      Cuts: l.cuts,
      BallastKG: 0,
      Tyre: l.tyre,
      Restrictor: 0,
    })),
    Events: null,
  };
  const file = path.join(dir, name());
  // acServer writes in place; a temp + rename keeps the tests' watcher from reading half a file.
  writeFileSync(`${file}.tmp`, JSON.stringify(body, null, '\t'));
  renameSync(`${file}.tmp`, file);
  return file;
}

/** Sectors that sum to the lap time, like acServer's. */
export function splitSectors(lapTimeMs: number, count = 3): number[] {
  const part = Math.floor(lapTimeMs / count);
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? lapTimeMs - part * (count - 1) : part));
}
