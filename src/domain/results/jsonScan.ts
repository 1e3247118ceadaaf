// Reads a large JSON document from its bytes one piece at a time: the members of the top-level
// object are located without being parsed, and an array member is parsed element by element. A
// 50 MB results file is then never held as one string nor as one parsed tree (see parseResults).

/** The bytes are not valid JSON. `truncated`: they stop where more was expected (a file caught mid-write). */
export class JsonSyntaxError extends Error {
  constructor(
    readonly position: number,
    readonly truncated: boolean,
    readonly detail: string,
  ) {
    super(`${detail} at position ${position}`);
    this.name = 'JsonSyntaxError';
  }
}

const QUOTE = 0x22,
  BACKSLASH = 0x5c,
  COMMA = 0x2c,
  COLON = 0x3a;
const LBRACE = 0x7b,
  RBRACE = 0x7d,
  LBRACKET = 0x5b,
  RBRACKET = 0x5d;

// What each byte can be outside a string; a table keeps the scan of 50 MB at a few hundred ms.
const OTHER = 0,
  SPACE = 1,
  SCALAR = 2,
  STRING = 3,
  OPEN = 4,
  CLOSE = 5,
  SEPARATOR = 6;
const BYTE = new Uint8Array(256);
for (const c of ' \t\n\r') BYTE[c.charCodeAt(0)] = SPACE;
for (const c of '0123456789+-.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ') BYTE[c.charCodeAt(0)] = SCALAR;
BYTE[QUOTE] = STRING;
BYTE[LBRACE] = BYTE[LBRACKET] = OPEN;
BYTE[RBRACE] = BYTE[RBRACKET] = CLOSE;
BYTE[COMMA] = BYTE[COLON] = SEPARATOR;

const decoder = new TextDecoder();

function byteText(c: number | undefined): string {
  if (c === undefined) return 'the end';
  return c >= 0x20 && c < 0x7f ? `"${String.fromCharCode(c)}"` : `byte 0x${c.toString(16).padStart(2, '0')}`;
}

export function skipSpace(b: Uint8Array, i: number): number {
  while (BYTE[b[i] ?? OTHER] === SPACE) i++;
  return i;
}

function expected(b: Uint8Array, i: number, what: string): JsonSyntaxError {
  if (i >= b.length) return new JsonSyntaxError(i, true, `expected ${what} but the data ends`);
  return new JsonSyntaxError(i, false, `expected ${what}, found ${byteText(b[i])}`);
}

function skipString(b: Uint8Array, i: number): number {
  for (i++; i < b.length; i++) {
    const c = b[i];
    if (c === QUOTE) return i + 1;
    if (c === BACKSLASH) i++;
  }
  throw new JsonSyntaxError(b.length, true, 'unterminated string');
}

/**
 * End (exclusive) of the value starting at `i`. Checks the bytes and the nesting depth only;
 * parseRange() checks the rest, so a file that ends early is told apart from broken JSON.
 */
export function skipValue(b: Uint8Array, i: number): number {
  let depth = 0;
  do {
    if (i >= b.length) throw new JsonSyntaxError(i, true, depth > 0 ? 'unclosed object or array' : 'missing value');
    const c = b[i]!;
    switch (BYTE[c]) {
      case STRING:
        i = skipString(b, i);
        break;
      case OPEN:
        depth++;
        i++;
        break;
      case SCALAR:
        do i++;
        while (i < b.length && BYTE[b[i]!] === SCALAR);
        break;
      case CLOSE:
      case SPACE:
      case SEPARATOR:
        if (depth === 0) throw new JsonSyntaxError(i, false, `unexpected ${byteText(c)}`);
        if (BYTE[c] === CLOSE) depth--;
        i++;
        break;
      default:
        throw new JsonSyntaxError(i, false, `unexpected ${byteText(c)}`);
    }
  } while (depth > 0);
  return i;
}

/** JSON.parse of bytes [start, end); a syntax error names its position in the whole document. */
export function parseRange(b: Uint8Array, start: number, end: number): unknown {
  try {
    return JSON.parse(decoder.decode(b.subarray(start, end)));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const at = /at position (\d+)/.exec(message);
    throw new JsonSyntaxError(start + (at ? Number(at[1]) : 0), false, message.replace(/ in JSON at position.*$/s, ''));
  }
}

/** Where each member's value lies, the last one winning for a repeated key (as JSON.parse). */
export type MemberRanges = Map<string, { start: number; end: number }>;

/** The members of the object starting at `i` (a `{`), and where the object ends. */
export function scanObject(b: Uint8Array, i: number): { members: MemberRanges; end: number } {
  const members: MemberRanges = new Map();
  i = skipSpace(b, i + 1);
  if (b[i] === RBRACE) return { members, end: i + 1 };
  for (;;) {
    if (b[i] !== QUOTE) throw expected(b, i, 'a member name');
    const keyEnd = skipString(b, i);
    const key = parseRange(b, i, keyEnd) as string;
    i = skipSpace(b, keyEnd);
    if (b[i] !== COLON) throw expected(b, i, '":"');
    const start = skipSpace(b, i + 1);
    const end = skipValue(b, start);
    members.set(key, { start, end });
    i = skipSpace(b, end);
    if (b[i] === RBRACE) return { members, end: i + 1 };
    if (b[i] !== COMMA) throw expected(b, i, '"," or "}"');
    i = skipSpace(b, i + 1);
  }
}

/** Parses the elements of the array at [start, end) one at a time. */
export function* arrayElements(b: Uint8Array, start: number, end: number): Generator<unknown> {
  let i = skipSpace(b, start + 1);
  if (b[i] === RBRACKET) return;
  while (i < end) {
    const elementEnd = skipValue(b, i);
    yield parseRange(b, i, elementEnd);
    i = skipSpace(b, elementEnd);
    if (b[i] === RBRACKET) return;
    if (b[i] !== COMMA) throw expected(b, i, '"," or "]"');
    i = skipSpace(b, i + 1);
  }
  throw expected(b, i, 'an array element');
}

export const isArrayAt = (b: Uint8Array, i: number) => b[i] === LBRACKET;
export const isObjectAt = (b: Uint8Array, i: number) => b[i] === LBRACE;
