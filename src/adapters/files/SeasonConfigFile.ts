import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { FSWatcher } from 'chokidar';
import { startWatcher } from './startWatcher';
import type { Logger } from '../../logger';
import type { SeasonConfig } from '../../domain/season/season';
import { parseSeasonConfig } from '../../domain/season/seasonSchema';
import type { KnownServers } from '../../domain/servers/checkEventServers';
import { packageRoot } from './packageRoot';

export const EXAMPLE_SEASON_CONFIG = path.join(packageRoot(), 'examples/seasonConfig.json');

/**
 * seasonConfig.json on disk. Holds the last VALID config: an invalid edit is reported and the
 * bot keeps running on the previous one until the file is fixed.
 */
export class SeasonConfigFile {
  private config: SeasonConfig;
  private watcher: FSWatcher | undefined;

  private constructor(
    readonly file: string,
    initial: SeasonConfig,
    private readonly log: Logger,
    private readonly servers: KnownServers | undefined,
  ) {
    this.config = initial;
  }

  /**
   * Load at start-up. A missing file is created from examples/seasonConfig.json so a fresh clone
   * runs; an invalid file stops start-up (there is no last good config yet).
   */
  static async load(file: string, log: Logger, servers?: KnownServers): Promise<SeasonConfigFile> {
    try {
      await fs.access(file);
    } catch {
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.copyFile(EXAMPLE_SEASON_CONFIG, file);
      log.warn({ file }, 'no season config found: wrote the example season there; edit it to describe your league');
    }
    const config = parseSeasonConfig(await fs.readFile(file, 'utf8'), file, servers);
    return new SeasonConfigFile(file, config, log, servers);
  }

  current(): SeasonConfig {
    return this.config;
  }

  /** Re-read on every change; `onChange` gets each valid new config, `onInvalid` the error text. */
  async watch(
    handlers: { onChange(c: SeasonConfig): void; onInvalid(message: string): void },
    settleMs = 200,
  ): Promise<void> {
    const reload = () => void this.reload(handlers);
    this.watcher = await startWatcher(
      this.file,
      { what: 'season config', settleMs, pollMs: 50, add: reload, change: reload },
      this.log,
    );
  }

  async reload(handlers: { onChange(c: SeasonConfig): void; onInvalid(message: string): void }): Promise<boolean> {
    try {
      const next = parseSeasonConfig(await fs.readFile(this.file, 'utf8'), this.file, this.servers);
      this.config = next;
      this.log.info({ file: this.file }, 'season config reloaded');
      handlers.onChange(next);
      return true;
    } catch (err) {
      const message = `${(err as Error).message} — the bot keeps running on the last valid season config until the file is fixed.`;
      this.log.error({ file: this.file }, message);
      handlers.onInvalid(message);
      return false;
    }
  }

  async close(): Promise<void> {
    await this.watcher?.close();
  }
}
