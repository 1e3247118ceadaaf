import { execFile } from 'node:child_process';
import type { Logger } from '../../logger';
import type { AcServerControl } from '../../app/rotation/acServerPorts';

export interface SystemdControlOptions {
  /** AC_SERVER_UNIT, e.g. acserver (acserver.service) */
  unit: string;
  log: Logger;
  /** Tests put a fake systemctl first on PATH through this. */
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

/** A systemd unit name: letters, digits and :_.@- only, and never an option. */
export const UNIT_NAME = /^[A-Za-z0-9:_.@\\][A-Za-z0-9:_.@\\-]*$/;

/**
 * acServer as its own systemd unit. The bot only asks systemd to restart it; systemd keeps it
 * alive and collects its log (journalctl -u acserver). The bot's user needs permission for
 * exactly `systemctl restart <unit>`: see systemd/50-ac-league-bot.rules and the README.
 */
export class SystemdControl implements AcServerControl {
  readonly description: string;

  constructor(private readonly opts: SystemdControlOptions) {
    if (!UNIT_NAME.test(opts.unit))
      throw new Error(`AC_SERVER_UNIT ${JSON.stringify(opts.unit)} is not a systemd unit name`);
    this.description = `systemd unit ${opts.unit}`;
  }

  async restart(): Promise<void> {
    const { code, stderr } = await this.systemctl('--no-ask-password', 'restart', this.opts.unit);
    if (code !== 0) {
      const hint = /access denied|authentication|interactive|polkit/i.test(stderr)
        ? ' The bot user may not restart the unit: install systemd/50-ac-league-bot.rules (see README, "How the two units work together").'
        : ` See journalctl -u ${this.opts.unit}.`;
      throw new Error(
        `systemctl restart ${this.opts.unit} failed (exit ${code}): ${stderr.trim() || 'no output'}.${hint}`,
      );
    }
    this.opts.log.info({ unit: this.opts.unit }, 'systemctl restart done');
  }

  async isRunning(): Promise<boolean> {
    const { code, stdout } = await this.systemctl('is-active', this.opts.unit);
    return code === 0 && stdout.trim() === 'active';
  }

  private systemctl(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      execFile(
        'systemctl',
        args,
        { env: this.opts.env ?? process.env, timeout: this.opts.timeoutMs ?? 60_000 },
        (err, stdout, stderr) => {
          if (err && typeof err.code !== 'number') {
            const why = err.killed ? `no answer within ${this.opts.timeoutMs ?? 60_000} ms` : err.message;
            reject(new Error(`could not run systemctl ${args.join(' ')}: ${why}`));
            return;
          }
          resolve({ code: err ? Number(err.code) : 0, stdout, stderr });
        },
      );
    });
  }
}
