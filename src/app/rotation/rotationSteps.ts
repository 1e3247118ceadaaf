import type { Logger } from '../../logger';
import type { EventConfig } from '../../domain/season/season';
import type { RotationDeps } from './rotateEvent';
import type { RotationJournalEntry } from './rotationJournal';
import type { RotationResult, RotationStep } from './rotationTypes';
import { waitHealthy } from './waitHealthy';
import { abortable, ShutdownError } from './abortable';

// The steps of rotateEvent that have a fallback or a way back.

type Failed = Extract<RotationResult, { status: 'failed' }>;
export type RestoreOutcome = Pick<Failed, 'restored' | 'serverBack' | 'restartAtStartUp'>;

export async function flushResults(deps: RotationDeps, log: Logger, warnings: string[]): Promise<void> {
  const { flusher, kicker } = deps;
  try {
    if (flusher) {
      await abortable(() => flusher.flushResults(), deps.signal);
      log.info({ step: 'flush' }, 'results of the running session written');
    } else if (deps.kickBeforeRotate && kicker) {
      log.info(
        { step: 'flush', kicked: await abortable(() => kicker.kickAll(), deps.signal) },
        'kicked every driver so acServer writes the results',
      );
    } else {
      const why = deps.kickBeforeRotate
        ? 'KICK_BEFORE_ROTATE needs the UDP plugin client, which is not running'
        : 'no UDP plugin client and KICK_BEFORE_ROTATE=false';
      warnings.push(`results of the running session were not flushed (${why})`);
      log.warn(
        { step: 'flush' },
        `results of the running session were not flushed: ${why}; laps of an unfinished session may be lost`,
      );
    }
  } catch (err) {
    warnings.push(`flushing results failed: ${(err as Error).message}`);
    log.warn({ step: 'flush', err }, 'flushing results failed; rotating anyway');
  }
}

/**
 * Puts the journal's previous pair back and, when acServer may run the new one, restarts it on
 * them. The journal goes only once that is done, so a crash meanwhile is undone at start-up. A
 * stopping bot restores the files and leaves the restart to the next start-up.
 */
export async function restoreOld(
  deps: RotationDeps,
  log: Logger,
  entry: RotationJournalEntry,
  previous: EventConfig | null,
): Promise<RestoreOutcome> {
  const restart = entry.step !== 'write' ? deps.control : undefined;
  const clear = () =>
    deps.journal
      .clear()
      .catch((err: Error) =>
        log.warn({ err }, `could not remove ${deps.journal.description}; the next start-up undoes the rotation again`),
      );
  // From here on a crash must finish the undo, not the rotation.
  if (entry.step === 'current-event')
    await deps.journal
      .write({ ...entry, step: 'restart' })
      .catch((err: Error) => log.warn({ err }, 'could not update the rotation journal'));
  try {
    await deps.files.write(entry.previous);
    log.warn({ step: 'restore' }, 'previous INI files restored');
  } catch (err) {
    log.error(
      { step: 'restore', err },
      `could not restore the previous INI files (copies are in cfg/backup); ${deps.journal.description} is kept, so start-up and the next rotation try again first`,
    );
    return { restored: false, serverBack: null };
  }
  if (!restart) {
    await clear();
    return { restored: true, serverBack: null };
  }
  try {
    await abortable(() => restart.restart(), deps.signal);
    await clear();
    const problem = await waitHealthy(restart, deps.health, previous, {
      timeoutMs: deps.healthTimeoutMs,
      signal: deps.signal,
    });
    if (problem !== null) throw new Error(problem);
    log.warn({ step: 'restore' }, 'acServer is back on the previous event');
    return { restored: true, serverBack: true };
  } catch (err) {
    if (err instanceof ShutdownError) {
      log.warn(
        { step: 'restore' },
        'the bot is stopping: acServer runs the previous files once it is (re)started with the bot',
      );
      return { restored: true, serverBack: null, restartAtStartUp: true };
    }
    log.error({ step: 'restore', err }, 'acServer did not come back on the previous files');
    return { restored: true, serverBack: false };
  }
}

export async function failRotation(
  deps: RotationDeps,
  log: Logger,
  event: EventConfig,
  step: RotationStep,
  err: unknown,
  restore: RestoreOutcome,
  warnings: string[],
): Promise<RotationResult> {
  const error = err instanceof Error ? err.message : String(err);
  const result: Failed = { status: 'failed', event, step, error, ...restore, warnings };
  // A stop before anything changed is no failure: the schedule rotates again after the start.
  if (err instanceof ShutdownError && step === 'prepare') {
    log.warn({ step }, `rotation to ${event.id} cancelled: ${error}; nothing was changed`);
    return result;
  }
  log.error({ step, error, ...restore }, `rotation to ${event.id} failed at ${step}: ${error}`);
  await deps
    .alertAdmins(rotationFailureAlert(result))
    .catch((alertErr: Error) => log.error({ err: alertErr }, 'admin alert failed'));
  return result;
}

export function missingFolder(folder: string): string {
  return `missing folder ${folder} in the acServer folder: install the content or fix the event`;
}

export function rotationFailureAlert(r: Failed): string {
  const back = r.restartAtStartUp
    ? '; acServer runs them once it is restarted with the bot'
    : r.serverBack === null
      ? ''
      : r.serverBack
        ? ' and acServer is back on them'
        : ', but acServer did not come back: check it now';
  const state =
    r.step === 'prepare'
      ? 'Nothing was changed.'
      : `${r.restored ? 'The previous INI files are restored' : 'Restoring the previous INI files FAILED (copies in cfg/backup)'}${back}. currentEvent.json is unchanged.`;
  return `Rotation to ${r.event.id} failed at step "${r.step}": ${r.error}. ${state}`;
}
