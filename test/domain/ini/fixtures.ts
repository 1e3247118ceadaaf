import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const AC_CONFIG_DIR = join(__dirname, '../../../../shared/fixtures/ac-config');

export function acConfigFixtures(suffix: 'server_cfg.ini' | 'entry_list.ini'): Array<[string, string]> {
  return readdirSync(AC_CONFIG_DIR)
    .filter((f) => f.endsWith(suffix))
    .sort()
    .map((f) => [f, readFileSync(join(AC_CONFIG_DIR, f), 'utf8')]);
}

export function readAcConfig(name: string): string {
  return readFileSync(join(AC_CONFIG_DIR, name), 'utf8');
}
