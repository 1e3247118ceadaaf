import { planRotation, entryListSlots } from '../../../src/domain/rotation/planRotation';
import { readAcConfig } from './ini/fixtures';
import { makeEvent } from './ini/makeEvent';

describe('planRotation', () => {
  it('when the server has files, then the plan has the rendered texts, the cfg changes and slots before/after', () => {
    const current = {
      serverCfg: readAcConfig('crlf-plugin__server_cfg.ini'),
      entryList: readAcConfig('crlf-plugin__entry_list.ini'),
    };
    const plan = planRotation(makeEvent(), current);
    expect(plan.serverCfg.map((c) => c.key)).toEqual(['CARS', 'TRACK', 'CONFIG_TRACK', 'MAX_CLIENTS']);
    expect(plan.entryList).toEqual({
      before: [{ model: 'ks_bmw_m235i_racing', slots: 10 }],
      after: [
        { model: 'ks_mazda_mx5_cup', slots: 3 },
        { model: 'tatuusfa1', slots: 2 },
      ],
      changed: true,
    });
    expect(plan.texts.entryList.split('\r\n').filter((l) => l.startsWith('[CAR_'))).toHaveLength(5);
    expect(plan.texts.serverCfg).toContain('TRACK=ks_red_bull_ring\r\n');
  });

  it('when the server has no files yet, then both are created from the event', () => {
    const plan = planRotation(makeEvent(), { serverCfg: null, entryList: null });
    expect(plan.entryList.before).toBeNull();
    expect(plan.texts.serverCfg).toBe(
      '[SERVER]\nCARS=ks_mazda_mx5_cup;tatuusfa1\nTRACK=ks_red_bull_ring\nCONFIG_TRACK=layout_national\nMAX_CLIENTS=5\n',
    );
  });

  it('when the entry list is already the event’s, then it is reported unchanged', () => {
    const { texts } = planRotation(makeEvent(), { serverCfg: null, entryList: null });
    expect(planRotation(makeEvent(), { serverCfg: texts.serverCfg, entryList: texts.entryList })).toMatchObject({
      serverCfg: [],
      entryList: { changed: false },
    });
  });

  it('when an entry list repeats models out of order, then slots are counted per model in first-seen order', () => {
    expect(entryListSlots('[CAR_0]\nMODEL=a\n[CAR_1]\nMODEL=b\n[CAR_2]\nMODEL=a\n[OTHER]\nMODEL=c\n')).toEqual([
      { model: 'a', slots: 2 },
      { model: 'b', slots: 1 },
    ]);
  });
});
