import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AcServerFolder } from '../../../src/adapters/acserver/AcServerFolder';
import { insideFolder, PathEscapeError } from '../../../src/adapters/acserver/insideFolder';
import { splitCommand } from '../../../src/adapters/acserver/splitCommand';
import { makeEvent } from '../../domain/ini/makeEvent';

const clock = { now: () => new Date('2030-01-01T00:00:00Z') };

describe('insideFolder', () => {
  it.each([['..', 'etc'], ['/etc/passwd'], ['cfg', '..', '..', 'x'], ['']])('when the segments %p leave the folder (or are it), then it refuses', (...segments) => {
    expect(() => insideFolder('/srv/ac', ...segments)).toThrow(PathEscapeError);
  });
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
    expect(await new AcServerFolder(dir, clock).missingContent(makeEvent())).toEqual(['content/tracks/ks_red_bull_ring/layout_national', 'content/cars/tatuusfa1']);
  });

  it('when an id would climb out of the folder, then it is refused before any file is looked at', async () => {
    const dir = root();
    mkdirSync(path.join(dir, 'content', 'tracks'), { recursive: true });
    await expect(new AcServerFolder(dir, clock).missingContent(makeEvent({ track: '../../..' }))).rejects.toThrow(PathEscapeError);
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

describe('splitCommand', () => {
  it('when the command has quoted parts, then they stay one argument; no shell syntax is interpreted', () => {
    expect(splitCommand('./acServer')).toEqual(['./acServer']);
    expect(splitCommand(`"/opt/ac server/acServer" -c 'cfg/server cfg.ini' $HOME;rm`)).toEqual(['/opt/ac server/acServer', '-c', 'cfg/server cfg.ini', '$HOME;rm']);
    expect(() => splitCommand('"unbalanced')).toThrow(/unbalanced/);
    expect(() => splitCommand('   ')).toThrow(/empty/);
  });
});
