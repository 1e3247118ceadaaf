import type { z } from 'zod';
import { configErrorMap } from '../text/schemaKit';

// Errors for seasonConfig.json that name the file, the JSON path and what is wrong.

export interface SeasonConfigProblem {
  /** JSON path such as `seasons[0].events[2].start`; '' for the file as a whole */
  path: string;
  message: string;
}

/** Thrown by parseSeasonConfig; `message` has one line per problem, all of them. */
export class SeasonConfigError extends Error {
  override readonly name = 'SeasonConfigError';

  constructor(
    readonly source: string,
    readonly problems: SeasonConfigProblem[],
  ) {
    super(problems.map((p) => `${source}: ${p.path === '' ? '' : `${p.path}: `}${p.message}`).join('\n'));
  }
}

/**
 * A JSON config file checked by a zod schema (a byte order mark is accepted); throws
 * SeasonConfigError with every problem, or the JSON syntax mistake with its line and column.
 */
export function parseConfigJson<T extends z.ZodTypeAny>(text: string, source: string, schema: T): z.output<T> {
  const clean = text.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(clean);
  } catch (e) {
    throw new SeasonConfigError(source, [jsonSyntaxProblem(clean, e)]);
  }
  const result = schema.safeParse(data, { errorMap: configErrorMap });
  if (result.success) return result.data as z.output<T>;
  throw new SeasonConfigError(
    source,
    result.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
  );
}

/** `['seasons', 0, 'events', 2, 'start']` -> `seasons[0].events[2].start` */
export function formatPath(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/** Turns a JSON.parse failure into a problem with the line and column of the mistake. */
export function jsonSyntaxProblem(text: string, error: unknown): SeasonConfigProblem {
  if (text.trim() === '')
    return { path: '', message: 'is empty: it must hold a JSON object (see examples/seasonConfig.json)' };
  const raw = error instanceof Error ? error.message : String(error);
  const stated = /at position (\d+)/.exec(raw);
  const position = stated ? Number(stated[1]) : raw.startsWith('Unexpected end') ? text.length : locateJsonError(text);
  const reason = raw
    .replace(/ in JSON at position \d+.*$/, '')
    .replace(/, (\.\.\.)?".*" is not valid JSON$/s, '')
    // eslint-disable-next-line no-control-regex -- control characters are what this escapes
    .replace(/[\u0000-\u001f]/g, (c) => JSON.stringify(c).slice(1, -1));
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return { path: '', message: `is not valid JSON: ${reason} at line ${line}, column ${column}` };
}

// Some V8 messages ("Unexpected token 'x', ...") carry no position. The shortest prefix that
// fails for a reason other than running out of input ends just after the mistake.
function locateJsonError(text: string): number {
  const failsBeforeEnd = (k: number): boolean => {
    try {
      JSON.parse(text.slice(0, k));
      return false;
    } catch (e) {
      const m = e instanceof Error ? e.message : '';
      if (m.startsWith('Unexpected end of JSON input')) return false;
      const at = /at position (\d+)/.exec(m);
      return at ? Number(at[1]) < k : true;
    }
  };
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (failsBeforeEnd(mid)) hi = mid;
    else lo = mid + 1;
  }
  return Math.max(0, Math.min(lo, text.length) - 1);
}
