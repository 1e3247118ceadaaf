import { normalizeFolder } from './trackFlags';
import { prettyWords } from './prettyCarName';

// Names a title-cased folder would get wrong (keys: folder without prefix).
const TRACK_NAMES: Readonly<Record<string, string>> = {
  spa: 'Spa-Francorchamps',
  trento_bondone: 'Trento-Bondone',
  monza66: 'Monza 1966',
  silverstone1967: 'Silverstone 1967',
  nurburgring: 'Nürburgring',
  nordschleife: 'Nordschleife',
  laguna_seca: 'Laguna Seca',
  lagunaseca: 'Laguna Seca',
  gilles_villeneuve: 'Circuit Gilles Villeneuve',
  portimao: 'Portimão',
  magny_cours: 'Magny-Cours',
  black_cat_county: 'Black Cat County',
  drag: 'Drag Strip',
};

/** ks_red_bull_ring + layout_national -> "Red Bull Ring National"; pk_akina + akina_downhill -> "Akina Downhill". */
export function prettyTrackName(track: string, layout = ''): string {
  const base = normalizeFolder(track);
  const baseWords = base.split('_').filter(Boolean);
  const known = Object.prototype.hasOwnProperty.call(TRACK_NAMES, base) ? TRACK_NAMES[base] : undefined;
  const name = known ?? (prettyWords(baseWords) || String(track));
  let words = normalizeFolder(layout)
    .replace(/^layout_?/, '')
    .split('_')
    .filter(Boolean);
  // a layout often repeats the track's name: akina_downhill on pk_akina
  for (let i = 0; words.length > 0 && words[0] === baseWords[i]; i++) words = words.slice(1);
  const layoutName = prettyWords(words);
  return layoutName === '' ? name : `${name} ${layoutName}`;
}
