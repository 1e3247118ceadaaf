import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The folder holding the fake `systemctl`; put it first on PATH. */
export const FAKE_SYSTEMCTL_DIR = __dirname;

export interface FakeSystemd {
  /** Environment for the bot: PATH with the fake first, and what the fake unit runs. */
  env: NodeJS.ProcessEnv;
  stateDir: string;
  /** Every systemctl command line the bot ran. */
  calls(): string[];
  systemctl(...args: string[]): string;
}

/** A fake systemd managing one unit that runs `command` in `cwd` (the fake acServer). */
export function fakeSystemd(opts: {
  unit?: string;
  command: string;
  cwd: string;
  extraEnv?: Record<string, string>;
}): FakeSystemd {
  const stateDir = mkdtempSync(path.join(tmpdir(), 'systemd-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${FAKE_SYSTEMCTL_DIR}${path.delimiter}${process.env.PATH ?? ''}`,
    FAKE_SYSTEMD_DIR: stateDir,
    FAKE_SYSTEMD_UNIT: opts.unit ?? 'acserver',
    FAKE_ACSERVER_DIR: opts.cwd,
    FAKE_ACSERVER_COMMAND: opts.command,
    ...opts.extraEnv,
  };
  return {
    env,
    stateDir,
    calls: () => {
      try {
        return readFileSync(path.join(stateDir, 'calls.log'), 'utf8').trim().split('\n').filter(Boolean);
      } catch {
        return [];
      }
    },
    systemctl: (...args) => execFileSync('systemctl', args, { env, encoding: 'utf8' }),
  };
}
