import { parseIniDocument, serialize, getKey } from '../../../../src/domain/rotation/ini';
import { AC_CONFIG_DIR, readAcConfig } from './fixtures';
import { describeIniRoundTrip } from './roundTripSuite';

describeIniRoundTrip("the project's config files", AC_CONFIG_DIR);

describe('parseIniDocument + serialize', () => {
  it('when a file uses CRLF, then the document says so', () => {
    expect(parseIniDocument(readAcConfig('crlf-plugin__server_cfg.ini')).eol).toBe('\r\n');
    expect(parseIniDocument(readAcConfig('manager-lf__server_cfg.ini')).eol).toBe('\n');
  });

  it('when a file has no final newline and a non-ASCII NAME, then both survive', () => {
    const text = readAcConfig('no-final-newline__server_cfg.ini');
    const doc = parseIniDocument(text);
    expect(getKey(doc, 'SERVER', 'NAME')).toBe('Nordschleife Zeitfahren ★ Süd ⏱');
    expect(doc.lines[doc.lines.length - 1]).toMatchObject({ raw: 'WELCOME_PATH=', eol: '' });
    expect(serialize(doc).endsWith('WELCOME_PATH=')).toBe(true);
  });

  it('when CARS lists several models, then the whole list is the value', () => {
    const doc = parseIniDocument('[SERVER]\nCARS=a;b;c\n');
    expect(getKey(doc, 'SERVER', 'CARS')).toBe('a;b;c');
  });

  it('when a file has a BOM, comments, mixed endings, odd spacing and junk lines, then all of it round-trips', () => {
    const text =
      '\uFEFF; top comment\r\n\r\n[SERVER] ; main\nNAME = Ünïcødé 🏁 \r\n# hash comment\r\njunk line\n  [ RACE ]  \r\nLAPS=5\r';
    const doc = parseIniDocument(text);
    expect(serialize(doc)).toBe(text);
    expect(doc.bom).toBe(true);
    expect(getKey(doc, 'SERVER', 'NAME')).toBe('Ünïcødé 🏁');
    expect(getKey(doc, 'RACE', 'LAPS')).toBe('5');
  });

  it('when the text is empty, then the document is empty and serializes to empty', () => {
    const doc = parseIniDocument('');
    expect(doc.lines).toHaveLength(0);
    expect(serialize(doc)).toBe('');
  });
});
