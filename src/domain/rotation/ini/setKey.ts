import type { IniDocument, IniLine } from './IniDocument';
import { spansNamed } from './IniDocument';
import { ensureSection } from './ensureSection';
import { insertLines } from './insertLines';
import { assertSafeIniValue } from './safeIniValue';

// Every occurrence is set (acServer may read the first or the last of a repeated key), and a line
// whose value is already right is left untouched, spacing and all. The part of the line up to and
// including '=' and the spaces after it are kept, so `TIME = 15` becomes `TIME = 20`.
export function setKey(doc: IniDocument, section: string, key: string, value: string): IniDocument {
  assertSafeIniValue('key', key, 'id');
  assertSafeIniValue(`${section}.${key}`, value, 'text');
  const withSection = ensureSection(doc, section);
  const spans = spansNamed(withSection, section);
  const lines = withSection.lines.slice();
  let found = false;
  for (const span of spans) {
    for (let i = span.header + 1; i < span.end; i++) {
      const line = lines[i];
      if (line?.kind !== 'key' || line.key !== key) continue;
      found = true;
      if (line.value === value) continue;
      lines[i] = rewrite(line, value);
    }
  }
  const updated = { ...withSection, lines };
  if (found) return updated;
  const span = spans.at(-1);
  if (!span) throw new Error(`[${section}] is still missing after ensureSection`);
  let at = span.header + 1;
  for (let i = span.header + 1; i < span.end; i++) if (lines[i]?.kind === 'key') at = i + 1;
  return insertLines(updated, at, [`${key}=${value}`]);
}

function rewrite(line: Extract<IniLine, { kind: 'key' }>, value: string): IniLine {
  const eq = line.raw.indexOf('=');
  const after = line.raw.slice(eq + 1);
  const lead = after.length - after.trimStart().length;
  return { ...line, raw: line.raw.slice(0, eq + 1 + lead) + value, value };
}
