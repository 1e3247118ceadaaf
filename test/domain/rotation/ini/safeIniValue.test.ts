import { assertSafeIniValue, isSafeId, UnsafeIniValueError } from '../../../../src/domain/rotation/ini/safeIniValue';

describe('isSafeId', () => {
  it.each([
    'ks_red_bull_ring',
    'layout_national',
    '0_fusion_orange',
    'Misano_red',
    'trento-bondone',
    'rss_formula_hybrid_2021',
    '01 red (matte)',
    'vhe_ebisu.v2',
  ])('when the id is a real-looking folder name (%j), then it is safe', (id) => expect(isSafeId(id)).toBe(true));

  it.each([
    '',
    '../../etc',
    '..',
    'a/b',
    'a\\b',
    'C:',
    'a;b',
    'a=b',
    '[SERVER]',
    'a]',
    'x\ny',
    'x\r',
    'nul\u0000',
    ' lead',
    'trail ',
    'a#b',
    'x'.repeat(129),
  ])('when the id is %j, then it is not safe', (id) => expect(isSafeId(id)).toBe(false));
});

describe('assertSafeIniValue', () => {
  it('when a name tries to start a new section, then it throws naming the field and showing the value', () => {
    const attempt = () => assertSafeIniValue('event.name', 'x\n[SERVER]\nPASSWORD=1');
    expect(attempt).toThrow(UnsafeIniValueError);
    expect(attempt).toThrow('Unsafe value for event.name: "x\\n[SERVER]\\nPASSWORD=1"');
  });

  it.each(['a\r', 'a\u2028b', 'a\u0085', 'a\u0000'])(
    'when text contains a line-breaking or NUL character (%j), then it throws',
    (v) => {
      expect(() => assertSafeIniValue('name', v)).toThrow(UnsafeIniValueError);
    },
  );

  it('when text has brackets, = and ; on one line, then it is allowed (lobby names often look like "[EU] A=B; C")', () => {
    expect(() => assertSafeIniValue('name', '[EU] A=B; C ✓')).not.toThrow();
  });

  it('when an optional id is empty, then it is allowed, and a required one is not', () => {
    expect(() => assertSafeIniValue('layout', '', 'optionalId')).not.toThrow();
    expect(() => assertSafeIniValue('track', '', 'id')).toThrow(/track.*empty/);
  });

  it('when the value is not a string, then it throws', () => {
    expect(() => assertSafeIniValue('track', 42 as unknown as string, 'id')).toThrow(/not a string/);
  });

  it('when the error is caught, then it carries field and value', () => {
    try {
      assertSafeIniValue('skin', 'a;b', 'id');
      throw new Error('no throw');
    } catch (e) {
      expect(e).toMatchObject({ field: 'skin', value: 'a;b', name: 'UnsafeIniValueError' });
    }
  });
});
