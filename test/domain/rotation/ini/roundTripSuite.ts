import { readdirSync } from 'node:fs';
import { decode } from 'ini';
import { parseIniDocument, serialize, getKey, sectionEntries } from '../../../../src/domain/rotation/ini';
import { acConfigFixtures } from './fixtures';

/** Every .ini file in `dir` survives parse + serialize byte for byte and reads like the `ini` package. */
export function describeIniRoundTrip(label: string, dir: string): void {
  const allFixtures = [...acConfigFixtures('server_cfg.ini', dir), ...acConfigFixtures('entry_list.ini', dir)];

  describe(`parseIniDocument + serialize on ${label}`, () => {
    it('when the folder is read, then every config in it is covered', () => {
      expect(allFixtures.length).toBe(readdirSync(dir).filter((f) => f.endsWith('.ini')).length);
      expect(allFixtures.length).toBeGreaterThanOrEqual(6);
    });

    it.each(allFixtures)(
      'when %s is parsed and serialized unchanged, then the text is byte-identical',
      (_name, text) => {
        const out = serialize(parseIniDocument(text));
        expect(Buffer.from(out, 'utf8').equals(Buffer.from(text, 'utf8'))).toBe(true);
      },
    );

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
  });
}
