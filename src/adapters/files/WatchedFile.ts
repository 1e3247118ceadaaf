import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { FSWatcher } from 'chokidar';
import { startWatcher } from './startWatcher';
import type { Logger } from '../../logger';

/**
 * One file watched for changes, whoever writes it (currentEvent.json by the rotation, an admin
 * or another tool; the CLI's change signal). The folder is watched, so the file may be created,
 * replaced by an atomic rename, or deleted. Errors in the handler are logged, never thrown.
 */
export class WatchedFile {
  private watcher: FSWatcher | undefined;

  constructor(
    readonly file: string,
    private readonly log: Logger,
    private readonly onChange: () => Promise<void>,
  ) {}

  async start(settleMs = 100): Promise<void> {
    const dir = path.dirname(this.file);
    await mkdir(dir, { recursive: true });
    const name = path.basename(this.file);
    const fire = () =>
      void this.onChange().catch((err: Error) =>
        this.log.error({ err, file: this.file }, `could not handle a change of ${this.file}: ${err.message}`),
      );
    this.watcher = await startWatcher(
      dir,
      {
        what: name,
        settleMs,
        pollMs: 25,
        depth: 0,
        ignored: (p) => p !== dir && path.basename(p) !== name,
        add: fire,
        change: fire,
        unlink: fire,
      },
      this.log,
    );
  }

  async stop(): Promise<void> {
    await this.watcher?.close();
  }
}
