import type { IniDocument, IniLine } from './IniDocument';

const SECTION = /^\s*\[([^\]]*)\]\s*(?:[;#].*)?$/;
const COMMENT = /^\s*(?:[;#]|\/\/)/;

// Section and key names are compared exactly (after trimming): acServer reads them
// case-sensitively, so `[race]` is not `[RACE]` and must not be edited as if it were.
// The value is everything after the first '=' (CARS uses ';' as a separator, so ';' is not an
// inline comment in server_cfg.ini; the `ini` package would cut CARS at the first ';').
export function classifyLine(raw: string, eol: string): IniLine {
  const section = SECTION.exec(raw);
  if (section) return { kind: 'section', raw, eol, name: (section[1] ?? '').trim() };
  const eq = raw.indexOf('=');
  if (eq > 0 && !COMMENT.test(raw)) {
    const key = raw.slice(0, eq).trim();
    if (key !== '') return { kind: 'key', raw, eol, key, value: raw.slice(eq + 1).trim() };
  }
  return { kind: 'other', raw, eol };
}

export function parseIniDocument(text: string): IniDocument {
  const bom = text.startsWith('\uFEFF');
  const body = bom ? text.slice(1) : text;
  const lines: IniLine[] = [];
  const re = /([^\n]*?)(\r\n|\n|$)/g;
  let pos = 0;
  while (pos < body.length) {
    re.lastIndex = pos;
    const m = re.exec(body);
    if (!m) break;
    lines.push(classifyLine(m[1] ?? '', m[2] ?? ''));
    pos = re.lastIndex;
  }
  const first = lines.find((l) => l.eol !== '');
  return { bom, eol: first?.eol === '\r\n' ? '\r\n' : '\n', lines };
}
