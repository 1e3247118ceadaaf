import type { Logger } from '../logger';
import type { Clock } from './ports';
import type { EventConfig } from '../domain/season';
import type { AcServerConfigFiles, AcServerControl, AcServerIniFiles, HealthCheck, PlayerKicker, ResultsFlusher } from './acServerPorts';
import type { RotationRecord } from './BotState';
import { planRotation, type RotationPlan } from '../domain/planRotation';
import type { RotationResult, RotationStep } from './rotationTypes';
import { flushResults, missingFolder, restoreOld, rotationFailureAlert } from './rotationSteps';
import { waitHealthy } from './waitHealthy';

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
  writeCurrentEvent(event: EventConfig, now: Date): Promise<unknown>;
  recordRotation(rec: RotationRecord): Promise<void>;
  alertAdmins(message: string): Promise<void>;
  clock: Clock;
  log: Logger;
}

/** What the server would get, without touching anything. */
export async function previewRotation(deps: RotationDeps, event: EventConfig): Promise<RotationResult> {
  const plan = planRotation(event, await deps.files.read());
  return { status: 'dry-run', plan, problems: (await deps.files.missingContent(event)).map(missingFolder) };
}

/**
 * Rotation as a story: render (nothing written yet) -> flush results -> back up and write the
 * INI files -> restart -> check -> currentEvent.json -> record. A failure from the write on puts
 * the old files back (and restarts on them), alerts the admins, and leaves currentEvent.json as
 * it was: the server is on the old event or the new one, never between.
 */
export async function rotateEvent(deps: RotationDeps, event: EventConfig, previous: EventConfig | null, by: string): Promise<RotationResult> {
  const log = deps.log.child({ rotation: event.id, by });
  const t0 = performance.now();
  const warnings: string[] = [];
  let before: AcServerIniFiles;
  let plan: RotationPlan;
  try {
    before = await deps.files.read();
    plan = planRotation(event, before);
    const missing = await deps.files.missingContent(event);
    if (missing.length > 0) throw new Error(missing.map(missingFolder).join('; '));
  } catch (err) {
    return fail(deps, log, event, 'prepare', err, { restored: false, serverBack: null }, warnings);
  }
  log.info({ step: 'prepare', changes: plan.serverCfg.length }, 'rendered server_cfg.ini and entry_list.ini');

  await flushResults(deps, log, warnings);
  let step: RotationStep = 'write';
  try {
    const backups = await deps.files.backup(before);
    await deps.files.write(plan.texts);
    log.info({ step, backups }, 'wrote the INI files (previous ones backed up)');
    if (deps.control) {
      step = 'restart';
      await deps.control.restart();
      log.info({ step, control: deps.control.description }, 'acServer restarted');
      step = 'health';
      const problem = await waitHealthy(deps.control, deps.health, event, { timeoutMs: deps.healthTimeoutMs });
      if (problem !== null) throw new Error(problem);
      log.info({ step }, 'acServer is up on the new event');
    } else {
      warnings.push('AC_SERVER_CONTROL=none: restart acServer by hand to load the new event');
      log.warn({ step: 'restart' }, 'acServer is not controlled by the bot (AC_SERVER_CONTROL=none): restart it by hand to load the new event');
    }
    step = 'current-event';
    await deps.writeCurrentEvent(event, deps.clock.now());
  } catch (err) {
    const restore = await restoreOld(deps, log, before, previous, step !== 'write');
    return fail(deps, log, event, step, err, restore, warnings);
  }
  log.info({ step: 'current-event' }, 'currentEvent.json written');
  await deps.recordRotation({ eventId: event.id, at: deps.clock.now().toISOString(), by }).catch((err: Error) => {
    warnings.push(`could not record the rotation in the bot state: ${err.message}`);
    log.warn({ err }, 'could not record the rotation');
  });
  const ms = Math.round(performance.now() - t0);
  log.info({ ms, previous: previous?.id ?? null }, `rotated to ${event.id}`);
  return { status: 'rotated', plan, previousEventId: previous?.id ?? null, restarted: deps.control !== undefined, warnings, ms };
}

async function fail(
  deps: RotationDeps,
  log: Logger,
  event: EventConfig,
  step: RotationStep,
  err: unknown,
  restore: { restored: boolean; serverBack: boolean | null },
  warnings: string[],
): Promise<RotationResult> {
  const error = err instanceof Error ? err.message : String(err);
  const result = { status: 'failed' as const, event, step, error, ...restore, warnings };
  log.error({ step, error, ...restore }, `rotation to ${event.id} failed at ${step}: ${error}`);
  await deps.alertAdmins(rotationFailureAlert(result)).catch((alertErr: Error) => log.error({ err: alertErr }, 'admin alert failed'));
  return result;
}
