import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseSeasonConfig } from '../../src/domain/season/seasonSchema';
import { findEvent } from '../../src/domain/season/resolveEvent';
import { planRotation } from '../../src/domain/rotation/planRotation';
import type { AcServerIniFiles } from '../../src/app/rotation/acServerPorts';
import { writeCurrentEvent } from '../../src/adapters/files/currentEventFile';
import {
  FAKE_AC_SERVER_COMMAND,
  makeFakeAcServerFolder,
  type FakeAcServerFolder,
} from '../support/fakeAcServer/FakeAcServerFolder';
import { ROTATION_SEASON } from '../support/rotationHarness';
import { startMain } from '../support/startMain';

// The rotation's two events, already started by the real clock: the schedule wants event2, the
// server runs event1. A rotation restarts the fake acServer, the bot's child (AC_SERVER_CONTROL=child).
const season = JSON.parse(ROTATION_SEASON);
season.seasons[0].events = season.seasons[0].events
  .slice(0, 2)
  .map((e: { start: string }, i: number) => ({ ...e, start: `2020-01-0${6 + i}T18:00` }));
const SEASON = JSON.stringify(season);
const event = (id: string) => findEvent(parseSeasonConfig(SEASON, 'seasonConfig.json'), `season1#${id}`)!;
const CRASH_HOOK = path.join(__dirname, '../support/crashAt.ts');

interface Setup {
  ac: FakeAcServerFolder;
  env: Record<string, string>;
  dataDir: string;
  pairs: Record<'event1' | 'event2', AcServerIniFiles>;
}

/** acServer folder on event1 (rendered by the bot's own code), currentEvent.json naming it. */
async function setup(): Promise<Setup> {
  const dir = mkdtempSync(path.join(tmpdir(), 'crash-'));
  const ac = await makeFakeAcServerFolder('crlf-plugin');
  const base = { serverCfg: readFileSync(ac.serverCfgPath, 'utf8'), entryList: readFileSync(ac.entryListPath, 'utf8') };
  const event1 = planRotation(event('event1'), base).texts;
  const pairs = { event1, event2: planRotation(event('event2'), event1).texts };
  writeFileSync(ac.serverCfgPath, event1.serverCfg);
  writeFileSync(ac.entryListPath, event1.entryList);
  const dataDir = path.join(dir, 'data');
  await writeCurrentEvent(path.join(dataDir, 'currentEvent.json'), event('event1'), new Date());
  writeFileSync(path.join(dir, 'seasonConfig.json'), SEASON);
  const env = {
    DATA_DIR: dataDir,
    AC_SERVER_DIR: ac.dir,
    SEASON_CONFIG: path.join(dir, 'seasonConfig.json'),
    AC_SERVER_CONTROL: 'child',
    AC_SERVER_COMMAND: FAKE_AC_SERVER_COMMAND,
    AC_PLUGIN_ENABLED: 'false',
    RESULTS_SETTLE_MS: '100',
    LOG_LEVEL: 'info',
  };
  return { ac, env, dataDir, pairs };
}

const pairOnDisk = (ac: FakeAcServerFolder): AcServerIniFiles => ({
  serverCfg: readFileSync(ac.serverCfgPath, 'utf8'),
  entryList: readFileSync(ac.entryListPath, 'utf8'),
});
const currentEvent = (s: Setup) =>
  JSON.parse(readFileSync(path.join(s.dataDir, 'currentEvent.json'), 'utf8')).eventId as string;
const gone = (pid: number) => {
  try {
    return /^\S+ \S+ [ZX]/.test(readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/\(.*\)/, 'cmd'));
  } catch {
    return true;
  }
};
const isRecovery = (l: Record<string, unknown>) => l.step === 'recover';
const started = (name: string) => (l: Record<string, unknown>) => l.msg === 'task started' && l.task === name;

// step SIGKILLed at -> the event the server is on after the next start-up, and what start-up did.
const MATRIX = [
  { at: 'render', after: 'event1', recovery: 'nothing to recover' },
  { at: 'rename:server_cfg', after: 'event1', recovery: 'undone' },
  { at: 'rename:entry_list', after: 'event1', recovery: 'undone' },
  { at: 'restart', after: 'event1', recovery: 'undone' },
  { at: 'health', after: 'event1', recovery: 'undone' },
  { at: 'current-event', after: 'event2', recovery: 'finished' },
] as const;

