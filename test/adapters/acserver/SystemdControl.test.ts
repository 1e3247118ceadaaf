import { SystemdControl } from '../../../src/adapters/acserver/SystemdControl';
import {
  FAKE_AC_SERVER_COMMAND,
  makeFakeAcServerFolder,
  type FakeAcServerFolder,
} from '../../support/fakeAcServer/FakeAcServerFolder';
import { fakeSystemd, type FakeSystemd } from '../../support/fakeSystemctl/fakeSystemd';
import { silentLogger } from '../../../src/logger';

describe('SystemdControl with a fake systemctl first on PATH', () => {
  let ac: FakeAcServerFolder;
  let systemd: FakeSystemd;

  beforeEach(async () => {
    ac = await makeFakeAcServerFolder('no-final-newline');
    systemd = fakeSystemd({ command: FAKE_AC_SERVER_COMMAND, cwd: ac.dir });
  });
  afterEach(() => systemd.systemctl('stop', 'acserver'));

  it('when restarted, then it runs exactly `systemctl --no-ask-password restart acserver` and the unit comes up', async () => {
    const control = new SystemdControl({ unit: 'acserver', log: silentLogger, env: systemd.env });
    expect(await control.isRunning()).toBe(false);
    await control.restart();
    const first = await ac.waitForState('running', 'ks_nordschleife');
    expect(await control.isRunning()).toBe(true);
    await control.restart();
    const second = await ac.waitForState('running');
    expect(second.pid).not.toBe(first.pid);
    expect(systemd.calls()).toEqual([
      'is-active acserver',
      '--no-ask-password restart acserver',
      'is-active acserver',
      '--no-ask-password restart acserver',
    ]);
  });

  it('when the unit is configured under another name, then that unit is restarted', async () => {
    const other = fakeSystemd({ unit: 'ac-league@1', command: FAKE_AC_SERVER_COMMAND, cwd: ac.dir });
    const control = new SystemdControl({ unit: 'ac-league@1', log: silentLogger, env: other.env });
    await control.restart();
    await ac.waitForState('running');
    expect(other.calls()).toEqual(['--no-ask-password restart ac-league@1']);
    other.systemctl('stop', 'ac-league@1');
  });

  it('when polkit denies the restart, then the error says so and points to the rule file', async () => {
    const denied = fakeSystemd({
      command: FAKE_AC_SERVER_COMMAND,
      cwd: ac.dir,
      extraEnv: { FAKE_SYSTEMCTL_DENY: '1' },
    });
    const control = new SystemdControl({ unit: 'acserver', log: silentLogger, env: denied.env });
    await expect(control.restart()).rejects.toThrow(/Access denied.*50-ac-league-bot\.rules/s);
  });

  it('when the unit does not exist, then the error carries systemctl’s message', async () => {
    const control = new SystemdControl({ unit: 'nosuchunit', log: silentLogger, env: systemd.env });
    await expect(control.restart()).rejects.toThrow(/exit 5.*nosuchunit\.service could not be found/);
    expect(await control.isRunning()).toBe(false);
  });

  it('when the unit name looks like an option or carries a space, then it is refused up front', () => {
    expect(() => new SystemdControl({ unit: '--now', log: silentLogger })).toThrow(/not a systemd unit name/);
    expect(() => new SystemdControl({ unit: 'a b', log: silentLogger })).toThrow(/not a systemd unit name/);
  });
});
