import { chmodSync, mkdirSync, mkdtempSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { secureDataDir } from '../../../src/adapters/files/secureDataDir';
import { captureLog } from '../../support/captureLog';

const mode = (p: string) => statSync(p).mode & 0o7777;
function file(p: string, m: number): string {
  writeFileSync(p, 'x');
  chmodSync(p, m);
  return p;
}

describe('secureDataDir', () => {
  it('when DATA_DIR files are readable by anyone (an older bot, the umask), then start-up makes them 0640/0600 and folders 0750', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'secure-'));
    const data = path.join(root, 'data');
    mkdirSync(path.join(data, 'leaderboards'), { recursive: true });
    chmodSync(data, 0o777);
    chmodSync(path.join(data, 'leaderboards'), 0o755);
    const db = file(path.join(data, 'league.db'), 0o644);
    const wal = file(path.join(data, 'league.db-wal'), 0o666);
    const state = file(path.join(data, 'currentEvent.json'), 0o600);
    const board = file(path.join(data, 'leaderboards', 'season1_event1.json'), 0o664);
    const outside = file(path.join(root, 'elsewhere.txt'), 0o644);
    symlinkSync(outside, path.join(data, 'link.txt'));
    mkdirSync(path.join(data, 'someone-elses'));
    const foreign = file(path.join(data, 'someone-elses', 'x'), 0o644);
    const { log, lines } = captureLog();
    expect(await secureDataDir(data, log)).toBe(5);
    expect([data, path.join(data, 'leaderboards')].map(mode)).toEqual([0o750, 0o750]);
    expect([db, wal, state, board].map(mode)).toEqual([0o640, 0o640, 0o600, 0o640]);
    expect([outside, foreign].map(mode)).toEqual([0o644, 0o644]); // not the bot's: left alone
    expect(lines.some((l) => l.changed === 5)).toBe(true);
    expect(await secureDataDir(data, log)).toBe(0);
  });
});
