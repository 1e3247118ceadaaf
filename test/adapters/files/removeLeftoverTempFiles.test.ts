import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, utimesSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { removeLeftoverTempFiles } from '../../../src/adapters/files/removeLeftoverTempFiles';

const ROOT = path.resolve(__dirname, '../../..');

/** Kills a process in the middle of writeFileAtomic, as SIGKILL or a power cut would: the temp file stays. */
async function interruptedWrite(dir: string): Promise<string | undefined> {
  const script = `require('${path.join(ROOT, 'src/adapters/files/atomicWrite.ts')}').writeFileAtomic(${JSON.stringify(path.join(dir, 'leaderboard.json'))}, Buffer.alloc(64 * 1024 * 1024, 32))`;
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, stdio: 'ignore' });
  const watcher = watch(dir, (_event, name) => {
    if (String(name).endsWith('.tmp')) child.kill('SIGKILL');
  });
  await new Promise((resolve) => child.once('exit', resolve));
  watcher.close();
  return readdirSync(dir).find((n) => n.endsWith('.tmp'));
}

describe('removeLeftoverTempFiles', () => {
  it('when a process was killed in the middle of an atomic write, then its temp file is found and removed once old enough', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'leftover-'));
    let left: string | undefined;
    for (let attempt = 0; attempt < 5 && !left; attempt++) left = await interruptedWrite(dir);
    expect(left).toBeDefined();
    const file = path.join(dir, left!);

    expect(await removeLeftoverTempFiles([dir], 60_000)).toEqual([]); // still young: may be a write in progress
    const old = new Date(Date.now() - 120_000);
    utimesSync(file, old, old);
    const removed = await removeLeftoverTempFiles([dir, dir, path.join(dir, 'missing')], 60_000);
    expect(removed.map((r) => r.file)).toEqual([file]);
    expect(existsSync(file)).toBe(false);
  }, 60_000);

  it('when other files look alike, then only atomic-write temp files are touched', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'leftover-'));
    const keep = ['notes.tmp', 'leaderboard.json', '.hidden.tmp', 'x.0f8fad5b-d9cb-469f-a165-70867728950e.tmp'];
    for (const name of keep) writeFileSync(path.join(dir, name), 'x');
    const old = new Date(Date.now() - 3600_000);
    for (const name of keep) utimesSync(path.join(dir, name), old, old);
    expect(await removeLeftoverTempFiles([dir], 60_000)).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual([...keep].sort());
  });
});
