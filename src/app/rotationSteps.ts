import type { Logger } from '../logger';
import type { EventConfig } from '../domain/season';
import type { AcServerIniFiles } from './acServerPorts';
import type { RotationDeps } from './rotateEvent';
import type { RotationResult } from './rotationTypes';
import { waitHealthy } from './waitHealthy';

// The steps of rotateEvent that have a fallback or a way back.

export async function flushResults(deps: RotationDeps, log: Logger, warnings: string[]): Promise<void> {
  try {
    if (deps.flusher) {
      await deps.flusher.flushResults();
      log.info({ step: 'flush' }, 'results of the running session written');
    } else if (deps.kickBeforeRotate && deps.kicker) {
      log.info({ step: 'flush', kicked: await deps.kicker.kickAll() }, 'kicked every driver so acServer writes the results');
    } else {
      const why = deps.kickBeforeRotate ? 'KICK_BEFORE_ROTATE needs the UDP plugin client, which is not running' : 'no UDP plugin client and KICK_BEFORE_ROTATE=false';
      warnings.push(`results of the running session were not flushed (${why})`);
      log.warn({ step: 'flush' }, `results of the running session were not flushed: ${why}; laps of an unfinished session may be lost`);
    }
  } catch (err) {
    warnings.push(`flushing results failed: ${(err as Error).message}`);
    log.warn({ step: 'flush', err }, 'flushing results failed; rotating anyway');
  }
}

export async function restoreOld(
  deps: RotationDeps,
  log: Logger,
  before: AcServerIniFiles,
  previous: EventConfig | null,
  restart: boolean,
): Promise<{ restored: boolean; serverBack: boolean | null }> {
  try {
    await deps.files.write(before);
    log.warn({ step: 'restore' }, 'previous INI files restored');
  } catch (err) {
    log.error({ step: 'restore', err }, 'could not restore the previous INI files (copies are in cfg/backup)');
    return { restored: false, serverBack: null };
  }
  if (!restart || !deps.control) return { restored: true, serverBack: null };
  try {
    await deps.control.restart();
    const problem = await waitHealthy(deps.control, deps.health, previous, { timeoutMs: deps.healthTimeoutMs });
    if (problem !== null) throw new Error(problem);
    log.warn({ step: 'restore' }, 'acServer is back on the previous event');
    return { restored: true, serverBack: true };
  } catch (err) {
    log.error({ step: 'restore', err }, 'acServer did not come back on the previous files');
    return { restored: true, serverBack: false };
  }
}

export function missingFolder(folder: string): string {
  return `missing folder ${folder} in the acServer folder: install the content or fix the event`;
}

export function rotationFailureAlert(r: Extract<RotationResult, { status: 'failed' }>): string {
  const state =
    r.step === 'prepare'
      ? 'Nothing was changed.'
      : `${r.restored ? 'The previous INI files are restored' : 'Restoring the previous INI files FAILED (copies in cfg/backup)'}${
          r.serverBack === null ? '' : r.serverBack ? ' and acServer is back on them' : ', but acServer did not come back: check it now'
        }. currentEvent.json is unchanged.`;
  return `Rotation to ${r.event.id} failed at step "${r.step}": ${r.error}. ${state}`;
}
