import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { descendants, spawnLogged } from './support/spawnLogged';

/** Runs a command on a pseudo-terminal (util-linux `script`), as an admin at a shell would. */
function onTerminal(command: string, env: Record<string, string>) {
  return spawnLogged('script', ['-qec', command, '/dev/null'], { env });
}

// eslint-disable-next-line no-control-regex -- ESC starts the colour codes this strips
const plain = (lines: string[]) => lines.join('\n').replace(/\u001b\[[0-9;]*m/g, '');

function dirs() {
  const dir = mkdtempSync(path.join(tmpdir(), 'tty-'));
  mkdirSync(path.join(dir, 'acserver', 'results'), { recursive: true });
  return {
    DATA_DIR: path.join(dir, 'data'),
    AC_SERVER_DIR: path.join(dir, 'acserver'),
    ROTATION_ENABLED: 'false',
    WEB_PORT: '0',
  };
}

// JSON log lines are for journald and log tools; a person at a terminal gets readable lines.
describe('log lines on a terminal', () => {
  it('when the CLI runs on a terminal, then its log lines are readable text beside its output; piped, they are JSON on stderr', async () => {
    const cli = onTerminal(`"${process.execPath}" --import tsx src/cli.ts events`, { ...dirs(), LOG_LEVEL: 'info' });
    expect(await cli.exitWithin(30_000)).toBe(0);
    const out = plain(cli.lines);
    expect(out).toMatch(/WARN.*no season config found: wrote the example season there/);
    expect(out).toMatch(/season1#event1/); // the command's own output
    expect(out).not.toContain('{"level"');

    const piped = spawnLogged(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'events'], {
      env: { ...dirs(), LOG_LEVEL: 'info' },
    });
    expect(await piped.exitWithin(30_000)).toBe(0);
    expect(piped.stderr()).toMatch(/^\{"level":40,.*no season config found/m);
    expect(piped.lines.join('\n')).not.toContain('{"level"');
  }, 60_000);

  it('when the bot runs on a terminal, then its log lines are readable text', async () => {
    const bot = onTerminal(`"${process.execPath}" --import tsx src/main.ts`, { ...dirs(), LOG_LEVEL: 'info' });
    try {
      await bot.waitForLine(/INFO.*watching results folder/, 30_000);
      expect(plain(bot.lines)).not.toContain('{"level"');
    } finally {
      for (const pid of descendants(bot.child.pid!)) process.kill(pid, 'SIGTERM');
      await bot.exitWithin(15_000);
    }
  }, 60_000);
});
