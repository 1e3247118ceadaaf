import type { EventConfig } from '../../domain/season/season';
import type { AcServerIniFiles } from './acServerPorts';

/**
 * How far a rotation got, which decides how start-up completes it: 'write' (the INI pair may be
 * half renamed; acServer still runs what it loaded), 'restart' (acServer may run the new pair),
 * 'current-event' (acServer answered on the new event; only currentEvent.json may be missing).
 */
export type JournalStep = 'write' | 'restart' | 'current-event';

/** The intent of a rotation in progress, written before the INI pair changes and removed once it is done or undone. */
export interface RotationJournalEntry {
  event: EventConfig;
  previousEventId: string | null;
  by: string;
  startedAt: string;
  step: JournalStep;
  /** The pair of the last event that ran (what an undo puts back). */
  previous: AcServerIniFiles;
  next: AcServerIniFiles;
}

/** One journal in the data folder (adapter: src/adapters/files/RotationJournalFile.ts). */
export interface RotationJournal {
  /** For log lines and alerts: where the journal is. */
  readonly description: string;
  read(): Promise<RotationJournalEntry | null>;
  write(entry: RotationJournalEntry): Promise<void>;
  clear(): Promise<void>;
}
