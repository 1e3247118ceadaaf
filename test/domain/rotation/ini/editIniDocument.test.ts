import {
  parseIniDocument,
  serialize,
  setKey,
  removeSection,
  ensureSection,
  getKey,
} from '../../../../src/domain/rotation/ini';
import { readAcConfig } from './fixtures';

const edit = (text: string, f: (d: ReturnType<typeof parseIniDocument>) => ReturnType<typeof parseIniDocument>) =>
  serialize(f(parseIniDocument(text)));

describe('setKey', () => {
  it('when a key exists, then only its value changes and its spacing and line ending stay', () => {
    expect(edit('[RACE]\r\nTIME = 15\r\nLAPS=3\r\n', (d) => setKey(d, 'RACE', 'TIME', '20'))).toBe(
      '[RACE]\r\nTIME = 20\r\nLAPS=3\r\n',
    );
  });

  it('when the value is already right, then the line is left byte-identical', () => {
    const text = '[RACE]\nTIME =  20  \n';
    expect(edit(text, (d) => setKey(d, 'RACE', 'TIME', '20'))).toBe(text);
  });

  it('when a key is missing, then it is added after the last key of its section, before the blank separator', () => {
    expect(edit('[A]\nX=1\n\n[B]\nY=2\n', (d) => setKey(d, 'A', 'Z', '3'))).toBe('[A]\nX=1\nZ=3\n\n[B]\nY=2\n');
  });

  it('when the section is missing, then it is appended with the file line ending and final-newline state kept', () => {
    expect(edit('[A]\r\nX=1', (d) => setKey(d, 'B', 'Y', '2'))).toBe('[A]\r\nX=1\r\n\r\n[B]\r\nY=2');
    expect(edit('[A]\nX=1\n', (d) => setKey(d, 'B', 'Y', '2'))).toBe('[A]\nX=1\n\n[B]\nY=2\n');
  });

  it('when the key is the last line of a file without final newline, then the new key ends the file without one', () => {
    expect(edit('[A]\r\nX=1', (d) => setKey(d, 'A', 'Z', '3'))).toBe('[A]\r\nX=1\r\nZ=3');
  });

  it('when a key is repeated, then every occurrence gets the value', () => {
    const doc = setKey(parseIniDocument('[A]\nX=1\nX=2\n[A]\nX=3\n'), 'A', 'X', '9');
    expect(serialize(doc)).toBe('[A]\nX=9\nX=9\n[A]\nX=9\n');
  });

  it('when section names differ in case, then only the exact section is edited', () => {
    expect(edit('[race]\nTIME=1\n', (d) => setKey(d, 'RACE', 'TIME', '2'))).toBe('[race]\nTIME=1\n\n[RACE]\nTIME=2\n');
  });

  it('when the document is the input, then it is not mutated', () => {
    const doc = parseIniDocument('[A]\nX=1');
    setKey(doc, 'A', 'X', '2');
    expect(serialize(doc)).toBe('[A]\nX=1');
  });

  it('when the value contains a line break, then it throws naming the key', () => {
    const doc = parseIniDocument('[SERVER]\nNAME=a\n');
    expect(() => setKey(doc, 'SERVER', 'NAME', 'x\n[SERVER]\nPASSWORD=1')).toThrow(/SERVER\.NAME/);
  });
});

describe('ensureSection', () => {
  it('when the section exists, then the document is unchanged', () => {
    const text = readAcConfig('crlf-plugin__server_cfg.ini');
    expect(edit(text, (d) => ensureSection(d, 'RACE'))).toBe(text);
  });

  it('when the file is empty, then the section is the only line', () => {
    expect(edit('', (d) => ensureSection(d, 'SERVER'))).toBe('[SERVER]\n');
  });
});

describe('removeSection', () => {
  it('when a middle section is removed, then its lines up to the next header go and nothing else', () => {
    expect(edit('[A]\r\nX=1\r\n\r\n[B]\r\nY=2\r\n\r\n[C]\r\nZ=3\r\n', (d) => removeSection(d, 'B'))).toBe(
      '[A]\r\nX=1\r\n\r\n[C]\r\nZ=3\r\n',
    );
  });

  it('when the last section of a file without final newline is removed, then the file still ends without one', () => {
    const text = readAcConfig('no-final-newline__server_cfg.ini');
    const out = edit(text, (d) => removeSection(d, 'DATA'));
    expect(out).toBe(text.slice(0, text.indexOf('\n\n[DATA]')));
    expect(getKey(parseIniDocument(out), 'DATA', 'WEBLINK')).toBeUndefined();
  });

  it('when the section is missing, then the document is unchanged', () => {
    expect(edit('[A]\nX=1', (d) => removeSection(d, 'B'))).toBe('[A]\nX=1');
  });
});
