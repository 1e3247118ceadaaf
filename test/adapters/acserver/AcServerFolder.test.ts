import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AcServerFolder } from '../../../src/adapters/acserver/AcServerFolder';
import { insideFolder, PathEscapeError } from '../../../src/adapters/acserver/insideFolder';
import { splitCommand } from '../../../src/adapters/acserver/splitCommand';
import { makeEvent } from '../../domain/rotation/ini/makeEvent';

const clock = { now: () => new Date('2030-01-01T00:00:00Z') };

describe('insideFolder', () => {
  it.each([['..', 'etc'], ['/etc/passwd'], ['cfg', '..', '..', 'x'], ['']])(
    'when the segments %p leave the folder (or are it), then it refuses',
    (...segments) => {
      expect(() => insideFolder('/srv/ac', ...segments)).toThrow(PathEscapeError);
    },
  );
  it('when the segments stay inside, then the path is under the folder', () => {
    expect(insideFolder('/srv/ac', 'content', 'tracks', 'monza')).toBe('/srv/ac/content/tracks/monza');
  });
});

describe('AcServerFolder.missingContent', () => {
  const root = () => mkdtempSync(path.join(tmpdir(), 'acfolder-'));

  it('when the folder has no content/, then nothing can be checked and nothing is missing', async () => {
    expect(await new AcServerFolder(root(), clock).missingContent(makeEvent())).toEqual([]);
  });

  it('when content/ lacks the layout and a car, then both folders are named', async () => {
    const dir = root();
    mkdirSync(path.join(dir, 'content', 'tracks', 'ks_red_bull_ring', 'layout_gp'), { recursive: true });
    mkdirSync(path.join(dir, 'content', 'cars', 'ks_mazda_mx5_cup'), { recursive: true });
    expect(await new AcServerFolder(dir, clock).missingContent(makeEvent())).toEqual([
      'content/tracks/ks_red_bull_ring/layout_national',
      'content/cars/tatuusfa1',
    ]);
  });

  it('when an id would climb out of the folder, then it is refused before any file is looked at', async () => {
    const dir = root();
    mkdirSync(path.join(dir, 'content', 'tracks'), { recursive: true });
    await expect(new AcServerFolder(dir, clock).missingContent(makeEvent({ track: '../../..' }))).rejects.toThrow(
      PathEscapeError,
    );
  });
});

describe('AcServerFolder.write', () => {
  it('when a file was absent before, then restoring removes it again', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'acfolder-'));
    const folder = new AcServerFolder(dir, clock);
    await folder.write({ serverCfg: '[SERVER]\n', entryList: '[CAR_0]\n' });
    await folder.write({ serverCfg: '[SERVER]\n', entryList: null });
    expect(readdirSync(path.join(dir, 'cfg'))).toEqual(['server_cfg.ini']);
  });
});

describe('AcServerFolder: the pair as one unit, modes of the files and their backups', () => {
  let umask: number;
  beforeEach(() => (umask = process.umask(0o022)));
  afterEach(() => process.umask(umask));
  const setup = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'acfolder-'));
    mkdirSync(path.join(dir, 'cfg'));
    const cfg = path.join(dir, 'cfg', 'server_cfg.ini');
    const entries = path.join(dir, 'cfg', 'entry_list.ini');
    writeFileSync(cfg, '[SERVER]\nADMIN_PASSWORD=secret\n');
    writeFileSync(entries, '[CAR_0]\n');
    chmodSync(cfg, 0o600);
    chmodSync(entries, 0o644);
    return { dir, cfg, entries, folder: new AcServerFolder(dir, clock) };
  };
  const mode = (file: string) => statSync(file).mode & 0o777;

  it('when a rotation rewrites the INI files, then each keeps its mode; backups are 0600 whatever the original was', async () => {
    const { dir, cfg, entries, folder } = setup();
    const backups = await folder.backup(await folder.read());
    await folder.write({ serverCfg: '[SERVER]\nADMIN_PASSWORD=new\n', entryList: '[CAR_0]\n[CAR_1]\n' });
    expect([mode(cfg), mode(entries)]).toEqual([0o600, 0o644]);
    expect(backups.map((b) => path.basename(b)).sort()).toEqual(readdirSync(path.join(dir, 'cfg', 'backup')).sort());
    expect(backups.map(mode)).toEqual([0o600, 0o600]);
  });

  it('when staged, then neither file changes before commit; commit swaps both; an interrupted staging leaves no temp after the next one', async () => {
    const { dir, cfg, entries, folder } = setup();
    const before = await folder.read();
    writeFileSync(path.join(dir, 'cfg', '.server_cfg.ini.0000-dead.tmp'), 'left by a killed bot');
    const staged = await folder.stage({ serverCfg: 'A', entryList: 'B' });
    expect(await folder.read()).toEqual(before);
    await staged.commit();
    expect([readFileSync(cfg, 'utf8'), readFileSync(entries, 'utf8')]).toEqual(['A', 'B']);
    expect(readdirSync(path.join(dir, 'cfg')).sort()).toEqual(['entry_list.ini', 'server_cfg.ini']);
  });
});

describe('splitCommand', () => {
  it('when the command has quoted parts, then they stay one argument; no shell syntax is interpreted', () => {
    expect(splitCommand('./acServer')).toEqual(['./acServer']);
    expect(splitCommand(`"/opt/ac server/acServer" -c 'cfg/server cfg.ini' $HOME;rm`)).toEqual([
      '/opt/ac server/acServer',
      '-c',
      'cfg/server cfg.ini',
      '$HOME;rm',
    ]);
    expect(() => splitCommand('"unbalanced')).toThrow(/unbalanced/);
    expect(() => splitCommand('   ')).toThrow(/empty/);
  });
});
