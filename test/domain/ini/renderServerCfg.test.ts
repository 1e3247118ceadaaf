import { decode } from 'ini';
import { renderServerCfg, parseIniDocument, getKey, UnsafeIniValueError } from '../../../src/domain/ini';
import { sectionSpans } from '../../../src/domain/ini/IniDocument';
import { acConfigFixtures, readAcConfig } from './fixtures';
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
      const nextIsSkipped = doc.lines[i + 1]?.kind === 'section' && skip.has((doc.lines[i + 1] as { name: string }).name);
      if (line.kind === 'key' && owned(span.name, line.key)) continue;
      if (nextIsSkipped && line.raw === '' && i === span.end - 1 && skip.has('+gap')) continue;
      out.push(`${span.name}|${line.raw}${line.eol}`);
    }
  }
  return out;
}

const serverFixtures = acConfigFixtures('server_cfg.ini');

describe('renderServerCfg on the real configs', () => {
  it.each(serverFixtures)('when an event without sessions is rendered into %s, then only the owned [SERVER] lines change, in place', (_name, text) => {
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
        expect(after[i].raw).toBe(`${line.key}=${expected[line.key]}`);
        expect(after[i].eol).toBe(line.eol);
      } else {
        expect(after[i].raw + after[i].eol).toBe(line.raw + line.eol);
      }
    });
    const oracle = decode(out) as Record<string, Record<string, string>>;
    expect(oracle.SERVER.TRACK).toBe('ks_red_bull_ring');
    expect(oracle.SERVER.CONFIG_TRACK).toBe('layout_national');
    expect(oracle.SERVER.MAX_CLIENTS).toBe('5');
  });

  it.each(serverFixtures)('when an event with practice and race is rendered into %s, then sessions follow the event and every other line stays', (_name, text) => {
    const event = makeEvent({ sessions: { practice: { time: 90, isOpen: 1 }, race: { time: 0, laps: 5, waitTime: 60 } } });
    const { text: out, changes } = renderServerCfg(text, event);
    const inSections = new Set(sectionSpans(parseIniDocument(text)).map((s) => s.name));
    const owned = (section: string, key: string) =>
      (section === 'SERVER' && SERVER_OWNED.includes(key)) || (SESSION_SECTIONS.includes(section) && SESSION_OWNED.includes(key));
    const created = new Set(['PRACTICE', 'RACE'].filter((s) => !inSections.has(s)));
    expect(untouchedLines(out, owned, new Set([...created, '+gap']))).toEqual(untouchedLines(text, owned, new Set(['QUALIFY'])));

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
  });
});

