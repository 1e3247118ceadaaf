import type { Logger } from '../../logger';
import type { Clock } from '../ports';
import type { EventConfig } from '../../domain/season/season';
import type { AcServerConfigFiles, AcServerControl, HealthCheck, PlayerKicker, ResultsFlusher } from './acServerPorts';
import type { RotationRecord } from '../runtime/BotState';
import type { JournalStep, RotationJournal, RotationJournalEntry } from './rotationJournal';
import { planRotation, type RotationPlan } from '../../domain/rotation/planRotation';
import type { RotationResult, RotationStep } from './rotationTypes';
import { failRotation, flushResults, missingFolder, restoreOld } from './rotationSteps';
import { waitHealthy } from './waitHealthy';
import { abortable, ShutdownError } from './abortable';

export interface RotationDeps {
  files: AcServerConfigFiles;
  /** undefined (AC_SERVER_CONTROL=none): files are written, acServer is restarted by hand. */
  control?: AcServerControl;
  health: readonly HealthCheck[];
  healthTimeoutMs: number;
  /** The UDP plugin client, once there is one. */
  flusher?: ResultsFlusher;
  kicker?: PlayerKicker;
  kickBeforeRotate: boolean;
  /** Where the rotation in progress is recorded, so start-up can finish or undo it after a crash. */
  journal: RotationJournal;
  writeCurrentEvent(event: EventConfig, now: Date): Promise<unknown>;
  recordRotation(rec: RotationRecord): Promise<void>;
  alertAdmins(message: string): Promise<void>;
  clock: Clock;
  log: Logger;
  /** Aborted when the bot stops: waits end at once and the rotation is left safe (see restoreOld). */
  signal?: AbortSignal;
}

/** What the server would get, without touching anything. */
export async function previewRotation(deps: RotationDeps, event: EventConfig): Promise<RotationResult> {
  const plan = planRotation(event, await deps.files.read());
  return { status: 'dry-run', plan, problems: (await deps.files.missingContent(event)).map(missingFolder) };
}

/**
 * Rotation as a story: render (nothing written yet) -> flush results -> back up, stage both INI
 * files, journal the intent, rename both -> restart -> check -> currentEvent.json -> record. A
 * failure from the write on puts the old files back (and restarts on them), alerts the admins, and
 * leaves currentEvent.json as it was: the server is on the old event or the new one, never between.
 * A crash at any point leaves the journal, which start-up completes (recoverRotation).
 */
export async function rotateEvent(
  deps: RotationDeps,
  event: EventConfig,
  previous: EventConfig | null,
  by: string,
): Promise<RotationResult> {
  const log = deps.log.child({ rotation: event.id, by });
  const t0 = performance.now();
  const warnings: string[] = [];
  let entry: RotationJournalEntry;
  let plan: RotationPlan;
  try {
    const before = await deps.files.read();
    plan = planRotation(event, before);
    const missing = await deps.files.missingContent(event);
    if (missing.length > 0) throw new Error(missing.map(missingFolder).join('; '));
    entry = {
      event,
      previousEventId: previous?.id ?? null,
      by,
      startedAt: deps.clock.now().toISOString(),
      step: 'write',
      previous: before,
      next: plan.texts,
    };
  } catch (err) {
    return failRotation(deps, log, event, 'prepare', err, { restored: false, serverBack: null }, warnings);
  }
  log.info({ step: 'prepare', changes: plan.serverCfg.length }, 'rendered server_cfg.ini and entry_list.ini');

  await flushResults(deps, log, warnings);
  if (deps.signal?.aborted)
    return failRotation(
      deps,
      log,
      event,
      'prepare',
      new ShutdownError(),
      { restored: false, serverBack: null },
      warnings,
    );
  let step: RotationStep = 'write';
  let journaled = false;
  try {
    const backups = await deps.files.backup(entry.previous);
    const staged = await deps.files.stage(plan.texts);
    await deps.journal.write(entry).catch(async (err: unknown) => {
      await staged.discard();
      throw err;
    });
    journaled = true;
    await staged.commit();
    log.info({ step, backups }, 'wrote the INI files (previous ones backed up)');
    const control = deps.control;
    if (control) {
      step = 'restart';
      entry = await journalStep(deps, entry, 'restart');
      await abortable(() => control.restart(), deps.signal);
      log.info({ step, control: control.description }, 'acServer restarted');
      step = 'health';
      const problem = await waitHealthy(control, deps.health, event, {
        timeoutMs: deps.healthTimeoutMs,
        signal: deps.signal,
      });
      if (problem !== null) throw new Error(problem);
      log.info({ step }, 'acServer is up on the new event');
    } else {
      warnings.push('AC_SERVER_CONTROL=none: restart acServer by hand to load the new event');
      log.warn(
        { step: 'restart' },
        'acServer is not controlled by the bot (AC_SERVER_CONTROL=none): restart it by hand to load the new event',
      );
    }
    step = 'current-event';
    entry = await journalStep(deps, entry, 'current-event');
    await deps.writeCurrentEvent(event, deps.clock.now());
  } catch (err) {
    // Before the journal is written nothing was renamed: there is nothing to put back.
    const restore = journaled ? await restoreOld(deps, log, entry, previous) : { restored: true, serverBack: null };
    return failRotation(deps, log, event, step, err, restore, warnings);
  }
  log.info({ step: 'current-event' }, 'currentEvent.json written');
  await deps.journal
    .clear()
    .catch((err: Error) =>
      log.warn({ err }, `could not remove ${deps.journal.description}; the next start-up finds the rotation complete`),
    );
  await deps.recordRotation({ eventId: event.id, at: deps.clock.now().toISOString(), by }).catch((err: Error) => {
    warnings.push(`could not record the rotation in the bot state: ${err.message}`);
    log.warn({ err }, 'could not record the rotation');
  });
  const ms = Math.round(performance.now() - t0);
  log.info({ ms, previous: previous?.id ?? null }, `rotated to ${event.id}`);
  return {
    status: 'rotated',
    plan,
    previousEventId: previous?.id ?? null,
    restarted: deps.control !== undefined,
    warnings,
    ms,
  };
}

/** The journal moves on only once written: an undo after a failed write must not restart acServer for nothing. */
async function journalStep(
  deps: RotationDeps,
  entry: RotationJournalEntry,
  step: JournalStep,
): Promise<RotationJournalEntry> {
  const next = { ...entry, step };
  await deps.journal.write(next);
  return next;
}
