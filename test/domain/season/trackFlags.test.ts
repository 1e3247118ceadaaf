import { trackFlag, NEUTRAL_FLAG } from '../../../src/domain/season/trackFlags';
import { TRACK_COUNTRIES } from '../../../src/domain/season/trackFlagTable';
import { carEmoji, DEFAULT_CAR_EMOJI, OPEN_WHEEL_EMOJI } from '../../../src/domain/season/carEmoji';

const AT = '\u{1F1E6}\u{1F1F9}';
const IT = '\u{1F1EE}\u{1F1F9}';
const JP = '\u{1F1EF}\u{1F1F5}';
const GB = '\u{1F1EC}\u{1F1E7}';
const US = '\u{1F1FA}\u{1F1F8}';
const FR = '\u{1F1EB}\u{1F1F7}';

describe('trackFlag', () => {
  it.each([
    ['ks_red_bull_ring', AT],
    ['imola', IT],
    ['ks_monza66', IT],
    ['trento-bondone', IT],
    ['ks_silverstone1967', GB],
    ['ks_brands_hatch', GB],
    ['ks_laguna_seca', US],
    ['bs_lagunaseca', US],
    ['rt_suzuka', JP],
    ['pk_akina', JP],
    ['lilski_road_atlanta', US],
    ['circuit_paul_ricard_2019', FR],
    ['Suzuka Circuit', JP],
  ])('when the track is %s, then its country flag is returned', (track, flag) => {
    expect(trackFlag(track, {})).toBe(flag);
  });

  it.each(['ks_drag', 'ks_highlands', 'ks_black_cat_county', 'drift', 'my_private_test_track', '', 'space_station'])(
    'when the track %j is fictional or unknown, then the neutral mark is returned',
    (track) => expect(trackFlag(track, {})).toBe(NEUTRAL_FLAG),
  );

  it('when a short name is part of a longer word, then it does not match (pau is not paul, spa is not space)', () => {
    expect(trackFlag('pau_ville', {})).toBe(FR);
    expect(trackFlag('paulstown', {})).toBe(NEUTRAL_FLAG);
    expect(trackFlag('spaceport', {})).toBe(NEUTRAL_FLAG);
  });

  it('when the config overrides a track, then the override wins over the table, also for prefixed folders', () => {
    expect(trackFlag('ks_red_bull_ring', { ks_red_bull_ring: '🇪🇺' })).toBe('🇪🇺');
    expect(trackFlag('rt_suzuka_2019', { suzuka: '<:jp:123>' })).toBe('<:jp:123>');
    expect(trackFlag('my_track', { my_track: '🇩🇰' })).toBe('🇩🇰');
  });

  it('when an override is empty, then the table is used', () => {
    expect(trackFlag('imola', { imola: '' })).toBe(IT);
  });

  it('when given odd input, then it never throws', () => {
    expect(trackFlag(undefined as unknown as string, undefined as unknown as Record<string, string>)).toBe(
      NEUTRAL_FLAG,
    );
    expect(trackFlag('imola', null as unknown as Record<string, string>)).toBe(IT);
  });

  it('when every table entry is looked up by name, then it gets a two-letter flag', () => {
    for (const [track, code] of Object.entries(TRACK_COUNTRIES)) {
      const expected = String.fromCodePoint(...[...code].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));
      expect([track, trackFlag(track, {})]).toEqual([track, expected]);
    }
  });
});

describe('carEmoji', () => {
  it('when the config maps a model, then that emoji (custom guild emoji allowed) is used', () => {
    expect(carEmoji('ks_mazda_mx5_cup', { ks_mazda_mx5_cup: '<:mx5:42>' })).toBe('<:mx5:42>');
    expect(carEmoji('KS_Mazda_MX5_Cup', { ks_mazda_mx5_cup: '🟥' })).toBe('🟥');
  });

  it.each([
    'tatuusfa1',
    'rss_formula_hybrid_2021',
    'ks_ferrari_sf15t',
    'lotus_98t',
    'lotus_exos_125_s1',
    'ks_formula_f3',
  ])('when %s is a single-seater, then it gets the race-car emoji', (model) =>
    expect(carEmoji(model, {})).toBe(OPEN_WHEEL_EMOJI),
  );

  it.each(['ks_mazda_mx5_cup', 'bmw_m3_e30', 'ks_toyota_ae86_tuned', 'ks_ferrari_488_gt3'])(
    'when %s is not mapped, then the default car emoji is used',
    (model) => expect(carEmoji(model, {})).toBe(DEFAULT_CAR_EMOJI),
  );
});
