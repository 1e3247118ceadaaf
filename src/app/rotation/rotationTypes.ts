import type { EventConfig } from '../../domain/season/season';
import type { RotationPlan } from '../../domain/rotation/planRotation';

/** Where /rotate (or the schedule) wants the server to go. */
export type RotationTarget = { kind: 'scheduled' } | { kind: 'next' } | { kind: 'event'; eventId: string };

/** The step a rotation failed at; files are restored for every step from 'write' on. */
export type RotationStep = 'prepare' | 'write' | 'restart' | 'health' | 'current-event';

export type RotationResult =
  | { status: 'dry-run'; plan: RotationPlan; problems: string[] }
  | {
      status: 'rotated';
      plan: RotationPlan;
      previousEventId: string | null;
      /** false with AC_SERVER_CONTROL=none: the files are written, acServer needs a manual restart */
      restarted: boolean;
      warnings: string[];
      ms: number;
    }
  | {
      status: 'failed';
      event: EventConfig;
      step: RotationStep;
      error: string;
      /** the previous INI files are back in place */
      restored: boolean;
      /** after the restore acServer answered again on the old config; null = no restart was needed/possible */
      serverBack: boolean | null;
      /** the bot stopped mid-rotation: acServer is restarted on the previous files when the bot starts again */
      restartAtStartUp?: boolean;
      warnings: string[];
    }
  | { status: 'busy'; eventId: string }
  | { status: 'no-event'; reason: string };

/** Who asked: 'schedule' for the cron, 'discord:<userId>' for /rotate. */
export interface RotateOptions {
  dryRun?: boolean;
  by: string;
}
