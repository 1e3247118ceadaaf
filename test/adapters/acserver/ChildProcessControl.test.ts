import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ChildProcessControl } from '../../../src/adapters/acserver/ChildProcessControl';
import {
  FAKE_AC_SERVER_COMMAND,
  makeFakeAcServerFolder,
  type FakeAcServerFolder,
} from '../../support/fakeAcServer/FakeAcServerFolder';
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
    control = new ChildProcessControl({
      command: FAKE_AC_SERVER_COMMAND,
      cwd: ac.dir,
      log,
      backoff: { firstMs: 50, maxMs: 200, stableMs: 60_000 },
    });
  });
  afterEach(() => control.stop());

  it('when started, then acServer runs from its folder on its cfg files and its stdout lands in the log', async () => {
    await control.start();
    const status = await ac.waitForState('running', 'magione');
    expect(status.pid).toBe(control.pid);
    expect(await control.isRunning()).toBe(true);
    await waitFor(
      () =>
        lines.some(
          (l) => l.stream === 'stdout' && l.msg === 'TRACK=magione CONFIG_TRACK=' && l.component === 'acserver',
        ),
      3000,
      'stdout line',
    );
  });

  it('when restarted, then the old process got SIGTERM (and wrote its results) and a new one runs', async () => {
    await control.start();
    const first = await ac.waitForState('running');
    await control.restart();
    const second = await ac.waitForState('running');
    expect(second.pid).not.toBe(first.pid);
    expect(
      ac
        .history()
        .filter((h) => h.pid === first.pid)
        .map((h) => h.state),
    ).toContain('stopped');
    expect(readdirSync(path.join(ac.dir, 'results')).some((f) => /^\d+_\d+_\d+_\d+_\d+_PRACTICE\.json$/.test(f))).toBe(
      true,
    );
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

describe('ChildProcessControl: what acServer inherits and what the bot remembers about it', () => {
  it('when the bot has secrets in its environment, then acServer gets none of them and none of the bot settings', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'acenv-'));
    const dump = `"${process.execPath}" -e "require('fs').writeFileSync('env.json', JSON.stringify(process.env))"`;
    const env = {
      PATH: process.env.PATH,
      LANG: 'C.UTF-8',
      DISCORD_TOKEN: 'discord-secret',
      AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'aws-secret',
      AWS_SESSION_TOKEN: 'aws-session',
      AWS_PROFILE: 'league',
      DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000',
      ADMIN_ROLE_ID: '123456789012345678',
      STORE: 'sqlite',
      SENTRY_AUTH_TOKEN: 'sentry-secret',
      STEAM_API_KEY: 'steam-secret',
      SMTP_PASSWORD: 'smtp-secret',
      FAKE_AC_START_DELAY_MS: '0',
    };
    const control = new ChildProcessControl({
      command: dump,
      cwd: dir,
      log: captureLog().log,
      env,
      backoff: { firstMs: 60_000, maxMs: 60_000, stableMs: 60_000 },
    });
    await control.start();
    await waitFor(
      () => existsSync(path.join(dir, 'env.json')) && readFileSync(path.join(dir, 'env.json'), 'utf8').endsWith('}'),
      10_000,
      'the child writing its environment',
    );
    await control.stop();
    const seen = JSON.parse(readFileSync(path.join(dir, 'env.json'), 'utf8')) as Record<string, string>;
    expect(seen).toMatchObject({ PATH: process.env.PATH, LANG: 'C.UTF-8', FAKE_AC_START_DELAY_MS: '0' });
    expect(
      Object.keys(seen).filter((k) => k in env && !['PATH', 'LANG', 'FAKE_AC_START_DELAY_MS'].includes(k)),
    ).toEqual([]);
    expect(JSON.stringify(seen)).not.toMatch(/secret|AKIAEXAMPLE|aws-session/);
  });

  it('when it runs acServer, then the pid file names it; once stopped, the pid file is gone', async () => {
    const ac = await makeFakeAcServerFolder('crlf-plugin');
    const pidFile = path.join(mkdtempSync(path.join(tmpdir(), 'data-')), 'acserver.pid');
    const control = new ChildProcessControl({
      command: FAKE_AC_SERVER_COMMAND,
      cwd: ac.dir,
      log: captureLog().log,
      pidFile,
    });
    await control.start();
    try {
      expect(JSON.parse(readFileSync(pidFile, 'utf8'))).toMatchObject({
        pid: control.pid,
        cwd: ac.dir,
        botPid: process.pid,
        startTime: expect.any(String),
      });
      expect(statSync(pidFile).mode & 0o007).toBe(0);
    } finally {
      await control.stop();
    }
    expect(existsSync(pidFile)).toBe(false);
  });
});
