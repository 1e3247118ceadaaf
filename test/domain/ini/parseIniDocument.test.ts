import { readdirSync } from 'node:fs';
import { decode } from 'ini';
import { parseIniDocument, serialize, getKey, sectionEntries } from '../../../src/domain/ini';
import { AC_CONFIG_DIR, acConfigFixtures, readAcConfig } from './fixtures';

const allFixtures = [...acConfigFixtures('server_cfg.ini'), ...acConfigFixtures('entry_list.ini')];

describe('parseIniDocument + serialize', () => {
  it('when the fixture folder is read, then every real config is covered', () => {
    expect(allFixtures.length).toBe(readdirSync(AC_CONFIG_DIR).filter((f) => f.endsWith('.ini')).length);
    expect(allFixtures.length).toBeGreaterThanOrEqual(6);
  });

  it.each(allFixtures)('when %s is parsed and serialized unchanged, then the text is byte-identical', (_name, text) => {
    const out = serialize(parseIniDocument(text));
    expect(Buffer.from(out, 'utf8').equals(Buffer.from(text, 'utf8'))).toBe(true);
  });

  it.each(allFixtures)('when %s is parsed, then its values match what the ini package reads', (_name, text) => {
    const doc = parseIniDocument(text);
    const oracle = decode(text) as Record<string, Record<string, string>>;
    for (const [section, values] of Object.entries(oracle)) {
      for (const [key, value] of Object.entries(values)) {
        const ours = getKey(doc, section, key);
        // the ini package cuts values at ';' (an inline comment to it, a separator in CARS)
        if (ours !== undefined && /[;#]/.test(ours)) expect(ours.startsWith(value)).toBe(true);
        else expect(ours).toBe(value);
      }
      expect(sectionEntries(doc, section).length).toBe(Object.keys(values).length);
    }
  });

  it('when a file uses CRLF, then the document says so', () => {
    expect(parseIniDocument(readAcConfig('minolin__acplugins__server_cfg.ini')).eol).toBe('\r\n');
    expect(parseIniDocument(readAcConfig('assetto-corsa-web__acweb__server_cfg.ini')).eol).toBe('\n');
  });

  it('when a file has no final newline and a non-ASCII NAME, then both survive', () => {
    const text = readAcConfig('Porx312__docker-infrasture-assetto-corsa__server_cfg.ini');
    const doc = parseIniDocument(text);
    expect(getKey(doc, 'SERVER', 'NAME')).toBe('akina \u213918082');
    expect(doc.lines[doc.lines.length - 1]).toMatchObject({ raw: 'WELCOME_PATH=', eol: '' });
    expect(serialize(doc).endsWith('WELCOME_PATH=')).toBe(true);
  });

  it('when CARS lists several models, then the whole list is the value', () => {
    const doc = parseIniDocument('[SERVER]\nCARS=a;b;c\n');
    expect(getKey(doc, 'SERVER', 'CARS')).toBe('a;b;c');
  });

  it('when a file has a BOM, comments, mixed endings, odd spacing and junk lines, then all of it round-trips', () => {
    const text = '\uFEFF; top comment\r\n\r\n[SERVER] ; main\nNAME = Ünïcødé 🏁 \r\n# hash comment\r\njunk line\n  [ RACE ]  \r\nLAPS=5\r';
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
