import { decode } from 'ini';
import { renderServerCfg, parseIniDocument, getKey } from '../../../../src/domain/rotation/ini';
import { sectionSpans } from '../../../../src/domain/rotation/ini/IniDocument';
import { acConfigFixtures } from './fixtures';
import { makeEvent } from './makeEvent';

const SERVER_OWNED = ['CARS', 'TRACK', 'CONFIG_TRACK', 'MAX_CLIENTS'];
const SESSION_OWNED = ['TIME', 'LAPS', 'WAIT_TIME', 'IS_OPEN'];
const SESSION_SECTIONS = ['PRACTICE', 'QUALIFY', 'RACE'];

/** Every line (with its own line ending) that the rendering must not touch, tagged with its section. */
function untouchedLines(text: string, owned: (section: string, key: string) => boolean, skip: Set<string>): string[] {
  const doc = parseIniDocument(text);
  const out: string[] = [];
  for (const span of sectionSpans(doc)) {
    if (skip.has(span.name)) continue;
    for (let i = Math.max(span.header, 0); i < span.end; i++) {
      const line = doc.lines[i];
      if (line === undefined) break;
      const nextIsSkipped =
        doc.lines[i + 1]?.kind === 'section' && skip.has((doc.lines[i + 1] as { name: string }).name);
      if (line.kind === 'key' && owned(span.name, line.key)) continue;
      if (nextIsSkipped && line.raw === '' && i === span.end - 1 && skip.has('+gap')) continue;
      out.push(`${span.name}|${line.raw}${line.eol}`);
    }
  }
  return out;
}

/** renderServerCfg over every server_cfg.ini in `dir`: owned lines change in place, all else stays. */
export function describeRenderServerCfg(label: string, dir: string): void {
  const serverFixtures = acConfigFixtures('server_cfg.ini', dir);
  describe(`renderServerCfg on ${label}`, () => {
    it.each(serverFixtures)(
      'when an event without sessions is rendered into %s, then only the owned [SERVER] lines change, in place',
      (_name, text) => {
        const event = makeEvent();
        const { text: out } = renderServerCfg(text, event);
        const before = parseIniDocument(text).lines;
        const after = parseIniDocument(out).lines;
        expect(after).toHaveLength(before.length);
        const expected: Record<string, string> = {
          CARS: 'ks_mazda_mx5_cup;tatuusfa1',
          TRACK: 'ks_red_bull_ring',
          CONFIG_TRACK: 'layout_national',
          MAX_CLIENTS: '5',
        };
        let section = '';
        before.forEach((line, i) => {
          if (line.kind === 'section') section = line.name;
          if (section === 'SERVER' && line.kind === 'key' && SERVER_OWNED.includes(line.key)) {
            expect(after[i]!.raw).toBe(`${line.key}=${expected[line.key]}`); // same length, checked above
            expect(after[i]!.eol).toBe(line.eol);
          } else {
            expect(after[i]!.raw + after[i]!.eol).toBe(line.raw + line.eol);
          }
        });
        const oracle = decode(out) as Record<string, Record<string, string>>;
        expect(oracle.SERVER).toMatchObject({
          TRACK: 'ks_red_bull_ring',
          CONFIG_TRACK: 'layout_national',
          MAX_CLIENTS: '5',
        });
      },
    );

    it.each(serverFixtures)(
      'when an event with practice and race is rendered into %s, then sessions follow the event and every other line stays',
      (_name, text) => {
        const event = makeEvent({
          sessions: { practice: { time: 90, isOpen: 1 }, race: { time: 0, laps: 5, waitTime: 60 } },
        });
        const { text: out, changes } = renderServerCfg(text, event);
        const inSections = new Set(sectionSpans(parseIniDocument(text)).map((s) => s.name));
        const owned = (section: string, key: string) =>
          (section === 'SERVER' && SERVER_OWNED.includes(key)) ||
          (SESSION_SECTIONS.includes(section) && SESSION_OWNED.includes(key));
        const created = new Set(['PRACTICE', 'RACE'].filter((s) => !inSections.has(s)));
        expect(untouchedLines(out, owned, new Set([...created, '+gap']))).toEqual(
          untouchedLines(text, owned, new Set(['QUALIFY'])),
        );

        const doc = parseIniDocument(out);
        expect(getKey(doc, 'PRACTICE', 'TIME')).toBe('90');
        expect(getKey(doc, 'PRACTICE', 'IS_OPEN')).toBe('1');
        expect(getKey(doc, 'RACE', 'LAPS')).toBe('5');
        expect(getKey(doc, 'RACE', 'WAIT_TIME')).toBe('60');
        expect(getKey(doc, 'RACE', 'TIME')).toBe('0');
        expect(sectionSpans(doc).some((s) => s.name === 'QUALIFY')).toBe(false);
        expect(doc.eol).toBe(parseIniDocument(text).eol);
        expect(out.endsWith('\n')).toBe(text.endsWith('\n'));

        const oracle = decode(text) as Record<string, Record<string, string>>;
        for (const [key, from] of Object.entries(oracle.QUALIFY ?? {})) {
          expect(changes).toContainEqual({ section: 'QUALIFY', key, from, to: undefined });
        }
        for (const c of changes) expect(c.from).not.toBe(c.to);
      },
    );
  });
}
