// Names and ids reach the INI files from seasonConfig.json and from Discord. A line break would
// let a value start a new line (`x\n[SERVER]\nPASSWORD=1`), and a folder id is also a path under
// the acServer folder, so ids may not contain separators, '..' or characters INI readers treat as
// syntax. Free text (server and session names) only has to stay on its line.

export type IniValueKind = 'text' | 'id' | 'optionalId';

export class UnsafeIniValueError extends Error {
  constructor(
    readonly field: string,
    readonly value: unknown,
    readonly reason: string,
  ) {
    super(`Unsafe value for ${field}: ${JSON.stringify(value)} (${reason})`);
    this.name = 'UnsafeIniValueError';
  }
}

// C0 controls except tab, DEL, NEL and the Unicode line/paragraph separators.
// eslint-disable-next-line no-control-regex -- control characters are what this detects
const LINE_BREAKING = /[\u0000-\u0008\u000a-\u001f\u007f\u0085\u2028\u2029]/;
const ID_SYNTAX = /[[\]=;#/\\:*?"<>|]/;
const MAX_TEXT = 1024;
const MAX_ID = 128;

function idProblem(id: string): string | undefined {
  if (id === '') return 'empty';
  if (id.length > MAX_ID) return `longer than ${MAX_ID} characters`;
  if (LINE_BREAKING.test(id) || id.includes('\t')) return 'contains a control character';
  if (ID_SYNTAX.test(id)) return 'contains one of [ ] = ; # / \\ : * ? " < > |';
  if (id.includes('..') || id === '.') return "contains '..'";
  if (id.trim() !== id) return 'starts or ends with whitespace';
  return undefined;
}

/** A folder-style id (track, layout, car model, skin, section or key name) that is safe to write. */
export function isSafeId(id: string): boolean {
  return typeof id === 'string' && idProblem(id) === undefined;
}

export function assertSafeIniValue(field: string, value: string, kind: IniValueKind = 'text'): void {
  if (typeof value !== 'string') throw new UnsafeIniValueError(field, value, 'not a string');
  let problem: string | undefined;
  if (kind === 'text') {
    if (LINE_BREAKING.test(value)) problem = 'contains a line break or control character';
    else if (value.length > MAX_TEXT) problem = `longer than ${MAX_TEXT} characters`;
  } else if (!(kind === 'optionalId' && value === '')) {
    problem = idProblem(value);
  }
  if (problem !== undefined) throw new UnsafeIniValueError(field, value, problem);
}
