import { decode } from 'ini';
import { renderServerCfg, parseIniDocument, getKey, UnsafeIniValueError } from '../../../../src/domain/rotation/ini';
import { AC_CONFIG_DIR, readAcConfig } from './fixtures';
import { makeEvent } from './makeEvent';
import { describeRenderServerCfg } from './renderServerCfgSuite';
import { present } from '../../../support/present';

describeRenderServerCfg("the project's config files", AC_CONFIG_DIR);

describe('renderServerCfg changes', () => {
  it('when the CRLF plugin config gets a new event, then the changes list the owned keys with old and new values', () => {
    const text = readAcConfig('crlf-plugin__server_cfg.ini');
    const server = present((decode(text) as Record<string, Record<string, string>>).SERVER, '[SERVER]');
    const { changes } = renderServerCfg(text, makeEvent());
    expect(changes).toEqual([
      { section: 'SERVER', key: 'CARS', from: server.CARS, to: 'ks_mazda_mx5_cup;tatuusfa1' },
      { section: 'SERVER', key: 'TRACK', from: server.TRACK, to: 'ks_red_bull_ring' },
      { section: 'SERVER', key: 'CONFIG_TRACK', from: server.CONFIG_TRACK, to: 'layout_national' },
      { section: 'SERVER', key: 'MAX_CLIENTS', from: server.MAX_CLIENTS, to: '5' },
    ]);
  });

  it('when the event is what the server already runs, then there are no changes and the text is byte-identical', () => {
    const text = readAcConfig('no-final-newline__server_cfg.ini');
    const event = makeEvent({
      track: 'ks_nordschleife',
      layout: 'touristenfahrten',
      cars: [{ model: 'ks_porsche_718_cayman_s', skins: [], slots: 3 }],
    });
    expect(renderServerCfg(text, event)).toEqual({ text, changes: [] });
  });

  it('when a rendered file is rendered again with the same event, then nothing changes', () => {
    const event = makeEvent({ sessions: { qualify: { time: 10 } } });
    const once = renderServerCfg(readAcConfig('crlf-plugin__server_cfg.ini'), event).text;
    expect(renderServerCfg(once, event)).toEqual({ text: once, changes: [] });
  });

  it('when a session section is created in a file without final newline, then it gets a NAME and the file still has no final newline', () => {
    const text = readAcConfig('no-final-newline__server_cfg.ini');
    const { text: out, changes } = renderServerCfg(text, makeEvent({ sessions: { qualify: { time: 10 } } }));
    expect(out.endsWith('WELCOME_PATH=\n\n[QUALIFY]\nNAME=Qualify\nTIME=10')).toBe(true);
    expect(changes).toContainEqual({ section: 'QUALIFY', key: 'NAME', from: undefined, to: 'Qualify' });
    expect(changes).toContainEqual({ section: 'PRACTICE', key: 'TIME', from: '1440', to: undefined });
  });

  it('when serverName is given, then NAME changes, non-ASCII included', () => {
    const text = readAcConfig('no-final-newline__server_cfg.ini');
    const { text: out, changes } = renderServerCfg(text, makeEvent(), { serverName: '[EU] Liga — Zeitfahren ⏱' });
    expect(getKey(parseIniDocument(out), 'SERVER', 'NAME')).toBe('[EU] Liga — Zeitfahren ⏱');
    expect(changes[0]).toEqual({
      section: 'SERVER',
      key: 'NAME',
      from: 'Nordschleife Zeitfahren ★ Süd ⏱',
      to: '[EU] Liga — Zeitfahren ⏱',
    });
  });

  it('when the file is empty, then a minimal config with the owned keys is written', () => {
    const { text } = renderServerCfg('', makeEvent({ layout: '' }));
    expect(text).toBe(
      '[SERVER]\nCARS=ks_mazda_mx5_cup;tatuusfa1\nTRACK=ks_red_bull_ring\nCONFIG_TRACK=\nMAX_CLIENTS=5\n',
    );
  });

  it('when the same model appears twice, then CARS lists it once and MAX_CLIENTS counts all slots', () => {
    const event = makeEvent({
      cars: [
        { model: 'a', skins: [], slots: 2 },
        { model: 'b', skins: [], slots: 1 },
        { model: 'a', skins: ['x'], slots: 4 },
      ],
    });
    const doc = parseIniDocument(renderServerCfg('[SERVER]\n', event).text);
    expect(getKey(doc, 'SERVER', 'CARS')).toBe('a;b');
    expect(getKey(doc, 'SERVER', 'MAX_CLIENTS')).toBe('7');
  });
});

describe('renderServerCfg safety', () => {
  const text = readAcConfig('crlf-plugin__server_cfg.ini');
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
