import type { IniDocument } from './IniDocument';
import { spansNamed } from './IniDocument';

/** The value acServer sees: the last occurrence wins when a key or section is repeated. */
export function getKey(doc: IniDocument, section: string, key: string): string | undefined {
  let found: string | undefined;
  for (const span of spansNamed(doc, section)) {
    for (const line of doc.lines.slice(span.header + 1, span.end)) {
      if (line.kind === 'key' && line.key === key) found = line.value;
    }
  }
  return found;
}

export function hasSection(doc: IniDocument, section: string): boolean {
  return spansNamed(doc, section).length > 0;
}

/** Keys and values of a section in file order (all occurrences, repeated sections merged). */
export function sectionEntries(doc: IniDocument, section: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const span of spansNamed(doc, section)) {
    for (const line of doc.lines.slice(span.header + 1, span.end)) {
      if (line.kind === 'key') out.push([line.key, line.value]);
    }
  }
  return out;
}
