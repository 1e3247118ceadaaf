import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LoadedConfig } from './cfg';

/**
 * Writes a results file the way acServer does at the end of a session: results/<Y>_<M>_<D>_<h>_<m>_PRACTICE.json
 * (local time, no zero padding) with the cars of the entry list and no laps. A second file in the
 * same minute gets a suffix instead of overwriting the first (tests restart the fake quickly).
 */
export function writeResults(dir: string, cfg: LoadedConfig, now = new Date()): string {
  const folder = path.join(dir, 'results');
  mkdirSync(folder, { recursive: true });
  const stamp = [now.getFullYear(), now.getMonth() + 1, now.getDate(), now.getHours(), now.getMinutes()].join('_');
  let name = `${stamp}_PRACTICE.json`;
  for (let n = 2; existsSync(path.join(folder, name)); n++) name = `${stamp}_PRACTICE_${n}.json`;
  const body = {
    TrackName: cfg.track,
    TrackConfig: cfg.layout,
    Type: 'PRACTICE',
    DurationSecs: 0,
    RaceLaps: 0,
    Cars: cfg.entryList.map((e, i) => ({
      CarId: i,
      Driver: { Name: '', Team: '', Nation: '', Guid: e.guid, GuidsList: [] },
      Model: e.model,
      Skin: e.skin,
      BallastKG: 0,
      Restrictor: 0,
    })),
    Result: [],
    Laps: [],
    Events: [],
  };
  const file = path.join(folder, name);
  writeFileSync(`${file}.tmp`, JSON.stringify(body, null, 2));
  renameSync(`${file}.tmp`, file);
  return file;
}
