import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { ChildProcessControl } from '../../../src/adapters/acserver/ChildProcessControl';
import { SystemdControl } from '../../../src/adapters/acserver/SystemdControl';
import { findEvent } from '../../../src/domain/season/resolveEvent';
import { planRotation } from '../../../src/domain/rotation/planRotation';
import type { AcServerIniFiles } from '../../../src/app/rotation/acServerPorts';
import type { JournalStep } from '../../../src/app/rotation/rotationJournal';
import {
  FAKE_AC_SERVER_COMMAND,
  makeFakeAcServerFolder,
  type FakeAcServerFolder,
} from '../../support/fakeAcServer/FakeAcServerFolder';
import { fakeSystemd } from '../../support/fakeSystemctl/fakeSystemd';
import { rotationHarness, seasonConfig, type RotationHarness } from '../../support/rotationHarness';
import { captureLog } from '../../support/captureLog';
import { silentLogger } from '../../../src/logger';

const event = (id: string) => findEvent(seasonConfig(), `season1#${id}`)!;
const pairOf = (ac: FakeAcServerFolder): AcServerIniFiles => ({
  serverCfg: readFileSync(ac.serverCfgPath, 'utf8'),
  entryList: readFileSync(ac.entryListPath, 'utf8'),
});

/** What a bot killed mid-rotation leaves: the journal, and the INI files as far as it got. */
async function crashedRotation(
  h: RotationHarness,
  ac: FakeAcServerFolder,
  to: string,
  step: JournalStep,
  onDisk: 'next' | 'mixed',
) {
  const previous = pairOf(ac);
  const next = planRotation(event(to), previous).texts;
  await h.journal.write({
    event: event(to),
    previousEventId: 'season1#event1',
    by: 'schedule',
    startedAt: '2030-01-14T18:00:00.000Z',
    step,
    previous,
    next,
  });
  writeFileSync(ac.serverCfgPath, next.serverCfg);
  if (onDisk === 'next') writeFileSync(ac.entryListPath, next.entryList);
  return { previous, next };
}

describe('a rotation the bot did not finish (journal in the data folder)', () => {
  let ac: FakeAcServerFolder;
  beforeEach(async () => {
    ac = await makeFakeAcServerFolder('crlf-plugin');
  });

  it('when it was killed between the two renames, then start-up puts the previous pair back and currentEvent.json still names that event', async () => {
    const h = rotationHarness(ac.dir, undefined);
    await h.service.rotate({ kind: 'event', eventId: 'season1#event1' }, { by: 'test' });
    const { previous } = await crashedRotation(h, ac, 'event2', 'write', 'mixed');
    expect(await h.service.recover()).toEqual({
      action: 'undone',
      eventId: 'season1#event2',
      previousEventId: 'season1#event1',
      restarted: false,
    });
    expect(pairOf(ac)).toEqual(previous);
    expect(JSON.parse(h.currentEventText()!).eventId).toBe('season1#event1');
    expect(existsSync(h.journal.file)).toBe(false);
    expect(h.alerts[h.alerts.length - 1]).toMatch(
      /rotation to season1#event2 .* was interrupted at step "write".*undone: the INI files of season1#event1 are back; currentEvent\.json is unchanged/,
    );
    expect(await h.service.recover()).toEqual({ action: 'none' });
  });

  it('when acServer had answered on the new event, then start-up finishes the rotation: currentEvent.json and the record name it', async () => {
    const h = rotationHarness(ac.dir, undefined);
    await h.service.rotate({ kind: 'event', eventId: 'season1#event1' }, { by: 'test' });
    const { next } = await crashedRotation(h, ac, 'event2', 'current-event', 'next');
    expect(await h.service.recover()).toEqual({ action: 'finished', eventId: 'season1#event2' });
    expect(pairOf(ac)).toEqual(next);
    expect(JSON.parse(h.currentEventText()!).eventId).toBe('season1#event2');
    expect(await h.state.lastRotation()).toMatchObject({ eventId: 'season1#event2', by: 'schedule' });
    expect(existsSync(h.journal.file)).toBe(false);
  });

  it('when the journal cannot be read, then no rotation touches the files and the error says what to check', async () => {
    const h = rotationHarness(ac.dir, undefined);
    const before = pairOf(ac);
    writeFileSync(h.journal.file, '{"half": ');
    expect(await h.service.recover()).toMatchObject({
      action: 'failed',
      error: expect.stringMatching(/rotation-journal\.json is not a rotation journal.*then delete the file/),
    });
    const result = await h.service.rotate({ kind: 'event', eventId: 'season1#event2' }, { by: 'test' });
    expect(result).toMatchObject({
      status: 'failed',
      step: 'prepare',
      error: expect.stringMatching(/interrupted rotation could not be completed first/),
    });
    expect(pairOf(ac)).toEqual(before);
    expect(h.currentEventText()).toBeNull();
  });

  it('when the bot stops while the results flush waits for acServer, then the rotation is cancelled at once: nothing changed, no alert', async () => {
    const h = rotationHarness(ac.dir, undefined, {
      flusher: { flushResults: () => new Promise<void>(() => undefined) },
    }); // never answers
    const before = pairOf(ac);
    const rotating = h.service.rotate({ kind: 'event', eventId: 'season1#event2' }, { by: 'schedule' });
    await h.service.close();
    expect(await rotating).toMatchObject({ status: 'failed', step: 'prepare', error: 'the bot is shutting down' });
    expect(pairOf(ac)).toEqual(before);
    expect(h.alerts).toEqual([]);
    expect(existsSync(h.journal.file)).toBe(false);
    expect(h.lines.filter((l) => (l.level as number) >= 50)).toEqual([]);
  });

  it('when a systemd acServer may run the new pair, then start-up restarts it on the restored files', async () => {
    const systemd = fakeSystemd({ command: FAKE_AC_SERVER_COMMAND, cwd: ac.dir });
    try {
      const h = rotationHarness(ac.dir, new SystemdControl({ unit: 'acserver', log: silentLogger, env: systemd.env }), {
        healthTimeoutMs: 8000,
      });
      await h.service.rotate({ kind: 'event', eventId: 'season1#event1' }, { by: 'test' });
      await ac.waitForState('running', 'ks_red_bull_ring');
      const restarts = systemd.calls().filter((c) => c.includes('restart')).length;
      await crashedRotation(h, ac, 'event2', 'restart', 'next');
      expect(await h.service.recover()).toMatchObject({ action: 'undone', restarted: true });
      expect(systemd.calls().filter((c) => c.includes('restart'))).toHaveLength(restarts + 1);
      expect((await ac.waitForState('running', 'ks_red_bull_ring')).config!.cars).toEqual([
        'ks_mazda_mx5_cup',
        'tatuusfa1',
      ]);
    } finally {
      systemd.systemctl('stop', 'acserver');
    }
  });
});

