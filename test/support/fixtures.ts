import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * The project's own acServer files (test/data/README.md): made up, shaped like real output and
 * carrying its traps. Every default suite reads these, so a fresh clone tests on its own.
 */
export const RESULTS_FIXTURES = path.resolve(__dirname, '../data/ac-results');
export const CONFIG_FIXTURES = path.resolve(__dirname, '../data/ac-config');

// Real files copied from public projects are kept outside the repository, in shared/fixtures beside
// the project root. Only this file knows where; the suites over them live in test/real/ and
// jest.config.js includes that folder only when realFixturesDir() finds it.
const SHARED_FIXTURES = path.resolve(__dirname, '../../../shared/fixtures');

/** The folder of real fixtures (ac-results/, ac-config/), or null when this checkout has none. */
export function realFixturesDir(): string | null {
  return existsSync(path.join(SHARED_FIXTURES, 'ac-results')) && existsSync(path.join(SHARED_FIXTURES, 'ac-config'))
    ? SHARED_FIXTURES
    : null;
}

/** Why the real fixtures are not available (naming where they were looked for), or null when they are. */
export function realFixturesMissing(): string | null {
  return realFixturesDir() ? null : `no real acServer fixtures (ac-results/, ac-config/) in ${SHARED_FIXTURES}`;
}

/** The real fixture folders; throws (never skips) when they are missing. */
export function realFixtures(): { results: string; config: string } {
  const dir = realFixturesDir();
  if (!dir) throw new Error(`the suites in test/real/ need them: ${realFixturesMissing()}`);
  return { results: path.join(dir, 'ac-results'), config: path.join(dir, 'ac-config') };
}

/** A results file by the end of its name, e.g. '2019_2_15_22_3_QUALIFY.json' (project data unless `dir`). */
export function resultsFixture(suffix: string, dir = RESULTS_FIXTURES): { path: string; name: string; bytes: Buffer } {
  const name = readdirSync(dir).find((f) => f.endsWith(suffix));
  if (!name) throw new Error(`no results fixture ending in ${suffix} in ${dir}`);
  const file = path.join(dir, name);
  return { path: file, name, bytes: readFileSync(file) };
}

/** A results file's JSON as written, read independently of the bot's parser (a BOM is not JSON). */
export function rawResults<T = RawResults>(bytes: Buffer): T {
  return JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, '')) as T;
}

export interface RawLap {
  DriverName: string;
  DriverGuid: string;
  CarId: number;
  CarModel: string;
  Timestamp: number;
  LapTime: number;
  Cuts: number;
  Tyre?: string;
}
export interface RawResults {
  TrackName: string;
  TrackConfig: string;
  Type: 'PRACTICE' | 'QUALIFY' | 'RACE';
  Laps: RawLap[];
  Result: Array<{ DriverName: string; DriverGuid: string; CarId: number; CarModel: string; BestLap: number }>;
}

/** acServer's marker for laps of kicked drivers: not a driver to rank. */
export const RAW_KICKED_GUID = '$#@@!$kicked';

/** The name acServer would give a fixture: an `Owner__repo__` prefix (real fixtures) removed. */
export function acServerName(fixtureName: string): string {
  return fixtureName.split('__').pop()!;
}

/** One config set's files: `<set>__server_cfg.ini` and `<set>__entry_list.ini` in `dir`. */
export function configFixture(set: string, file: 'server_cfg.ini' | 'entry_list.ini', dir = CONFIG_FIXTURES): string {
  return path.join(dir, `${set}__${file}`);
}

/** The config sets in `dir`, e.g. 'crlf-plugin'. */
export function configSets(dir = CONFIG_FIXTURES): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('__server_cfg.ini'))
    .map((f) => f.replace(/__server_cfg\.ini$/, ''))
    .sort();
}
