import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** ../shared/fixtures beside the project root (read-only). */
export const SHARED_FIXTURES = path.resolve(__dirname, '../../../shared/fixtures');
export const RESULTS_FIXTURES = path.join(SHARED_FIXTURES, 'ac-results');
export const CONFIG_FIXTURES = path.join(SHARED_FIXTURES, 'ac-config');

/** A results fixture by the end of its name, e.g. '2019_2_15_22_3_QUALIFY.json'. */
export function resultsFixture(suffix: string): { path: string; name: string; bytes: Buffer } {
  const name = readdirSync(RESULTS_FIXTURES).find((f) => f.endsWith(suffix));
  if (!name) throw new Error(`no results fixture ending in ${suffix}`);
  const file = path.join(RESULTS_FIXTURES, name);
  return { path: file, name, bytes: readFileSync(file) };
}

/** The acServer name of a fixture: its `Owner__repo__` prefix removed. */
export function acServerName(fixtureName: string): string {
  return fixtureName.split('__').pop()!;
}
