import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FIXTURES } from '../../../support/fixtures';

/** The project's own config files (test/data/ac-config); the real ones are read by test/real/. */
export const AC_CONFIG_DIR = CONFIG_FIXTURES;

export function acConfigFixtures(
  suffix: 'server_cfg.ini' | 'entry_list.ini',
  dir = AC_CONFIG_DIR,
): Array<[string, string]> {
  return readdirSync(dir)
    .filter((f) => f.endsWith(suffix))
    .sort()
    .map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
}

export function readAcConfig(name: string): string {
  return readFileSync(join(AC_CONFIG_DIR, name), 'utf8');
}
