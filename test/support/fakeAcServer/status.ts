import { appendFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LoadedConfig } from './cfg';

export const STATUS_FILE = 'fake-acserver.status.json';
export const HISTORY_FILE = 'fake-acserver.history.jsonl';

export type FakeState = 'starting' | 'running' | 'failed' | 'stopped';

/** What the fake reports about itself: the latest state in STATUS_FILE, every change appended to HISTORY_FILE. */
export interface FakeStatus {
  pid: number;
  state: FakeState;
  /** epoch ms the process started (before node loaded anything) */
  processStartAt: number;
  /** epoch ms the HTTP port answered */
  readyAt?: number;
  error?: string;
  config?: LoadedConfig;
  resultsFiles: string[];
}

export function report(dir: string, status: FakeStatus): void {
  const file = path.join(dir, STATUS_FILE);
  writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(status, null, 2));
  renameSync(`${file}.${process.pid}.tmp`, file);
  appendFileSync(
    path.join(dir, HISTORY_FILE),
    `${JSON.stringify({ at: Date.now(), pid: status.pid, state: status.state, track: status.config?.track, error: status.error })}\n`,
  );
}
