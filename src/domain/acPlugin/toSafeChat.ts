// The in-game chat renders non-ASCII as garbage and long lines run off the chat box, so text sent
// with SEND_CHAT / BROADCAST_CHAT is folded to printable ASCII and wrapped to short lines.

const SPECIAL: Record<string, string> = {
  ß: 'ss',
  ẞ: 'SS',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'Th',
  ı: 'i',
  ħ: 'h',
  Ħ: 'H',
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u00b4': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u2026': '...',
  '\u00d7': 'x',
  '\u2022': '*',
  '\u00b7': '.',
  '\u20ac': 'EUR',
  '\u00a3': 'GBP',
};

function toAscii(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFKD')) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x20 && code < 0x7f) out += ch;
    else if (ch === '\n' || ch === '\r') out += '\n';
    else if (/\s/u.test(ch)) out += ' ';
    else if (SPECIAL[ch] !== undefined) out += SPECIAL[ch];
    // Everything else (combining accents left by NFKD, emoji, other scripts) is dropped.
  }
  return out;
}

function wrap(paragraph: string, maxLen: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of paragraph.split(' ')) {
    if (word === '') continue;
    while (word.length > maxLen) {
      if (line) lines.push(line);
      lines.push(word.slice(0, maxLen));
      word = word.slice(maxLen);
      line = '';
    }
    if (!word) continue;
    if (!line) line = word;
    else if (line.length + 1 + word.length <= maxLen) line += ' ' + word;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Folds `text` to printable ASCII (é -> e, ß -> ss, curly quotes -> straight, emoji dropped) and
 * wraps it into lines of at most `maxLen` characters, breaking at spaces when it can and at line
 * breaks in the input. Past `maxLines` lines the rest is cut and the last line ends in "...".
 * Returns no lines when nothing printable is left.
 */
export function toSafeChat(text: string, maxLen = 60, maxLines = Infinity): string[] {
  if (!Number.isInteger(maxLen) || maxLen < 4 || maxLen > 255) {
    throw new RangeError(`maxLen must be 4..255 (an sW string holds at most 255 characters), got ${maxLen}`);
  }
  const lines = toAscii(text)
    .split('\n')
    .flatMap((p) => wrap(p, maxLen));
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, Math.max(1, maxLines));
  kept[kept.length - 1] = `${kept[kept.length - 1]!.slice(0, maxLen - 3).trimEnd()}...`;
  return kept;
}
