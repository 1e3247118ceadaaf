import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { JournalStep, RotationJournal, RotationJournalEntry } from '../../app/rotation/rotationJournal';
import { syncDir, writeJsonAtomic } from './atomicWrite';

const STEPS: readonly JournalStep[] = ['write', 'restart', 'current-event'];

/**
 * The rotation journal as a JSON file in DATA_DIR, fsynced with its folder before the INI pair is
 * touched. 0600: it holds both versions of server_cfg.ini, ADMIN_PASSWORD included.
 */
export class RotationJournalFile implements RotationJournal {
  constructor(readonly file: string) {}

  get description(): string {
    return this.file;
  }

  async read(): Promise<RotationJournalEntry | null> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    const entry = parse(text);
    if (!entry) {
      throw new Error(
        `${this.file} is not a rotation journal the bot can read: check that cfg/server_cfg.ini and cfg/entry_list.ini belong to the event in currentEvent.json (copies are in cfg/backup), then delete the file`,
      );
    }
    return entry;
  }

  async write(entry: RotationJournalEntry): Promise<void> {
    await writeJsonAtomic(this.file, entry, { mode: 0o600 });
    await syncDir(path.dirname(this.file));
  }

  async clear(): Promise<void> {
    await fs.rm(this.file, { force: true });
    await syncDir(path.dirname(this.file));
  }
}

function parse(text: string): RotationJournalEntry | null {
  try {
    const v = JSON.parse(text) as Partial<RotationJournalEntry>;
    const pair = (p: unknown) =>
      !!p &&
      typeof p === 'object' &&
      ['serverCfg', 'entryList'].every(
        (k) =>
          k in p &&
          (typeof (p as Record<string, unknown>)[k] === 'string' || (p as Record<string, unknown>)[k] === null),
      );
    if (typeof v.event?.id !== 'string' || !STEPS.includes(v.step as JournalStep) || !pair(v.previous) || !pair(v.next))
      return null;
    return v as RotationJournalEntry;
  } catch {
    return null;
  }
}
