import { FICTIONAL_TRACKS, TRACK_COUNTRIES } from './trackFlagTable';

export const NEUTRAL_FLAG = '🏁';

// Mod makers prefix their folders (Kunos ks_, RaceTrack rt_, ...); the place is in the rest.
const PREFIXES = [
  'ks_',
  'rt_',
  'bs_',
  'acu_',
  'vhe_',
  'lilski_',
  'fm7_',
  'pk_',
  'ddm_',
  'rss_',
  'srp_',
  'wtp_',
  'jr_',
  'sx_',
];

export function normalizeFolder(folder: string): string {
  let name = String(folder)
    .toLowerCase()
    .trim()
    .replace(/[\s.-]+/g, '_');
  for (let again = true; again;) {
    again = false;
    for (const p of PREFIXES) {
      if (name.startsWith(p) && name.length > p.length) {
        name = name.slice(p.length);
        again = true;
      }
    }
  }
  return name;
}

function countryFlag(code: string): string {
  return String.fromCodePoint(...[...code.toUpperCase()].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));
}

/** Finds the entry of `table` that names `folder`: exact, then without prefixes, then as words or a long enough part of it. */
export function lookupFolder<T>(folder: string, table: Readonly<Record<string, T>>): T | undefined {
  if (Object.prototype.hasOwnProperty.call(table, folder)) return table[folder];
  const name = normalizeFolder(folder);
  const tokens = name.split('_').filter(Boolean);
  const joined = tokens.join('');
  let best: { value: T; score: number } | undefined;
  for (const [key, value] of Object.entries(table)) {
    const k = normalizeFolder(key);
    const kTokens = k.split('_').filter(Boolean);
    const kJoined = kTokens.join('');
    let score = 0;
    if (k === name) score = 3000;
    else if (containsRun(tokens, kTokens)) score = 2000 + kJoined.length;
    else if (kJoined.length >= 5 && joined.includes(kJoined)) score = 1000 + kJoined.length;
    if (score > 0 && (best === undefined || score > best.score)) best = { value, score };
  }
  return best?.value;
}

function containsRun(haystack: string[], needle: string[]): boolean {
  if (needle.length === 0) return false;
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    if (needle.every((t, j) => haystack[i + j] === t)) return true;
  }
  return false;
}

/** Flag emoji for a track folder: the config's overrides first, then the built-in table, else 🏁. Never throws. */
export function trackFlag(trackFolder: string, overrides: Readonly<Record<string, string>> = {}): string {
  try {
    const own = lookupFolder(trackFolder, nonEmpty(overrides));
    if (own !== undefined) return own;
    if (FICTIONAL_TRACKS.has(normalizeFolder(trackFolder))) return NEUTRAL_FLAG;
    const code = lookupFolder(trackFolder, TRACK_COUNTRIES);
    return code === undefined ? NEUTRAL_FLAG : countryFlag(code);
  } catch {
    return NEUTRAL_FLAG;
  }
}

function nonEmpty(table: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(table ?? {})) if (typeof v === 'string' && v.trim() !== '') out[k] = v;
  return out;
}
