import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AcServerConfigFiles, AcServerIniFiles, StagedIniFiles } from '../../app/rotation/acServerPorts';
import type { EventConfig } from '../../domain/season/season';
import type { Clock } from '../../app/ports';
import { eventCarModels } from '../../domain/rotation/ini/eventCars';
import { NEW_DIR_MODE, stageFileAtomic, syncDir, writeFileAtomic, type StagedFile } from '../files/atomicWrite';
import { insideFolder } from './insideFolder';

const FILES = { serverCfg: 'server_cfg', entryList: 'entry_list' } as const;

/**
 * The acServer installation folder: cfg/server_cfg.ini, cfg/entry_list.ini, cfg/backup/ and
 * content/. Every path is built through insideFolder, so no id can reach outside it.
 */
export class AcServerFolder implements AcServerConfigFiles {
  constructor(
    readonly root: string,
    private readonly clock: Clock,
    private readonly keepBackups = 10,
  ) {}

  file(name: keyof typeof FILES): string {
    return insideFolder(this.root, 'cfg', `${FILES[name]}.ini`);
  }

  async read(): Promise<AcServerIniFiles> {
    return { serverCfg: await readOrNull(this.file('serverCfg')), entryList: await readOrNull(this.file('entryList')) };
  }

  async backup(files: AcServerIniFiles): Promise<string[]> {
    const dir = insideFolder(this.root, 'cfg', 'backup');
    await fs.mkdir(dir, { recursive: true, mode: NEW_DIR_MODE });
    const stamp = this.clock.now().toISOString().replace(/[:.]/g, '-');
    const written: string[] = [];
    for (const key of Object.keys(FILES) as Array<keyof typeof FILES>) {
      const text = files[key];
      if (text === null) continue;
      const target = await freeName(dir, `${FILES[key]}.${stamp}`);
      // server_cfg.ini holds ADMIN_PASSWORD: copies are for the bot's user only, whatever the original's mode.
      await writeFileAtomic(target, text, { mode: 0o600 });
      written.push(target);
      await prune(dir, FILES[key], this.keepBackups);
    }
    return written;
  }

  async stage(files: AcServerIniFiles): Promise<StagedIniFiles> {
    await this.removeStaleTemps();
    const staged: Array<StagedFile | { remove: string }> = [];
    const discard = () => Promise.all(staged.flatMap((s) => ('tmp' in s ? [s.discard()] : []))).then(() => undefined);
    try {
      for (const key of Object.keys(FILES) as Array<keyof typeof FILES>) {
        const text = files[key];
        staged.push(text === null ? { remove: this.file(key) } : await stageFileAtomic(this.file(key), text));
      }
    } catch (err) {
      await discard();
      throw err;
    }
    return {
      commit: async () => {
        try {
          for (const s of staged) await ('tmp' in s ? s.commit() : fs.rm(s.remove, { force: true }));
        } catch (err) {
          await discard();
          throw err;
        }
        await syncDir(path.dirname(this.file('serverCfg')));
      },
      discard,
    };
  }

  async write(files: AcServerIniFiles): Promise<void> {
    await (await this.stage(files)).commit();
  }

  async missingContent(event: EventConfig): Promise<string[]> {
    const missing: string[] = [];
    const tracks = insideFolder(this.root, 'content', 'tracks');
    if (await isDir(tracks)) {
      const track = insideFolder(tracks, event.track);
      if (!(await isDir(track))) missing.push(path.relative(this.root, track));
      else if (event.layout !== '' && !(await isDir(insideFolder(track, event.layout)))) {
        missing.push(path.relative(this.root, insideFolder(track, event.layout)));
      }
    }
    const cars = insideFolder(this.root, 'content', 'cars');
    if (await isDir(cars)) {
      for (const model of eventCarModels(event)) {
        const car = insideFolder(cars, model);
        if (!(await isDir(car))) missing.push(path.relative(this.root, car));
      }
    }
    return missing;
  }

  /** Temp files of the pair that a killed bot left behind (a new staging replaces them anyway). */
  private async removeStaleTemps(): Promise<void> {
    const dir = path.dirname(this.file('serverCfg'));
    const names = await fs.readdir(dir).catch(() => [] as string[]);
    const stale = names.filter((n) =>
      Object.values(FILES).some((f) => n.startsWith(`.${f}.ini.`) && n.endsWith('.tmp')),
    );
    await Promise.all(stale.map((n) => fs.rm(path.join(dir, n), { force: true })));
  }
}

async function readOrNull(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

async function isDir(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isDirectory();
  } catch {
    return false;
  }
}

// Two rotations within one clock tick (tests, a fast /rotate after the cron) must not overwrite a backup.
async function freeName(dir: string, base: string): Promise<string> {
  for (let n = 0; ; n++) {
    const candidate = path.join(dir, n === 0 ? `${base}.ini` : `${base}.${n}.ini`);
    try {
      await fs.access(candidate);
    } catch {
      return candidate;
    }
  }
}

async function prune(dir: string, prefix: string, keep: number): Promise<void> {
  const names = (await fs.readdir(dir)).filter((n) => n.startsWith(`${prefix}.`) && n.endsWith('.ini'));
  const dated = await Promise.all(
    names.map(async (n) => ({ n, at: (await fs.stat(path.join(dir, n))).mtimeMs, ...nameOrder(n) })),
  );
  dated.sort((a, b) => b.at - a.at || b.base.localeCompare(a.base) || b.seq - a.seq);
  for (const old of dated.slice(keep)) await fs.rm(path.join(dir, old.n), { force: true });
}

function nameOrder(name: string): { base: string; seq: number } {
  const m = /^(.*?)(?:\.(\d+))?\.ini$/.exec(name);
  return { base: m?.[1] ?? name, seq: Number(m?.[2] ?? 0) };
}
