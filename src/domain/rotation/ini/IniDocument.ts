// A line-preserving model of an INI file. Every line keeps its exact text and its own line
// ending, so serializing an untouched document gives back the input byte for byte (admins' files
// mix styles, and acServer folders are often edited by hand on Windows and Linux).

export type IniLine =
  | { kind: 'section'; raw: string; eol: string; name: string }
  | { kind: 'key'; raw: string; eol: string; key: string; value: string }
  | { kind: 'other'; raw: string; eol: string };

export interface IniDocument {
  /** the file started with a UTF-8 byte order mark (kept, not part of any line) */
  bom: boolean;
  /** line ending used for lines this code adds: the file's first one, '\n' when it has none */
  eol: '\r\n' | '\n';
  /** the last line's eol is '' when the file has no final newline */
  lines: readonly IniLine[];
}

export interface SectionSpan {
  /** '' for the lines before the first section header */
  name: string;
  /** index of the header line (-1 for the leading span) */
  header: number;
  /** first line after the span */
  end: number;
}

export function sectionSpans(doc: IniDocument): SectionSpan[] {
  const spans: SectionSpan[] = [];
  let current: SectionSpan = { name: '', header: -1, end: 0 };
  doc.lines.forEach((line, i) => {
    if (line.kind === 'section') {
      current.end = i;
      if (current.header >= 0 || i > 0) spans.push(current);
      current = { name: line.name, header: i, end: i + 1 };
    }
  });
  current.end = doc.lines.length;
  if (current.header >= 0 || doc.lines.length > 0) spans.push(current);
  return spans;
}

export function spansNamed(doc: IniDocument, section: string): SectionSpan[] {
  return sectionSpans(doc).filter((s) => s.header >= 0 && s.name === section);
}
