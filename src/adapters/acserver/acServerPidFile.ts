import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Logger } from '../../logger';

/** What the bot records about the acServer it started, to find it again after a crash. */
export interface AcServerPidRecord {
  pid: number;
  /** Kernel start time of the process (/proc/<pid>/stat): tells it from a later process with the same pid. */
  startTime: string | null;
  command: string;
  cwd: string;
  botPid: number;
}

/** Written synchronously right after the spawn: a crash a moment later must still find the process. */
export function writePidFile(file: string, rec: Omit<AcServerPidRecord, 'startTime' | 'botPid'>, log: Logger): void {
  const full: AcServerPidRecord = { ...rec, startTime: processStartTime(rec.pid), botPid: process.pid };
  try {
    writeFileSync(file, `${JSON.stringify(full)}\n`, { mode: 0o640 });
  } catch (err) {
    log.warn(
      { err, pidFile: file },
      `could not write ${file}: if the bot is killed, stop acServer pid ${rec.pid} by hand before starting it again`,
    );
  }
}

export function removePidFile(file: string, pid: number): void {
  try {
    if (readPidFile(file)?.pid === pid) rmSync(file, { force: true });
  } catch {
    // a stale pid file is checked against the process's start time anyway
  }
}

/**
 * A previous bot process was killed and its acServer kept running (parent 1): it holds the ports,
 * so a new one would loop on "address in use". Stops it (SIGTERM, then SIGKILL) when the pid file
 * names a process that is still the one the bot started, and says so in the log.
 */
export async function stopLeftoverAcServer(file: string, log: Logger, timeoutMs: number): Promise<void> {
  const rec = readPidFile(file);
  if (!rec) return;
  const alive = isAlive(rec.pid);
  const same = alive && rec.startTime !== null && processStartTime(rec.pid) === rec.startTime;
  if (alive && !same) {
    log.warn(
      { pid: rec.pid, pidFile: file },
      `the pid file names process ${rec.pid}, which is not the acServer the bot started (it ended and the pid was reused): left alone`,
    );
  }
  if (same) {
    log.warn(
      { pid: rec.pid, command: rec.command, botPid: rec.botPid },
      `stopping acServer pid ${rec.pid}, left running by a bot process that did not stop cleanly (pid ${rec.botPid}); it holds acServer's ports`,
    );
    signal(rec.pid, 'SIGTERM');
    const deadline = Date.now() + timeoutMs;
    while (isAlive(rec.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    if (isAlive(rec.pid)) {
      log.warn({ pid: rec.pid }, 'the leftover acServer ignored SIGTERM; killing it');
      signal(rec.pid, 'SIGKILL');
      while (isAlive(rec.pid)) await new Promise((r) => setTimeout(r, 50));
    }
    log.info({ pid: rec.pid }, 'leftover acServer stopped');
  }
  rmSync(file, { force: true });
}

function readPidFile(file: string): AcServerPidRecord | null {
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as Partial<AcServerPidRecord>;
    return Number.isInteger(v.pid) && (v.pid as number) > 1 ? (v as AcServerPidRecord) : null;
  } catch {
    return null;
  }
}

/** Field 22 of /proc/<pid>/stat (after the command name, which may hold spaces); null off Linux. */
function processStartTime(pid: number): string | null {
  const stat = procStat(pid);
  return stat ? (stat[19] ?? null) : null;
}

/** Fields from 3 (state) on; null when there is no such process (or no /proc). */
function procStat(pid: number): string[] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

// A zombie (exited, not yet reaped by its new parent) holds no port: it counts as gone.
function isAlive(pid: number): boolean {
  const stat = procStat(pid);
  return stat !== null && stat[0] !== 'Z' && stat[0] !== 'X';
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // gone meanwhile
  }
}
