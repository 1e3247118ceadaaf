import { normalizeFolder } from './trackFlags';

const ACRONYMS = new Set([
  'amg',
  'bmw',
  'dtm',
  'gp',
  'gt',
  'gte',
  'gtr',
  'gts',
  'gtb',
  'gto',
  'gtv',
  'ktm',
  'lmp',
  'nsx',
  'rs',
  'rsr',
  'sls',
  'slr',
  'srt',
  'sti',
  'tt',
  'vw',
  'wrx',
  'usa',
  'uk',
  'cota',
  'vir',
  'ctmp',
]);

/** "red_bull ring gp mx5" -> "Red Bull Ring GP MX5": short letter+digit codes and known acronyms upper-cased. */
export function prettyWords(words: string[]): string {
  return words
    .filter(Boolean)
    .map((w) => {
      if (ACRONYMS.has(w) || (/\d/.test(w) && /[a-z]/.test(w) && w.length <= 6)) return w.toUpperCase();
      return w.charAt(0).toUpperCase() + w.slice(1);
    })
    .join(' ');
}

/** A readable name for a car folder: ks_mazda_mx5_cup -> "Mazda MX5 Cup". */
export function prettyCarName(model: string): string {
  const words = normalizeFolder(model).split('_');
  return prettyWords(words) || String(model);
}
