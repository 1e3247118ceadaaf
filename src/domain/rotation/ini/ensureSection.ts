import type { IniDocument } from './IniDocument';
import { spansNamed } from './IniDocument';
import { insertLines } from './insertLines';
import { assertSafeIniValue } from './safeIniValue';

/** Appends `[section]` at the end of the file (after a blank line) when it is not there yet. */
export function ensureSection(doc: IniDocument, section: string): IniDocument {
  assertSafeIniValue('section', section, 'id');
  if (spansNamed(doc, section).length > 0) return doc;
  const lines = doc.lines;
  const last = lines[lines.length - 1];
  const needsGap = last !== undefined && last.raw.trim() !== '';
  return insertLines(doc, lines.length, needsGap ? ['', `[${section}]`] : [`[${section}]`]);
}
