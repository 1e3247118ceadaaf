import {
  cutToLength,
  displayWidth,
  escapeMarkdown,
  fitWidth,
  padWidth,
  sanitizeForCodeBlock,
} from '../../../src/domain/text/discordText';

describe('escapeMarkdown', () => {
  it('when text has Discord markdown characters, then each is backslash-escaped', () => {
    expect(escapeMarkdown('*a* _b_ ~~c~~ `d` ||e|| > f \\')).toBe(
      '\\*a\\* \\_b\\_ \\~\\~c\\~\\~ \\`d\\` \\|\\|e\\|\\| \\> f \\\\',
    );
  });

  it('when text mentions everyone, here, a user or a role, then the mention is made inert', () => {
    expect(escapeMarkdown('@everyone @HERE <@1> <@&2>')).toBe(
      '@\u200beveryone @\u200bHERE \\<\u200b@1\\> \\<\u200b@&2\\>',
    );
  });
});

describe('sanitizeForCodeBlock', () => {
  it('when text has backticks, newlines or bidi overrides, then none survive', () => {
    expect(sanitizeForCodeBlock('a```b\nc\u202ed')).toBe('aˋˋˋb cd');
  });
});

describe('displayWidth / fitWidth / padWidth', () => {
  it('when text is wide or combining, then columns are counted, not code units', () => {
    expect(displayWidth('小林')).toBe(4);
    expect(displayWidth('Jérôme')).toBe(6);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('🏁')).toBe(2);
  });

  it('when text is too wide, then it is cut with an ellipsis within the width', () => {
    expect(fitWidth('abcdefgh', 5)).toBe('abcd…');
    expect(fitWidth('小林小林小林', 5)).toBe('小林…');
    expect(fitWidth('abc', 5)).toBe('abc');
  });

  it('when padding, then wide characters count double', () => {
    expect(padWidth('小林', 6, 'left')).toBe('小林  ');
    expect(padWidth('7', 3, 'right')).toBe('  7');
  });
});

describe('cutToLength', () => {
  it('when cutting, then a surrogate pair is never split and the result fits', () => {
    const cut = cutToLength('ab🏁🏁🏁', 5);
    expect(cut.length).toBeLessThanOrEqual(5);
    expect(cut).toBe('ab🏁…');
    expect(cutToLength('abc', 0)).toBe('');
  });
});
