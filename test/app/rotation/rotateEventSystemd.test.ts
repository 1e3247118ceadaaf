import { readFileSync } from 'node:fs';
import { SystemdControl } from '../../../src/adapters/acserver/SystemdControl';
import {
  FAKE_AC_SERVER_COMMAND,
  makeFakeAcServerFolder,
  type FakeAcServerFolder,
} from '../../support/fakeAcServer/FakeAcServerFolder';
import { fakeSystemd, type FakeSystemd } from '../../support/fakeSystemctl/fakeSystemd';
import { rotationHarness, type RotationHarness } from '../../support/rotationHarness';
import { silentLogger } from '../../../src/logger';

describe('rotateEvent end to end under the systemd adapter (fake systemctl running the fake acServer)', () => {
  let ac: FakeAcServerFolder;
  let systemd: FakeSystemd;
  let h: RotationHarness;
  const snapshot = () => ({
    cfg: readFileSync(ac.serverCfgPath, 'utf8'),
    entries: readFileSync(ac.entryListPath, 'utf8'),
  });

  beforeEach(async () => {
    ac = await makeFakeAcServerFolder('no-final-newline');
    systemd = fakeSystemd({ command: FAKE_AC_SERVER_COMMAND, cwd: ac.dir });
    systemd.systemctl('start', 'acserver');
    await ac.waitForState('running', 'ks_nordschleife');
    h = rotationHarness(ac.dir, new SystemdControl({ unit: 'acserver', log: silentLogger, env: systemd.env }), {
      healthTimeoutMs: 4000,
    });
  });
  afterEach(() => systemd.systemctl('stop', 'acserver'));

  it('when rotated, then systemd restarts the unit and acServer runs the new event', async () => {
    const old = ac.status()!.pid;
    const result = await h.service.rotate({ kind: 'event', eventId: 'season1#event1' }, { by: 'test' });
    expect(result).toMatchObject({ status: 'rotated', restarted: true });
    const status = await ac.waitForState('running', 'ks_red_bull_ring');
    expect(status.pid).not.toBe(old);
    expect(status.config!.name).toBe('Nordschleife Zeitfahren ★ Süd ⏱');
    expect(systemd.calls()).toContain('--no-ask-password restart acserver');
    expect(readFileSync(ac.serverCfgPath, 'utf8').endsWith('WELCOME_PATH=')).toBe(true);
    expect(JSON.parse(h.currentEventText()!).eventId).toBe('season1#event1');
  });

  it('when the new event fails at start, then the unit is restarted on the restored files and currentEvent.json stays as it was', async () => {
    const before = snapshot();
    ac.failOn('ks_red_bull_ring');
    const result = await h.service.rotate({ kind: 'event', eventId: 'season1#event1' }, { by: 'test' });
    expect(result).toMatchObject({ status: 'failed', step: 'health', restored: true, serverBack: true });
    if (result.status !== 'failed') throw new Error(result.status);
    expect(result.error).toMatch(/not running \(systemd unit acserver\)|no answer/);
    expect(snapshot()).toEqual(before);
    expect((await ac.waitForState('running', 'ks_nordschleife')).config!.cars).toEqual(['ks_porsche_718_cayman_s']);
    expect(systemd.calls().filter((c) => c.includes('restart'))).toHaveLength(2);
    expect(h.alerts).toHaveLength(1);
    expect(h.currentEventText()).toBeNull();
  });
});
