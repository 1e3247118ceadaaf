import {
  renderEntryList,
  parseIniDocument,
  sectionEntries,
  serialize,
  UnsafeIniValueError,
} from '../../../../src/domain/rotation/ini';
import { sectionSpans } from '../../../../src/domain/rotation/ini/IniDocument';
import { readAcConfig } from './fixtures';
import { makeEvent } from './makeEvent';

describe('renderEntryList', () => {
  it('when an event has 2 cars with 3 and 2 slots, then CAR_0..CAR_4 are open slots with skins round-robin', () => {
    const { text } = renderEntryList(makeEvent());
    const doc = parseIniDocument(text);
    expect(sectionSpans(doc).map((s) => s.name)).toEqual(['CAR_0', 'CAR_1', 'CAR_2', 'CAR_3', 'CAR_4']);
    const skins = ['00_official', '01_red', '00_official', '', ''];
    const models = ['ks_mazda_mx5_cup', 'ks_mazda_mx5_cup', 'ks_mazda_mx5_cup', 'tatuusfa1', 'tatuusfa1'];
    skins.forEach((skin, i) => {
      expect(sectionEntries(doc, `CAR_${i}`)).toEqual([
        ['MODEL', models[i]],
        ['SKIN', skin],
        ['SPECTATOR_MODE', '0'],
        ['DRIVERNAME', ''],
        ['TEAM', ''],
        ['GUID', ''],
        ['BALLAST', '0'],
        ['RESTRICTOR', '0'],
        ['FIXED_SETUP', ''],
      ]);
    });
    expect(text.startsWith('[CAR_0]\nMODEL=ks_mazda_mx5_cup\nSKIN=00_official\n')).toBe(true);
    expect(text).toContain('FIXED_SETUP=\n\n[CAR_1]\n');
    expect(text.endsWith('FIXED_SETUP=\n')).toBe(true);
    expect(serialize(doc)).toBe(text);
  });

  it('when the existing entry list uses CRLF, then the new one does too', () => {
    const { text } = renderEntryList(makeEvent(), readAcConfig('crlf-plugin__entry_list.ini'));
    expect(text.split('\r\n').length - 1).toBe(text.split('\n').length - 1);
    expect(text).toContain('[CAR_4]\r\nMODEL=tatuusfa1\r\n');
  });

  it('when the existing entry list uses LF, then the new one does too', () => {
    const { text } = renderEntryList(makeEvent(), readAcConfig('no-final-newline__entry_list.ini'));
    expect(text).not.toContain('\r');
  });

  it('when the existing entry list had reserved drivers, then the new one has only open slots', () => {
    const { text } = renderEntryList(makeEvent(), readAcConfig('crlf-plugin__entry_list.ini'));
    expect(text).not.toMatch(/GUID=\S/);
    expect(text).not.toContain('Kai Brandt');
  });

  it.each([
    ['cars[0].skins[1]', makeEvent({ cars: [{ model: 'm', skins: ['ok', 'a;b'], slots: 2 }] })],
    ['cars[0].skins[0]', makeEvent({ cars: [{ model: 'm', skins: ['x\n[CAR_9]\nGUID=1'], slots: 1 }] })],
    ['cars[0].skins[0]', makeEvent({ cars: [{ model: 'm', skins: ['../../../etc'], slots: 1 }] })],
    [
      'cars[1].model',
      makeEvent({
        cars: [
          { model: 'm', skins: [], slots: 1 },
          { model: 'a]b', skins: [], slots: 1 },
        ],
      }),
    ],
  ])('when %s carries INI syntax or a path, then it throws naming the field', (field, event) => {
    const render = () => renderEntryList(event);
    expect(render).toThrow(UnsafeIniValueError);
    expect(render).toThrow(field);
  });

  it('when a car has no slots, then it throws', () => {
    expect(() => renderEntryList(makeEvent({ cars: [{ model: 'm', skins: [], slots: 0 }] }))).toThrow(/slots/);
  });
});
