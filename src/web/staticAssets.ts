import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * Beside this module (src/web/, or dist/src/web/ where the build copies it), or, in the one-file
 * build (dist/bot.js, where __dirname is dist/), the copy under dist/src/web/.
 */
function staticDir(): string {
  const beside = path.join(__dirname, 'static');
  return existsSync(beside) ? beside : path.join(__dirname, 'src', 'web', 'static');
}

/**
 * The static folder, read once at start into memory. A request names an asset by its file name and
 * gets it from this map: no part of a URL ever becomes a file-system path.
 */
export function loadStaticAssets(dir = staticDir()): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const name of readdirSync(dir)) {
    const type = TYPES[path.extname(name)];
    const file = path.join(dir, name);
    if (!type || !statSync(file).isFile()) continue;
    const body = readFileSync(file);
    assets.set(name, { body, type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"` });
  }
  return assets;
}
