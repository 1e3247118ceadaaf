import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import { watch, type FSWatcher } from 'chokidar';
import type { Logger } from '../../logger';
import { readCurrentEventId } from './currentEventFile';

/**
 * Watches currentEvent.json, whoever writes it (the rotation, an admin by hand, another tool).
 * The folder is watched, so the file may be created, replaced by an atomic rename, or deleted.
 */
export class CurrentEventWatcher {
  private watcher: FSWatcher | undefined;

  constructor(
    private readonly file: string,
    private readonly log: Logger,
    private readonly onChange: (eventId: string | null) => Promise<void>,
  ) {}

  async start(settleMs = 100): Promise<void> {
    const dir = path.dirname(this.file);
    await mkdir(dir, { recursive: true });
    const name = path.basename(this.file);
    this.watcher = watch(dir, {
      depth: 0,
      ignoreInitial: true,
      awaitWriteFinish: { stabilityThreshold: settleMs, pollInterval: 25 },
      ignored: (p) => p !== dir && path.basename(p) !== name,
    });
    const fire = () =>
      void readCurrentEventId(this.file)
        .then((id) => this.onChange(id))
        .catch((err) => this.log.error({ err, file: this.file }, 'could not handle the current event change'));
    this.watcher.on('add', fire).on('change', fire).on('unlink', fire);
    await new Promise<void>((resolve) => this.watcher!.once('ready', () => resolve()));
  }

  async stop(): Promise<void> {
    await this.watcher?.close();
  }
}
