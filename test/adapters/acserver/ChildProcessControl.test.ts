import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ChildProcessControl } from '../../../src/adapters/acserver/ChildProcessControl';
import { FAKE_AC_SERVER_COMMAND, makeFakeAcServerFolder, type FakeAcServerFolder } from '../../support/fakeAcServer/FakeAcServerFolder';
import { waitFor } from '../../support/fakeDiscord/waitFor';
import { captureLog } from '../../support/captureLog';

describe('ChildProcessControl with the fake acServer', () => {
  let ac: FakeAcServerFolder;
  let control: ChildProcessControl;
  let log: ReturnType<typeof captureLog>['log'];
  let lines: ReturnType<typeof captureLog>['lines'];

  beforeEach(async () => {
    ({ log, lines } = captureLog());
    ac = await makeFakeAcServerFolder('crlf-plugin');
    control = new ChildProcessControl({ command: FAKE_AC_SERVER_COMMAND, cwd: ac.dir, log, backoff: { firstMs: 50, maxMs: 200, stableMs: 60_000 } });
  });
  afterEach(() => control.stop());

  it('when started, then acServer runs from its folder on its cfg files and its stdout lands in the log', async () => {
    await control.start();
    const status = await ac.waitForState('running', 'magione');
    expect(status.pid).toBe(control.pid);
    expect(await control.isRunning()).toBe(true);
    await waitFor(() => lines.some((l) => l.stream === 'stdout' && l.msg === 'TRACK=magione CONFIG_TRACK=' && l.component === 'acserver'), 3000, 'stdout line');
  });

  it('when restarted, then the old process got SIGTERM (and wrote its results) and a new one runs', async () => {
    await control.start();
    const first = await ac.waitForState('running');
    await control.restart();
    const second = await ac.waitForState('running');
    expect(second.pid).not.toBe(first.pid);
    expect(ac.history().filter((h) => h.pid === first.pid).map((h) => h.state)).toContain('stopped');
    expect(readdirSync(path.join(ac.dir, 'results')).some((f) => /^\d+_\d+_\d+_\d+_\d+_PRACTICE\.json$/.test(f))).toBe(true);
  });

  it('when acServer dies, then it is started again', async () => {
    await control.start();
    const first = await ac.waitForState('running');
    process.kill(first.pid, 'SIGKILL');
    await waitFor(() => ac.status()?.state === 'running' && ac.status()!.pid !== first.pid, 10_000, 'respawn');
    expect(lines.some((l) => l.level === 50 && String(l.msg).startsWith('acServer exited'))).toBe(true);
  });

  it('when acServer keeps failing at start, then the restart delay doubles up to its bound', async () => {
    ac.failOn('*');
    await control.start();
    await waitFor(() => lines.filter((l) => l.restartInMs !== undefined).length >= 4, 20_000, 'four crashes');
    const delays = lines.filter((l) => l.restartInMs !== undefined).map((l) => l.restartInMs);
    expect(delays.slice(0, 4)).toEqual([50, 100, 200, 200]);
    expect(lines.some((l) => l.stream === 'stderr' && String(l.msg).includes('made to fail'))).toBe(true);
  });

  it('when stopped, then acServer ends and is not started again', async () => {
    await control.start();
    const status = await ac.waitForState('running');
    await control.stop();
    expect(await control.isRunning()).toBe(false);
    await new Promise((r) => setTimeout(r, 300));
    expect(ac.status()?.pid).toBe(status.pid);
    expect(ac.status()?.state).toBe('stopped');
    await expect(control.restart()).rejects.toThrow(/shutting down/);
    expect(await control.isRunning()).toBe(false);
  });

  it('when the command does not exist, then start fails naming the command and the settings', async () => {
    const bad = new ChildProcessControl({ command: './noSuchAcServer', cwd: ac.dir, log });
    await expect(bad.start()).rejects.toThrow(/\.\/noSuchAcServer.*AC_SERVER_COMMAND/);
    expect(await bad.isRunning()).toBe(false);
  });
});