describe('the bot SIGKILLed at each step of a rotation, then started again (process test, fake acServer as its child)', () => {
  it.each(MATRIX)(
    'when killed at $at, then after a restart the INI pair is whole, belongs to $after, currentEvent.json names it and one acServer runs it',
    async ({ at, after, recovery }) => {
      const s = await setup();
      const first = startMain(
        { ...s.env, ROTATION_ENABLED: 'true', AC_SERVER_HEALTH_TIMEOUT_MS: '20000', CRASH_AT: at },
        { preload: [CRASH_HOOK] },
      );
      expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
      // The acServer the killed bot had started keeps running, its parent gone.
      const orphan = (await s.ac.waitForState('running', undefined, 30_000)).pid;
      expect(gone(orphan)).toBe(false);

      const second = startMain({ ...s.env, ROTATION_ENABLED: 'false' });
      try {
        await second.waitForLine(started('acserver'), 'acserver task started');
        expect(pairOnDisk(s.ac)).toEqual(s.pairs[after]);
        expect(currentEvent(s)).toBe(`season1#${after}`);
        expect(existsSync(path.join(s.dataDir, 'rotation-journal.json'))).toBe(false);
        const recovered = second.lines.filter(isRecovery).map((l) => String(l.msg));
        if (recovery === 'undone')
          expect(recovered).toEqual([
            expect.stringMatching(
              /^The rotation to season1#event2 .* was interrupted .* undone: the INI files of season1#event1 are back/,
            ),
          ]);
        if (recovery === 'finished')
          expect(recovered).toEqual([expect.stringMatching(/^finished the rotation to season1#event2/)]);
        if (recovery === 'nothing to recover') expect(recovered).toEqual([]);
        // The acServer the killed bot left holds the ports: it is stopped and the new one runs the pair.
        const status = await s.ac.waitForState('running', event(after).track, 30_000);
        expect(status.pid).not.toBe(orphan);
        expect(gone(orphan)).toBe(true);
        expect(
          second.lines.some((l) =>
            String(l.msg).startsWith(`stopping acServer pid ${orphan}, left running by a bot process`),
          ),
        ).toBe(true);
      } finally {
        second.kill('SIGTERM');
        await second.exited;
        if (!gone(orphan)) process.kill(orphan, 'SIGKILL'); // never leave a stray acServer behind the test
      }
      expect(await second.exited).toEqual({ code: 0, signal: null });
    },
    120_000,
  );
});

describe('the bot stopped (SIGTERM) while acServer fails to come up on the new event', () => {
  it('when stopped, then it exits at once, not after the health timeout, with the previous files back; the next start-up finishes the undo', async () => {
    const s = await setup();
    s.ac.failOn('suzuka');
    const first = startMain({ ...s.env, ROTATION_ENABLED: 'true', AC_SERVER_HEALTH_TIMEOUT_MS: '600000' }); // 10 minutes: only the stop can end the wait
    await first.waitForLine((l) => l.msg === 'acServer restarted', 'rotation restarted acServer');
    await s.ac.waitForState('failed', 'suzuka', 30_000);
    first.kill('SIGTERM');
    expect(await first.exited).toEqual({ code: 0, signal: null });
    expect(
      first.lines.some(
        (l) => l.msg === 'rotation to season1#event2 failed at health: the bot is shutting down' && l.restored === true,
      ),
    ).toBe(true);
    expect(pairOnDisk(s.ac)).toEqual(s.pairs.event1);
    expect(currentEvent(s)).toBe('season1#event1');
    expect(JSON.parse(readFileSync(path.join(s.dataDir, 'rotation-journal.json'), 'utf8'))).toMatchObject({
      step: 'restart',
      event: { id: 'season1#event2' },
    });
    // Steam GUIDs and state: nothing in DATA_DIR is readable by other users, the SQLite file included.
    const loose = readdirSync(s.dataDir).filter((n) => (statSync(path.join(s.dataDir, n)).mode & 0o007) !== 0);
    expect(loose).toEqual([]);
    expect(readdirSync(s.dataDir)).toEqual(
      expect.arrayContaining(['league.db', 'currentEvent.json', 'rotation-journal.json']),
    );
    expect(statSync(path.join(s.dataDir, 'rotation-journal.json')).mode & 0o077).toBe(0); // it holds ADMIN_PASSWORD

    s.ac.failOn(null);
    const second = startMain({ ...s.env, ROTATION_ENABLED: 'false' });
    try {
      await second.waitForLine(started('acserver'), 'acserver task started');
      expect((await s.ac.waitForState('running', 'ks_red_bull_ring', 30_000)).config!.cars).toEqual([
        'ks_mazda_mx5_cup',
        'tatuusfa1',
      ]);
      expect(second.lines.filter(isRecovery).map((l) => String(l.msg))).toEqual([
        expect.stringMatching(/was interrupted at step "restart"/),
      ]);
      expect(existsSync(path.join(s.dataDir, 'rotation-journal.json'))).toBe(false);
    } finally {
      second.kill('SIGTERM');
    }
    expect(await second.exited).toEqual({ code: 0, signal: null });
  }, 120_000);

  it('when installed, then the unit lets files the bot creates be private (UMask=0027) and gives it 30 s to stop', () => {
    const unit = readFileSync(path.join(__dirname, '../../systemd/ac-league-bot.service'), 'utf8');
    expect(unit).toMatch(/^UMask=0027$/m);
    expect(unit).toMatch(/^TimeoutStopSec=30$/m);
  });
});
