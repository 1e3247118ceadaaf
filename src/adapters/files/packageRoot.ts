import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The folder holding the bot's package.json, found by walking up from `from`: the same answer
 * whether this code runs from the sources (src/...) or compiled (dist/src/...), so files shipped
 * beside the code (examples/) resolve in both.
 */
export function packageRoot(from = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}: is the bot installed whole?`);
  }
}
