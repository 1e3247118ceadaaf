import { z } from 'zod';

// Small zod helpers so config errors read like advice rather than zod internals.

/** A short JSON rendering of a value for an error message. */
export function show(value: unknown): string {
  const s = JSON.stringify(value) ?? String(value);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/**
 * z.object that reports every unknown key (with a "did you mean" hint) alongside the other
 * problems, and ignores keys starting with `_` or `$` so files can carry comments and `$schema`.
 */
export function strictObject<T extends z.ZodRawShape>(shape: T, typeMessage?: string) {
  const allowed = Object.keys(shape);
  return z.preprocess(
    (value, ctx) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
      const kept: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(value)) {
        if (key.startsWith('_') || key.startsWith('$')) continue;
        if (allowed.includes(key)) kept[key] = v;
        else ctx.addIssue({ code: 'custom', path: [key], message: unknownKey(key, allowed) });
      }
      return kept;
    },
    z.object(shape, typeMessage === undefined ? undefined : { invalid_type_error: typeMessage }),
  );
}

/** Pass to safeParse: plain-language messages for zod's built-in checks. */
export const configErrorMap: z.ZodErrorMap = (issue, ctx) => {
  // A message given where the schema was defined beats the generic wording below.
  if (ctx.defaultError !== z.defaultErrorMap(issue, { data: ctx.data as unknown, defaultError: '' }).message) {
    return { message: ctx.defaultError };
  }
  switch (issue.code) {
    case 'invalid_type':
      if (issue.received === 'undefined') return { message: 'is required' };
      return { message: `must be ${kind(issue.expected)}, got ${describe(ctx.data)}` };
    case 'too_small':
      if (issue.type === 'array')
        return { message: `must have at least ${String(issue.minimum)} entr${issue.minimum === 1 ? 'y' : 'ies'}` };
      if (issue.type === 'number') {
        return {
          message: `must be ${issue.inclusive ? 'at least' : 'more than'} ${String(issue.minimum)}, got ${show(ctx.data)}`,
        };
      }
      break;
    case 'too_big':
      if (issue.type === 'number') {
        return {
          message: `must be ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}, got ${show(ctx.data)}`,
        };
      }
      break;
    default:
      break; // every other issue keeps zod's wording
  }
  return { message: ctx.defaultError };
};

function kind(expected: string): string {
  const names: Record<string, string> = {
    string: 'a string',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'true or false',
    array: 'a list [...]',
    object: 'an object {...}',
    null: 'null',
  };
  return names[expected] ?? expected;
}

function describe(data: unknown): string {
  if (Array.isArray(data)) return 'a list';
  if (typeof data === 'object' && data !== null) return 'an object';
  return show(data);
}

function unknownKey(key: string, allowed: string[]): string {
  const near = allowed
    .map((a) => ({ a, d: editDistance(a.toLowerCase(), key.toLowerCase()) }))
    .filter((x) => x.d <= (key.length <= 3 ? 1 : 2))
    .sort((x, y) => x.d - y.d);
  if (near[0]) return `unknown key (did you mean ${show(near[0].a)}?)`;
  return `unknown key (allowed here: ${allowed.join(', ')}; keys starting with _ are comments)`;
}

/** Edits (insert, delete, replace, swap two neighbours) that turn a into b. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i]!;
      row[j] = Math.min(d[i - 1]![j]! + 1, row[j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * An array schema that reports items whose `key` repeats an earlier item's. It looks at the raw
 * input, so duplicates are reported even when other parts of the items are invalid.
 */
export function arrayWithUniqueKey<T extends z.ZodTypeAny>(
  item: T,
  key: string,
  hint: string,
  valueOf = (v: unknown) => v,
) {
  return z.preprocess((value, ctx) => {
    if (!Array.isArray(value)) return value;
    const seen = new Map<string, number>();
    value.forEach((raw, i) => {
      const v = valueOf(raw);
      const k = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined;
      if (typeof k !== 'string') return;
      const first = seen.get(k);
      if (first === undefined) seen.set(k, i);
      else
        ctx.addIssue({ code: 'custom', path: [i, key], message: `${show(k)} is already used by [${first}]: ${hint}` });
    });
    return value as unknown[];
  }, z.array(item));
}
