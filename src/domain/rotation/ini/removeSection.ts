import type { IniDocument } from './IniDocument';
import { spansNamed } from './IniDocument';

// A section runs from its header to the next header, so its trailing blank lines go with it.
// When that empties the end of a file that had no final newline, the new end gets none either.
export function removeSection(doc: IniDocument, section: string): IniDocument {
  const spans = spansNamed(doc, section);
  if (spans.length === 0) return doc;
  const drop = new Set<number>();
  for (const s of spans) for (let i = s.header; i < s.end; i++) drop.add(i);
  const hadFinalNewline = doc.lines.at(-1)?.eol !== '';
  const lines = doc.lines.filter((_, i) => !drop.has(i));
  if (!hadFinalNewline && drop.has(doc.lines.length - 1)) {
    while (lines.at(-1)?.raw.trim() === '') lines.pop();
    const last = lines.at(-1);
    if (last) lines[lines.length - 1] = { ...last, eol: '' };
  }
  return { ...doc, lines };
}
