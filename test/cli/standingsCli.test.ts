import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCliCaptured as run } from '../support/runCliCaptured';
import { sessionResults } from '../support/sessionResults';
import { present } from '../support/present';

const G = (n: number) => `7656119800000000${n}`;
const NAMES = ['Ash', 'Bea', 'Dee', 'Fay'];
const CARS = NAMES.map((name, i) => ({ carId: i, name, guid: G(i + 1) }));
const lap = (i: number, ms: number, ts: number) => ({ ...present(CARS[i], `car ${i}`), ms, ts });

/** season1 has run (fractional points, best 1 result counts); season2 starts in 2030. */
const CONFIG = {
  timeZone: 'UTC',
  seasons: [
    {
      id: 'season1',
      name: 'Season 1',
      pointsTable: [0.3, 0.2, 0.1],
      bestOf: 1,
      events: [
        { id: 'event1', name: 'Monza', track: 'monza', cars: ['ks_mazda_mx5_cup'], start: '2024-05-01T00:00' },
        { id: 'event2', name: 'Spa', track: 'spa', cars: ['ks_mazda_mx5_cup'], start: '2024-05-08T00:00' },
      ],
    },
    {
      id: 'season2',
      name: 'Season 2',
      events: [{ id: 'event1', name: 'Imola', track: 'imola', cars: ['ks_mazda_mx5_cup'], start: '2030-01-01T00:00' }],
    },
  ],
};

function setup() {
  const dir = mkdtempSync(path.join(tmpdir(), 'cli-standings-'));
  writeFileSync(path.join(dir, 'seasonConfig.json'), JSON.stringify(CONFIG));
  const results = path.join(dir, 'results');
  mkdirSync(results);
  // Ash and Bea win one each (0.3); Dee P2 + P3 and Fay P3 + P2: best 1 counts, so 0.2 each.
  writeFileSync(
    path.join(results, '2024_5_1_20_0_PRACTICE.json'),
    sessionResults({ track: 'monza', cars: CARS, laps: [lap(0, 100_000, 1), lap(2, 100_500, 2), lap(3, 100_650, 3)] }),
  );
  writeFileSync(
    path.join(results, '2024_5_8_20_0_PRACTICE.json'),
    sessionResults({
      track: 'spa',
      cars: CARS,
      laps: [lap(1, 100_000, 1), lap(3, 100_700, 2), lap(2, 100_800, 3), lap(0, 105_000, 4)],
    }),
  );
  return {
    dir,
    results,
    env: {
      DATA_DIR: dir,
      RESULTS_DIR: results,
      SEASON_CONFIG: path.join(dir, 'seasonConfig.json'),
      LOG_LEVEL: 'silent',
    },
  };
}

describe('npm run cli -- standings', () => {
  it('when results are ingested with the CLI, then the standings files are written and `standings --json` prints the same object', async () => {
    const { dir, results, env } = setup();
    expect((await run(['ingest', results], env)).code).toBe(0);

    const seasonFile = path.join(dir, 'standings', 'season1.json');
    expect(existsSync(seasonFile)).toBe(true);
    const written = JSON.parse(readFileSync(path.join(dir, 'seasonStandings.json'), 'utf8'));
    expect(written).toEqual(JSON.parse(readFileSync(seasonFile, 'utf8')));
    expect(written.seasonId).toBe('season1'); // the season of the running event
    expect(written.rows.map((r: { driver: string; total: number }) => [r.driver, r.total])).toEqual([
      ['Bea', 0.3],
      ['Ash', 0.3],
      ['Dee', 0.2],
      ['Fay', 0.2],
    ]);

    const shown = await run(['standings', '--json'], env);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.out)).toEqual(written);
    expect(JSON.parse((await run(['standings', 'season2', '--json'], env)).out)).toMatchObject({
      seasonId: 'season2',
      rows: [],
    });
  });

  it('when `standings` runs without --json, then it prints a table with exact points, dropped results in brackets', async () => {
    const { results, env } = setup();
    await run(['ingest', results], env);
    const r = await run(['standings'], env);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('Season 1 (season1): best 1 result counts, dropped results in [brackets]');
    expect(lines).toContain('R1 Monza · R2 Spa');
    const row = (name: string) =>
      lines
        .find((l) => l.includes(` ${name} `))
        ?.trim()
        .split(/\s{2,}/);
    expect(row('Bea')).toEqual(['1', 'Bea', '0.3', '1', '1', '100', 'averagePercent', '–', 'P1 0.3']);
    expect(row('Ash')).toEqual(['2', 'Ash', '0.3', '1', '1', '102.5', 'averagePercent', 'P1 0.3', '[P4 0]']);
    expect(row('Dee')).toEqual(['3', 'Dee', '0.2', '0', '2', '100.65', 'averagePercent', 'P2 0.2', '[P3 0.1]']);
    expect(row('Fay')).toEqual(['4', 'Fay', '0.2', '0', '2', '100.675', 'averagePercent', '[P3 0.1]', 'P2 0.2']);
    expect(r.out).not.toMatch(/\d\.\d{5,}/);
  });

  it('when the season is unknown or has no result, then it says so: exit code 1 with the season ids, or "No results yet."', async () => {
    const { env } = setup();
    const unknown = await run(['standings', 'season9'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/unknown season "season9".*season1, season2/);
    const empty = await run(['standings', 'season2'], env);
    expect(empty.code).toBe(0);
    expect(empty.out).toMatch(/^Season 2 \(season2\)\nR1 Imola\n\nNo results yet\.$/);
  });
});
