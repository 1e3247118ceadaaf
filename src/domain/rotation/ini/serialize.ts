import type { IniDocument } from './IniDocument';

export function serialize(doc: IniDocument): string {
  let out = doc.bom ? '\uFEFF' : '';
  for (const line of doc.lines) out += line.raw + line.eol;
  return out;
}
