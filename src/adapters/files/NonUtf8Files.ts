import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../../logger';
import { nonUtf8Names } from './nonUtf8Names';

/**
 * Results files whose names are not valid UTF-8 (a Latin-1 name copied from Windows): the folder
 * watcher never reports them, so the folder's raw names are scanned at start, on a hint from the
 * watcher, and every minute. A file is handed over once its size and time stayed the same for
 * one settle time, under its escaped name (see escapeFileName), and read by its bytes.
 */
export class NonUtf8Files {
  private readonly known = new Map<string, { bytesPath: Buffer; sig: string; handed: boolean }>();
  private soon: NodeJS.Timeout | undefined;
  private readonly every: NodeJS.Timeout;

  constructor(
    private readonly dir: string,
    private readonly settleMs: number,
    private readonly log: Logger,
    private readonly found: (file: string) => void,
  ) {
    this.every = setInterval(() => this.scanSoon(), 60_000);
    this.every.unref?.();
  }

  /** The path (bytes) to open for a name this class handed over. */
  bytesPath(file: string): Buffer | undefined {
    return this.known.get(file)?.bytesPath;
  }

  scanSoon(): void {
    if (this.soon) return;
    this.soon = setTimeout(() => {
      this.soon = undefined;
      this.scan().catch((err: Error) =>
        this.log.warn({ err, dir: this.dir }, `could not scan ${this.dir} for non-UTF-8 file names: ${err.message}`),
      );
    }, this.settleMs);
    this.soon.unref?.();
  }

  async scan(): Promise<void> {
    const present = new Set<string>();
    for (const { name, path: bytesPath } of await nonUtf8Names(this.dir)) {
      const file = path.join(this.dir, name);
      const stat = await fs.lstat(bytesPath).catch(() => undefined);
      if (!stat) continue;
      present.add(file);
      const sig = `${stat.size}:${stat.mtimeMs}`;
      const known = this.known.get(file);
      if (known?.sig === sig) {
        if (!known.handed) this.found(file);
        known.handed = true;
        continue;
      }
      if (!known) {
        this.log.warn(
          { file: name },
          `results file name is not valid UTF-8; read by its bytes and recorded as ${name}. Renaming it to plain ASCII (like acServer's own names) makes it easier to handle.`,
        );
      }
      this.known.set(file, { bytesPath, sig, handed: false });
      this.scanSoon(); // handed over once it stops changing
    }
    for (const file of this.known.keys()) if (!present.has(file)) this.known.delete(file);
  }

  stop(): void {
    clearInterval(this.every);
    if (this.soon) clearTimeout(this.soon);
  }
}
