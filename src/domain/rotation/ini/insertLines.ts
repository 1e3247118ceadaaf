import type { IniDocument, IniLine } from './IniDocument';
import { classifyLine } from './parseIniDocument';

// Inserting after the file's last line must not change whether the file ends with a newline:
// the old last line gets the document's eol and the new last line takes over its ''.
export function insertLines(doc: IniDocument, at: number, raws: string[]): IniDocument {
  if (raws.length === 0) return doc;
  const lines = doc.lines.slice();
  const atEnd = at === lines.length;
  const last = lines[lines.length - 1];
  const lastEol = atEnd && last ? last.eol : doc.eol;
  if (atEnd && last && lastEol === '') lines[lines.length - 1] = { ...last, eol: doc.eol };
  const added: IniLine[] = raws.map((raw, i) =>
    classifyLine(raw, atEnd && i === raws.length - 1 ? (lines.length > 0 ? lastEol : doc.eol) : doc.eol),
  );
  lines.splice(at, 0, ...added);
  return { ...doc, lines };
}
