import type { EventConfig } from '../../domain/season/season';

/** Starts, stops and restarts acServer (adapters: systemd unit, supervised child process). */
export interface AcServerControl {
  /** For logs and replies: "systemd unit acserver", "child process ./acServer". */
  readonly description: string;
  /** Stop acServer if it runs, then start it again; resolves once the start was issued. */
  restart(): Promise<void>;
  isRunning(): Promise<boolean>;
  /** Only adapters that own the process (the child process) start it with the bot. */
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

/**
 * One way of asking acServer whether it is up on the expected event (its HTTP /INFO today; the
 * UDP plugin later). Returns null when healthy, else what is wrong, in words an admin can act on.
 */
export interface HealthCheck {
  readonly name: string;
  /** expected null: any answer will do (the event the server ran before is not known). */
  check(expected: EventConfig | null): Promise<string | null>;
}

/** Gets the running session's results file written before a restart (UDP plugin NEXT_SESSION). */
export interface ResultsFlusher {
  flushResults(): Promise<void>;
}

/** The older way of getting results written: kick every driver (UDP plugin KICK_USER). */
export interface PlayerKicker {
  kickAll(): Promise<number>;
}

/** The two INI files acServer reads; null = the file does not exist. */
export interface AcServerIniFiles {
  serverCfg: string | null;
  entryList: string | null;
}

/** acServer's cfg folder and content folders (adapter: src/adapters/acserver/AcServerFolder.ts). */
export interface AcServerConfigFiles {
  read(): Promise<AcServerIniFiles>;
  /** Copies the current files to the backup folder (keeping the last few); returns the copies' paths. */
  backup(files: AcServerIniFiles): Promise<string[]>;
  /**
   * Writes both files to temp files beside them without touching them; commit() then renames both
   * (a rotation journals the pair first, so a crash between the two renames can be undone).
   * null removes a file at commit (restoring a folder that had none).
   */
  stage(files: AcServerIniFiles): Promise<StagedIniFiles>;
  /** stage + commit. */
  write(files: AcServerIniFiles): Promise<void>;
  /** Content folders the event needs that the acServer folder lacks (empty when it has no content folder). */
  missingContent(event: EventConfig): Promise<string[]>;
}

export interface StagedIniFiles {
  commit(): Promise<void>;
  discard(): Promise<void>;
}
