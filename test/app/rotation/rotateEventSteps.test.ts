import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { rotateEvent } from '../../../src/app/rotation/rotateEvent';
import { ChildProcessControl } from '../../../src/adapters/acserver/ChildProcessControl';
import { makeFakeAcServerFolder, type FakeAcServerFolder } from '../../support/fakeAcServer/FakeAcServerFolder';
import { rotationHarness, seasonConfig } from '../../support/rotationHarness';
import { findEvent } from '../../../src/domain/season/resolveEvent';

const event1 = () => findEvent(seasonConfig(), 'season1#event1')!;

describe('rotateEvent steps (files only, or a control that cannot start)', () => {
  let ac: FakeAcServerFolder;
  const snapshot = () => ({
    cfg: readFileSync(ac.serverCfgPath, 'utf8'),
    entries: readFileSync(ac.entryListPath, 'utf8'),
  });
  beforeEach(async () => {
    ac = await makeFakeAcServerFolder('manager-lf');
  });

  it('when AC_SERVER_CONTROL=none, then the files and currentEvent.json are written and the log says to restart by hand', async () => {
    const h = rotationHarness(ac.dir, undefined);
    const result = await h.service.rotate({ kind: 'event', eventId: 'season1#event1' }, { by: 'test' });
    expect(result).toMatchObject({
      status: 'rotated',
      restarted: false,
      warnings: expect.arrayContaining([expect.stringMatching(/restart acServer by hand/)]),
    });
    expect(readFileSync(ac.serverCfgPath, 'utf8')).toMatch(/^TRACK=ks_red_bull_ring$/m);
    expect(JSON.parse(h.currentEventText()!).eventId).toBe('season1#event1');
    expect(h.lines.some((l) => l.level === 40 && /restart it by hand/.test(String(l.msg)))).toBe(true);
  });

  it('when a results flusher is plugged in, then it runs before any file changes and no flush warning is given', async () => {
    const seen: string[] = [];
    const h = rotationHarness(ac.dir, undefined, {
      flusher: { flushResults: async () => void seen.push(/^TRACK=(.*)$/m.exec(snapshot().cfg)?.[1] ?? 'no TRACK') },
    });
    const result = await h.service.rotate({ kind: 'event', eventId: 'season1#event1' }, { by: 'test' });
    expect(seen).toEqual(['ks_vallelunga']);
    if (result.status !== 'rotated') throw new Error(result.status);
    expect(result.warnings.filter((w) => /flush/.test(w))).toEqual([]);
  });

  it('when kick-before-rotate is on, then the kicker is the fallback; without one the warning says the UDP client is needed', async () => {
    let kicked = 0;
    const withKicker = rotationHarness(ac.dir, undefined, {
      kickBeforeRotate: true,
      kicker: { kickAll: async () => ++kicked },
    });
    await withKicker.service.rotate({ kind: 'event', eventId: 'season1#event1' }, { by: 'test' });
    expect(kicked).toBe(1);
    const without = rotationHarness(ac.dir, undefined, { kickBeforeRotate: true });
    const result = await without.service.rotate({ kind: 'event', eventId: 'season1#event2' }, { by: 'test' });
    expect(result).toMatchObject({
      status: 'rotated',
      warnings: expect.arrayContaining([expect.stringMatching(/KICK_BEFORE_ROTATE needs the UDP plugin client/)]),
    });
  });

  it('when flushing fails, then the rotation goes on with a warning', async () => {
    const h = rotationHarness(ac.dir, undefined, {
      flusher: { flushResults: async () => Promise.reject(new Error('no END_SESSION within 15 s')) },
    });
    const result = await h.service.rotate({ kind: 'event', eventId: 'season1#event1' }, { by: 'test' });
    expect(result).toMatchObject({
      status: 'rotated',
      warnings: expect.arrayContaining(['flushing results failed: no END_SESSION within 15 s']),
    });
  });

  it('when an event value would inject INI syntax, then nothing is written', async () => {
    const h = rotationHarness(ac.dir, undefined);
    const before = snapshot();
    const evil = { ...event1(), layout: 'gp\nADMIN_PASSWORD=x' };
    const result = await rotateEvent(h.deps, evil, null, 'test');
    expect(result).toMatchObject({ status: 'failed', step: 'prepare', error: expect.stringMatching(/layout/) });
    expect(snapshot()).toEqual(before);
    expect(h.currentEventText()).toBeNull();
  });

  it('when acServer cannot be restarted at all, then the files are restored and the alert says it did not come back', async () => {
    const dead = new ChildProcessControl({
      command: './noSuchAcServer',
      cwd: ac.dir,
      log: rotationHarness(ac.dir, undefined).deps.log,
    });
    const h = rotationHarness(ac.dir, dead, { healthTimeoutMs: 500 });
    const before = snapshot();
    const result = await h.service.rotate({ kind: 'event', eventId: 'season1#event1' }, { by: 'test' });
    expect(result).toMatchObject({
      status: 'failed',
      step: 'restart',
      restored: true,
      serverBack: false,
      error: expect.stringMatching(/noSuchAcServer.*AC_SERVER_COMMAND/),
    });
    expect(snapshot()).toEqual(before);
    expect(h.alerts[0]).toMatch(/acServer did not come back: check it now/);
  });

  it('when currentEvent.json cannot be written, then the INI files are restored', async () => {
    const h = rotationHarness(ac.dir, undefined, {
      writeCurrentEvent: () => Promise.reject(new Error('EACCES: permission denied')),
    });
    const before = snapshot();
    const result = await h.service.rotate({ kind: 'event', eventId: 'season1#event1' }, { by: 'test' });
    expect(result).toMatchObject({ status: 'failed', step: 'current-event', restored: true, serverBack: null });
    expect(snapshot()).toEqual(before);
  });

  it('when rotating many times, then only the last few backups of each file are kept', async () => {
    const h = rotationHarness(ac.dir, undefined); // keeps 3
    for (const [i, id] of ['event1', 'event2', 'event1', 'event2', 'event1'].entries()) {
      h.clock.set(`2030-01-14T18:0${i}:00Z`);
      expect((await h.service.rotate({ kind: 'event', eventId: `season1#${id}` }, { by: 'test' })).status).toBe(
        'rotated',
      );
    }
    const backups = readdirSync(path.join(ac.dir, 'cfg', 'backup')).sort();
    expect(backups).toEqual([
      'entry_list.2030-01-14T18-02-00-000Z.ini',
      'entry_list.2030-01-14T18-03-00-000Z.ini',
      'entry_list.2030-01-14T18-04-00-000Z.ini',
      'server_cfg.2030-01-14T18-02-00-000Z.ini',
      'server_cfg.2030-01-14T18-03-00-000Z.ini',
      'server_cfg.2030-01-14T18-04-00-000Z.ini',
    ]);
    expect(readFileSync(path.join(ac.dir, 'cfg', 'backup', 'server_cfg.2030-01-14T18-04-00-000Z.ini'), 'utf8')).toMatch(
      /^TRACK=suzuka$/m,
    );
  });
});
