import path from 'node:path';

export class PathEscapeError extends Error {}

/**
 * Joins segments under root and refuses any result outside it. Ids are already INI-safe (no
 * separators, no '..'), so this is the second lock on the same door: a path built from a
 * config or Discord value can never leave the acServer folder.
 */
export function insideFolder(root: string, ...segments: string[]): string {
  const base = path.resolve(root);
  const target = path.resolve(base, ...segments);
  const rel = path.relative(base, target);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new PathEscapeError(`refusing path ${JSON.stringify(segments.join('/'))}: it is not inside ${base}`);
  }
  return target;
}
