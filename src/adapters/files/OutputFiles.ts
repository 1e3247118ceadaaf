import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { BotState, OutputFileRecord } from '../../app/runtime/BotState';
import { writeFileAtomic } from './atomicWrite';

/** Files larger than this are written without indentation. */
export const INDENT_MAX_BYTES = 1024 * 1024;

/**
 * The files other tools read (leaderboard and standings files), kept in step with the store:
 * each write records in the state store what it wrote (a hash of the content without its
 * `generatedAt`, and the file's size). A file that is on disk at that size and would get the same
 * content is not written again, so everything can be offered for writing at start-up and after a
 * failed write, and only what is missing or out of date is written.
 */
export class OutputFiles {
  private records: Promise<Map<string, OutputFileRecord>> | undefined;

  constructor(
    private readonly dataDir: string,
    private readonly state: BotState,
  ) {}

  /** The path of an output file relative to DATA_DIR, as records know it. */
  relative(file: string): string {
    return path.relative(this.dataDir, file).split(path.sep).join('/');
  }

  /** Written before, by this process or an earlier one (or the CLI). */
  async known(relPath: string): Promise<boolean> {
    return (await this.load()).has(relPath);
  }

  /**
   * Writes `value` as JSON to DATA_DIR/relPath unless the file holds it already; true when written.
   * Indented for people to read, except a large file (a big season's standings), where the
   * indentation would cost more to write and parse than the data.
   */
  async write(relPath: string, value: object): Promise<boolean> {
    const { generatedAt, ...lasting } = value as Record<string, unknown>;
    const lastingJson = JSON.stringify(lasting);
    const hash = createHash('sha256').update(lastingJson).digest('hex');
    const records = await this.load();
    const file = path.join(this.dataDir, relPath);
    const had = records.get(relPath);
    if (had?.hash === hash && (await sizeOf(file)) === had.bytes) return false;
    const compact = lastingJson.length > INDENT_MAX_BYTES;
    const json = compact && generatedAt === undefined ? lastingJson : JSON.stringify(value, null, compact ? 0 : 2);
    const content = `${json}\n`;
    await writeFileAtomic(file, content);
    const rec = { hash, bytes: Buffer.byteLength(content) };
    await this.state.setOutputFile(relPath, rec);
    records.set(relPath, rec);
    return true;
  }

  private load(): Promise<Map<string, OutputFileRecord>> {
    this.records ??= this.state.outputFiles().catch((err: unknown) => {
      this.records = undefined; // the store may be back next time
      throw err;
    });
    return this.records;
  }
}

async function sizeOf(file: string): Promise<number | undefined> {
  const stat = await fs.stat(file).catch(() => undefined);
  return stat?.isFile() ? stat.size : undefined;
}
