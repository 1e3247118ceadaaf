export const DEFAULT_CAR_EMOJI = '🚗';
export const OPEN_WHEEL_EMOJI = '🏎️';

// Kunos and common mod folder names of single-seaters; anything else is a closed car.
const OPEN_WHEEL =
  /(^|_)(formula|f[1-4]|fa0?1|indycar|indy|kart|open_?wheel)(_|$)|tatuusfa|sf15t|sf70h|312t|f2004|lotus_(25|49|72d|98t|exos)|exos_125|ir18|dw12/;

/** Emoji for a car model: the config's mapping (custom guild emoji allowed), else 🏎️ for single-seaters, else 🚗. */
export function carEmoji(model: string, overrides: Readonly<Record<string, string>> = {}): string {
  const own = overrides?.[model] ?? findIgnoringCase(model, overrides ?? {});
  if (typeof own === 'string' && own.trim() !== '') return own;
  return OPEN_WHEEL.test(String(model).toLowerCase()) ? OPEN_WHEEL_EMOJI : DEFAULT_CAR_EMOJI;
}

function findIgnoringCase(model: string, overrides: Readonly<Record<string, string>>): string | undefined {
  const wanted = String(model).toLowerCase();
  for (const [k, v] of Object.entries(overrides)) if (k.toLowerCase() === wanted) return v;
  return undefined;
}
