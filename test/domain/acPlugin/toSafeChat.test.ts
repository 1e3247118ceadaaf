import { toSafeChat } from '../../../src/domain/acPlugin';

describe('toSafeChat', () => {
  it('when text has accents, then they are folded to plain letters', () => {
    expect(toSafeChat('Zoë Ångström, José Núñez, François, Łukasz, Straße')).toEqual([
      'Zoe Angstrom, Jose Nunez, Francois, Lukasz, Strasse',
    ]);
  });

  it('when text has emoji and other scripts, then they are dropped and spaces collapse', () => {
    expect(toSafeChat('🏁 New leader:  Kenji 健二 🚀 1:32.652')).toEqual(['New leader: Kenji 1:32.652']);
  });

  it('when text has typographic punctuation, then it becomes its ASCII look-alike', () => {
    expect(toSafeChat('“Fast” lap – it’s 1:32… wow')).toEqual(['"Fast" lap - it\'s 1:32... wow']);
  });

  it('when text is longer than the limit, then it is split at spaces into lines within the limit', () => {
    const text = 'New personal best for Zoe Angstrom on ks_nordschleife endurance with the Mazda MX-5 Cup: 7:59.123';
    const lines = toSafeChat(text);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
    expect(lines.join(' ')).toBe(text);
  });

  it('when one word is longer than the limit, then it is cut hard', () => {
    expect(toSafeChat('a '.concat('x'.repeat(25)), 10)).toEqual(['a', 'xxxxxxxxxx', 'xxxxxxxxxx', 'xxxxx']);
  });

  it('when text has line breaks, then each starts a new line', () => {
    expect(toSafeChat('Top 3:\n1. Ann\r\n2. Bob')).toEqual(['Top 3:', '1. Ann', '2. Bob']);
  });

  it('when nothing printable is left, then there are no lines', () => {
    expect(toSafeChat('🏁🚀 ')).toEqual([]);
  });

  it('when every output character is checked, then all are printable ASCII', () => {
    const lines = toSafeChat('Ça\tva? ½ ﬁnale — “ok” 🏎️ ñ');
    for (const line of lines) expect(line).toMatch(/^[\x20-\x7e]+$/);
  });

  it('when the text needs more lines than allowed, then it is cut and the last line kept ends in "..."', () => {
    const lines = toSafeChat(`New leader: ${'x'.repeat(200)} 1:59.900`, 60, 2);
    expect(lines).toEqual(['New leader:', `${'x'.repeat(57)}...`]);
    expect(toSafeChat('one two three', 60, 2)).toEqual(['one two three']);
    expect(toSafeChat('a\nb\nc', 60, 1)).toEqual(['a...']);
  });

  it('when the limit is outside what an sW string can hold, then it is refused', () => {
    expect(() => toSafeChat('x', 0)).toThrow(RangeError);
    expect(() => toSafeChat('x', 256)).toThrow(RangeError);
  });
});