describe('renderServerCfg changes', () => {
  it('when the minolin config gets a new event, then the changes list the owned keys with old and new values', () => {
    const text = readAcConfig('minolin__acplugins__server_cfg.ini');
    const server = (decode(text) as Record<string, Record<string, string>>).SERVER;
    const { changes } = renderServerCfg(text, makeEvent());
    expect(changes).toEqual([
      { section: 'SERVER', key: 'CARS', from: server.CARS, to: 'ks_mazda_mx5_cup;tatuusfa1' },
      { section: 'SERVER', key: 'TRACK', from: server.TRACK, to: 'ks_red_bull_ring' },
      { section: 'SERVER', key: 'CONFIG_TRACK', from: server.CONFIG_TRACK, to: 'layout_national' },
      { section: 'SERVER', key: 'MAX_CLIENTS', from: server.MAX_CLIENTS, to: '5' },
    ]);
  });

  it('when the event is what the server already runs, then there are no changes and the text is byte-identical', () => {
    const text = readAcConfig('Porx312__docker-infrasture-assetto-corsa__server_cfg.ini');
    const event = makeEvent({ track: 'pk_akina', layout: 'akina_downhill', cars: [{ model: 'ks_toyota_ae86_tuned', skins: [], slots: 2 }] });
    expect(renderServerCfg(text, event)).toEqual({ text, changes: [] });
  });

  it('when a rendered file is rendered again with the same event, then nothing changes', () => {
    const event = makeEvent({ sessions: { qualify: { time: 10 } } });
    const once = renderServerCfg(readAcConfig('minolin__acplugins__server_cfg.ini'), event).text;
    expect(renderServerCfg(once, event)).toEqual({ text: once, changes: [] });
  });

  it('when a session section is created in a file without final newline, then it gets a NAME and the file still has no final newline', () => {
    const text = readAcConfig('Porx312__docker-infrasture-assetto-corsa__server_cfg.ini');
    const { text: out, changes } = renderServerCfg(text, makeEvent({ sessions: { qualify: { time: 10 } } }));
    expect(out.endsWith('WELCOME_PATH=\n\n[QUALIFY]\nNAME=Qualify\nTIME=10')).toBe(true);
    expect(changes).toContainEqual({ section: 'QUALIFY', key: 'NAME', from: undefined, to: 'Qualify' });
    expect(changes).toContainEqual({ section: 'PRACTICE', key: 'TIME', from: '1440', to: undefined });
  });

  it('when serverName is given, then NAME changes, non-ASCII included', () => {
    const text = readAcConfig('Porx312__docker-infrasture-assetto-corsa__server_cfg.ini');
    const { text: out, changes } = renderServerCfg(text, makeEvent(), { serverName: '[EU] Liga — Zeitfahren ⏱' });
    expect(getKey(parseIniDocument(out), 'SERVER', 'NAME')).toBe('[EU] Liga — Zeitfahren ⏱');
    expect(changes[0]).toEqual({ section: 'SERVER', key: 'NAME', from: 'akina \u213918082', to: '[EU] Liga — Zeitfahren ⏱' });
  });

  it('when the file is empty, then a minimal config with the owned keys is written', () => {
    const { text } = renderServerCfg('', makeEvent({ layout: '' }));
    expect(text).toBe('[SERVER]\nCARS=ks_mazda_mx5_cup;tatuusfa1\nTRACK=ks_red_bull_ring\nCONFIG_TRACK=\nMAX_CLIENTS=5\n');
  });

  it('when the same model appears twice, then CARS lists it once and MAX_CLIENTS counts all slots', () => {
    const event = makeEvent({ cars: [{ model: 'a', skins: [], slots: 2 }, { model: 'b', skins: [], slots: 1 }, { model: 'a', skins: ['x'], slots: 4 }] });
    const doc = parseIniDocument(renderServerCfg('[SERVER]\n', event).text);
    expect(getKey(doc, 'SERVER', 'CARS')).toBe('a;b');
    expect(getKey(doc, 'SERVER', 'MAX_CLIENTS')).toBe('7');
  });
});

describe('renderServerCfg safety', () => {
  const text = readAcConfig('minolin__acplugins__server_cfg.ini');
  it.each([
    ['serverName', () => renderServerCfg(text, makeEvent(), { serverName: 'x\n[SERVER]\nPASSWORD=1' })],
    ['track', () => renderServerCfg(text, makeEvent({ track: '../../etc' }))],
    ['layout', () => renderServerCfg(text, makeEvent({ layout: 'gp\r\nADMIN_PASSWORD=x' }))],
    ['cars[0].model', () => renderServerCfg(text, makeEvent({ cars: [{ model: 'a;b', skins: [], slots: 1 }] }))],
  ])('when %s carries INI syntax or a path, then rendering throws an error naming it', (field, render) => {
    expect(render).toThrow(UnsafeIniValueError);
    expect(render).toThrow(field === 'serverName' ? /SERVER\.NAME/ : new RegExp(field.replace(/[[\]]/g, '\\$&')));
  });

  it('when a session time is not a whole number, then it throws', () => {
    expect(() => renderServerCfg(text, makeEvent({ sessions: { race: { time: 1.5 } } }))).toThrow(/RACE\.TIME/);
  });
});