describe('a failing rotation after a crash, and a stop during a failing rotation (fake acServer as a child)', () => {
  let ac: FakeAcServerFolder;
  let control: ChildProcessControl;
  beforeEach(async () => {
    ac = await makeFakeAcServerFolder('crlf-plugin');
    control = new ChildProcessControl({
      command: FAKE_AC_SERVER_COMMAND,
      cwd: ac.dir,
      log: captureLog().log,
      backoff: { firstMs: 100, maxMs: 1000, stableMs: 60_000 },
    });
    await control.start();
  });
  afterEach(() => control.stop());

  it('when killed during the health wait and the retry fails too, then the restore puts back the last event that ran, not the half-done rotation', async () => {
    const h = rotationHarness(ac.dir, control, { healthTimeoutMs: 3000 });
    expect((await h.service.rotate({ kind: 'event', eventId: 'season1#event1' }, { by: 'test' })).status).toBe(
      'rotated',
    );
    const { previous } = await crashedRotation(h, ac, 'event2', 'restart', 'next');
    await control.restart(); // the killed bot had restarted acServer on the new pair
    ac.failOn('suzuka');
    const result = await h.service.rotate({ kind: 'event', eventId: 'season1#event2' }, { by: 'schedule' });
    expect(result).toMatchObject({ status: 'failed', step: 'health', restored: true, serverBack: true });
    expect(pairOf(ac)).toEqual(previous);
    expect((await ac.waitForState('running', 'ks_red_bull_ring')).config!.cars).toEqual([
      'ks_mazda_mx5_cup',
      'tatuusfa1',
    ]);
    expect(JSON.parse(h.currentEventText()!).eventId).toBe('season1#event1');
    expect(h.alerts[h.alerts.length - 1]).toMatch(/previous INI files are restored and acServer is back on them/);
  });

  it('when the bot stops while acServer fails to come up, then the rotation gives up at once, the previous files are back and start-up does the rest', async () => {
    const h = rotationHarness(ac.dir, control, { healthTimeoutMs: 600_000 }); // only a stop can end this wait
    await ac.waitForState('running', 'magione');
    const before = pairOf(ac);
    ac.failOn('suzuka');
    const rotating = h.service.rotate({ kind: 'event', eventId: 'season1#event2' }, { by: 'schedule' });
    await ac.waitForState('failed', 'suzuka');
    await h.service.close();
    const result = await rotating;
    expect(result).toMatchObject({
      status: 'failed',
      step: 'health',
      error: 'the bot is shutting down',
      restored: true,
      serverBack: null,
      restartAtStartUp: true,
    });
    expect(pairOf(ac)).toEqual(before);
    expect(h.currentEventText()).toBeNull();
    expect(h.alerts[0]).toMatch(
      /previous INI files are restored; acServer runs them once it is restarted with the bot/,
    );
    expect(JSON.parse(readFileSync(h.journal.file, 'utf8'))).toMatchObject({
      step: 'restart',
      event: { id: 'season1#event2' },
    });
  });
});
