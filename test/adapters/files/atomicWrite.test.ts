import { chmodSync, chownSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stageFileAtomic, writeFileAtomic, writeJsonAtomic } from '../../../src/adapters/files/atomicWrite';

const mode = (file: string) => statSync(file).mode & 0o7777;

describe('writeJsonAtomic', () => {
  it('when many writes of the same file race, then the file is always one complete write and no temp file is left', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'atomic-'));
    const file = path.join(dir, 'leaderboard.json');
    await Promise.all(Array.from({ length: 200 }, (_, i) => writeJsonAtomic(file, { i, rows: Array(50).fill(i) })));
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    expect(doc.rows.every((r: number) => r === doc.i)).toBe(true);
    expect(readdirSync(dir)).toEqual(['leaderboard.json']);
  });
});

describe('writeFileAtomic: file modes', () => {
  let umask: number;
  beforeEach(() => (umask = process.umask(0o022))); // the usual default, which made every file 0644
  afterEach(() => process.umask(umask));

  it('when it replaces a 0600 file (server_cfg.ini holds ADMIN_PASSWORD), then the new file is 0600 too', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'atomic-')), 'server_cfg.ini');
    writeFileSync(file, 'ADMIN_PASSWORD=old\n');
    chmodSync(file, 0o600);
    await writeFileAtomic(file, 'ADMIN_PASSWORD=new\n');
    expect(mode(file)).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe('ADMIN_PASSWORD=new\n');
  });

  it('when it replaces a group-writable file, then that mode is kept as it was (not the umask)', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'atomic-')), 'entry_list.ini');
    writeFileSync(file, 'x');
    chmodSync(file, 0o664);
    await writeFileAtomic(file, 'y');
    expect(mode(file)).toBe(0o664);
  });

  it('when the file is new, then it is not readable by others and its new folders are 0750', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'atomic-'));
    const file = path.join(dir, 'leaderboards', 'season1_event1.json');
    await writeJsonAtomic(file, { rows: [] });
    expect(mode(file)).toBe(0o640);
    expect(mode(path.dirname(file))).toBe(0o750);
  });

  it('when a mode is asked for a new file, then it gets that mode', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'atomic-')), 'backup.ini');
    await writeFileAtomic(file, 'x', { mode: 0o600 });
    expect(mode(file)).toBe(0o600);
  });

  it('when the replaced file belongs to another user, then the owner is kept where the bot may (as root)', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'atomic-')), 'server_cfg.ini');
    writeFileSync(file, 'x');
    const mine = { uid: process.getuid!(), gid: process.getgid!() };
    const other = mine.uid === 0 ? { uid: 4321, gid: 4321 } : mine; // only root may give a file away
    chownSync(file, other.uid, other.gid);
    await writeFileAtomic(file, 'y');
    expect({ uid: statSync(file).uid, gid: statSync(file).gid }).toEqual(other);
  });
});

describe('stageFileAtomic', () => {
  it('when staged, then the target is untouched until commit; discard leaves no temp file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'atomic-'));
    const file = path.join(dir, 'a.ini');
    writeFileSync(file, 'old');
    const staged = await stageFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('old');
    await staged.commit();
    expect(readFileSync(file, 'utf8')).toBe('new');
    await (await stageFileAtomic(file, 'newer')).discard();
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['a.ini']);
  });
});
