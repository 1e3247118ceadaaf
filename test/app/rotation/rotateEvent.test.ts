import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { ChildProcessControl } from '../../../src/adapters/acserver/ChildProcessControl';
import {
  FAKE_AC_SERVER_COMMAND,
  makeFakeAcServerFolder,
  type FakeAcServerFolder,
} from '../../support/fakeAcServer/FakeAcServerFolder';
import { rotationHarness, type RotationHarness } from '../../support/rotationHarness';
import { captureLog } from '../../support/captureLog';

describe('rotateEvent end to end with the fake acServer as a child process', () => {
  let ac: FakeAcServerFolder;
  let control: ChildProcessControl;
  let h: RotationHarness;
  const snapshot = () => ({
    cfg: readFileSync(ac.serverCfgPath, 'utf8'),
    entries: readFileSync(ac.entryListPath, 'utf8'),
  });

  beforeEach(async () => {
    ac = await makeFakeAcServerFolder('crlf-plugin', {
      content: {
        tracks: ['ks_red_bull_ring/layout_national', 'suzuka/suzukagp'],
        cars: ['ks_mazda_mx5_cup', 'tatuusfa1', 'ks_porsche_911_gt3_cup_2017'],
      },
    });
    control = new ChildProcessControl({
      command: FAKE_AC_SERVER_COMMAND,
      cwd: ac.dir,
      log: captureLog().log,
      backoff: { firstMs: 100, maxMs: 1000, stableMs: 60_000 },
    });
    h = rotationHarness(ac.dir, control, { healthTimeoutMs: 4000 });
    await control.start();
    await ac.waitForState('running', 'magione');
  });
  afterEach(() => control.stop());

  it('when it is a dry run, then the INI changes are listed and nothing is touched', async () => {
    const before = snapshot();
    const mtime = statSync(ac.serverCfgPath).mtimeMs;
    const pid = ac.status()!.pid;
    const result = await h.service.rotate({ kind: 'event', eventId: 'season1#event1' }, { by: 'test', dryRun: true });
    expect(result).toMatchObject({ status: 'dry-run', problems: [] });
    if (result.status !== 'dry-run') throw new Error('not a dry run');
    expect(result.plan.serverCfg).toEqual([
      { section: 'SERVER', key: 'CARS', from: 'ks_bmw_m235i_racing', to: 'ks_mazda_mx5_cup;tatuusfa1' },
      { section: 'SERVER', key: 'TRACK', from: 'magione', to: 'ks_red_bull_ring' },
      { section: 'SERVER', key: 'CONFIG_TRACK', from: '', to: 'layout_national' },
      { section: 'SERVER', key: 'MAX_CLIENTS', from: '10', to: '5' },
    ]);
    expect(result.plan.entryList).toEqual({
      before: [{ model: 'ks_bmw_m235i_racing', slots: 10 }],
      after: [
        { model: 'ks_mazda_mx5_cup', slots: 3 },
        { model: 'tatuusfa1', slots: 2 },
      ],
      changed: true,
    });
    expect(snapshot()).toEqual(before);
    expect(statSync(ac.serverCfgPath).mtimeMs).toBe(mtime);
    expect(ac.status()!.pid).toBe(pid);
    expect(h.currentEventText()).toBeNull();
  });

  it('when acServer fails to start on the new event, then the old files are back, acServer runs them again, admins are alerted and currentEvent.json is unchanged', async () => {
    writeFileSync(h.currentEventFile, '{"eventId":"season0#old"}\n');
    const before = snapshot();
    ac.failOn('suzuka');
    const result = await h.service.rotate({ kind: 'event', eventId: 'season1#event2' }, { by: 'test' });
    expect(result).toMatchObject({ status: 'failed', step: 'health', restored: true, serverBack: true });
    expect(snapshot()).toEqual(before);
    const status = await ac.waitForState('running', 'magione');
    expect(status.config!.cars).toEqual(['ks_bmw_m235i_racing']);
    expect(ac.history().some((e) => e.state === 'failed' && e.track === 'suzuka')).toBe(true);
    expect(h.alerts).toHaveLength(1);
    expect(h.alerts[0]).toMatch(
      /Rotation to season1#event2 failed at step "health".*previous INI files are restored and acServer is back on them.*currentEvent\.json is unchanged/,
    );
    expect(h.currentEventText()).toBe('{"eventId":"season0#old"}\n');
    expect(await h.state.lastRotation()).toBeUndefined();
  });

  it('when two rotations are asked at once, then the second is refused while the first runs', async () => {
    const [first, second] = await Promise.all([
      h.service.rotate({ kind: 'event', eventId: 'season1#event1' }, { by: 'a' }),
      h.service.rotate({ kind: 'event', eventId: 'season1#event2' }, { by: 'b' }),
    ]);
    expect(first.status).toBe('rotated');
    expect(second).toEqual({ status: 'busy', eventId: 'season1#event1' });
    expect(JSON.parse(h.currentEventText()!).eventId).toBe('season1#event1');
    expect((await ac.waitForState('running', 'ks_red_bull_ring')).config!.track).toBe('ks_red_bull_ring');
    expect(h.service.inProgress).toBeNull();
    expect((await h.service.rotate({ kind: 'event', eventId: 'season1#event2' }, { by: 'b' })).status).toBe('rotated');
  });

  it('when a car folder is missing from content/, then nothing is written or restarted and the error names the folder', async () => {
    const before = snapshot();
    const pid = ac.status()!.pid;
    const result = await h.service.rotate({ kind: 'event', eventId: 'season1#event3' }, { by: 'test' });
    expect(result).toMatchObject({ status: 'failed', step: 'prepare', restored: false, serverBack: null });
    if (result.status !== 'failed') throw new Error('expected a failure');
    expect(result.error).toMatch(/content\/tracks\/monza/);
    expect(result.error).toMatch(/content\/cars\/lotus_exos_125/);
    expect(snapshot()).toEqual(before);
    expect(ac.status()!.pid).toBe(pid);
    expect(h.alerts[0]).toMatch(/Nothing was changed/);
  });

  it('when the target is next or scheduled, then the clock picks the event', async () => {
    h.clock.set('2030-01-08T00:00:00Z');
    expect(h.service.resolve({ kind: 'scheduled' })).toMatchObject({ id: 'season1#event1' });
    expect(h.service.resolve({ kind: 'next' })).toMatchObject({ id: 'season1#event2' });
    h.clock.set('2030-02-01T00:00:00Z');
    expect(await h.service.rotate({ kind: 'next' }, { by: 'test' })).toEqual({
      status: 'no-event',
      reason: expect.stringMatching(/no later event/),
    });
    h.clock.set('2029-01-01T00:00:00Z');
    expect(await h.service.rotate({ kind: 'scheduled' }, { by: 'test' })).toEqual({
      status: 'no-event',
      reason: expect.stringMatching(/No event has started/),
    });
    expect(await h.service.rotate({ kind: 'event', eventId: 'season1#nope' }, { by: 'test' })).toMatchObject({
      status: 'no-event',
    });
  });
});
