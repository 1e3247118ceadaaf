import { promises as fs } from 'node:fs';
import path from 'node:path';

const strict = new TextDecoder('utf-8', { fatal: true });

/**
 * How a file name that is not valid UTF-8 is shown and recorded: bytes above 0x7f (and `%`) as
 * `%XX`, e.g. `2026_1_1_20_0_RACE_%E9.json` for a Latin-1 `é`. Stable, so the file is recognised
 * when it is read again.
 */
export function escapeFileName(name: Uint8Array): string {
  return Array.from(name, (c) =>
    c > 0x7f || c === 0x25 ? `%${c.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(c),
  ).join('');
}

export function isUtf8(name: Uint8Array): boolean {
  try {
    strict.decode(name);
    return true;
  } catch {
    return false;
  }
}

/**
 * `*.json` entries of `dir` whose names are not valid UTF-8. Node's string paths (and so the
 * folder watcher) cannot reach them; their bytes can.
 */
export async function nonUtf8Names(dir: string): Promise<Array<{ name: string; path: Buffer }>> {
  const names = await fs.readdir(dir, { encoding: 'buffer' });
  return names
    .filter((n) => !isUtf8(n) && n.subarray(-5).toString('latin1').toLowerCase() === '.json')
    .map((n) => ({ name: escapeFileName(n), path: Buffer.concat([Buffer.from(dir + path.sep), n]) }));
}
