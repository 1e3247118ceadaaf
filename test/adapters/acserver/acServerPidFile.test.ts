import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stopLeftoverAcServer, writePidFile } from '../../../src/adapters/acserver/acServerPidFile';
import { captureLog } from '../../support/captureLog';

/** A stand-in for an acServer that outlived its bot: a process that runs until killed. */
function leftover(): ChildProcess {
  return spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
}
const exited = (p: ChildProcess) =>
  new Promise<NodeJS.Signals | null>((resolve) =>
    p.exitCode !== null || p.signalCode !== null ? resolve(p.signalCode) : p.once('exit', (_c, s) => resolve(s)),
  );

describe('stopLeftoverAcServer', () => {
  const pidFile = () => path.join(mkdtempSync(path.join(tmpdir(), 'data-')), 'acserver.pid');

  it('when the pid file names the acServer a previous bot started, then it is stopped and the log says why', async () => {
    const { log, lines } = captureLog();
    const file = pidFile();
    const p = leftover();
    writePidFile(file, { pid: p.pid!, command: './acServer', cwd: '/srv/ac' }, log);
    await stopLeftoverAcServer(file, log, 5000);
    expect(await exited(p)).toBe('SIGTERM');
    expect(
      lines.some(
        (l) =>
          l.level === 40 &&
          String(l.msg).startsWith(
            `stopping acServer pid ${p.pid}, left running by a bot process that did not stop cleanly`,
          ),
      ),
    ).toBe(true);
    expect(existsSync(file)).toBe(false);
  });

  it('when the pid was reused by another process since, then that process is left alone', async () => {
    const { log, lines } = captureLog();
    const file = pidFile();
    const p = leftover();
    try {
      writePidFile(file, { pid: p.pid!, command: './acServer', cwd: '/srv/ac' }, log);
      const rec = JSON.parse(readFileSync(file, 'utf8'));
      writeFileSync(file, JSON.stringify({ ...rec, startTime: String(Number(rec.startTime) - 100) }));
      await stopLeftoverAcServer(file, log, 5000);
      expect(p.exitCode === null && p.signalCode === null).toBe(true);
      expect(lines.some((l) => /not the acServer the bot started .* left alone/.test(String(l.msg)))).toBe(true);
      expect(existsSync(file)).toBe(false);
    } finally {
      p.kill('SIGKILL');
    }
  });

  it('when there is no pid file, then nothing happens', async () => {
    const { log, lines } = captureLog();
    await stopLeftoverAcServer(pidFile(), log, 5000);
    expect(lines).toEqual([]);
  });
});
