import path from 'node:path';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Clock } from '../app/ports';
import type { BotState } from '../app/runtime/BotState';
import type { SeasonConfig } from '../domain/season/season';
import type { BackgroundTask } from '../app/runtime/TaskRunner';
import type { AcServerControl, HealthCheck, PlayerKicker, ResultsFlusher } from '../app/rotation/acServerPorts';
import { RotationService } from '../app/rotation/RotationService';
import { RotationTask } from '../app/rotation/RotationTask';
import { AcServerFolder } from '../adapters/acserver/AcServerFolder';
import { HttpInfoCheck } from '../adapters/acserver/HttpInfoCheck';
import { SystemdControl } from '../adapters/acserver/SystemdControl';
import { ChildProcessControl } from '../adapters/acserver/ChildProcessControl';
import { writeCurrentEvent } from '../adapters/files/currentEventFile';
import { RotationJournalFile } from '../adapters/files/RotationJournalFile';

export interface RotationWiring {
  service: RotationService;
  /** The schedule-driven rotation (absent with ROTATION_ENABLED=false). */
  task: RotationTask | undefined;
  control: AcServerControl | undefined;
  /** First of all tasks: finish or undo a rotation a killed bot left, before anything reads or restarts acServer. */
  recovery: BackgroundTask;
  /**
   * Last of all tasks, in start order: the supervised acServer (child mode), the rotation cron, and
   * the guard that waits for a rotation in progress (also from /rotate) when the bot stops.
   */
  tasks: BackgroundTask[];
}

export interface RotationContext {
  state: BotState;
  season: () => SeasonConfig;
  clock: Clock;
  log: Logger;
  /** currentEvent.json as the last rotation wrote it. */
  currentEventFile: () => Promise<string | null>;
  alertAdmins(text: string): void;
  /** The UDP plugin client plugs in here: results flush, kick-all, and its own health check. */
  flusher?: ResultsFlusher;
  kicker?: PlayerKicker;
  health?: HealthCheck[];
  /** A server other than the default one (servers.json): its journal, pid file and last rotation are its own. */
  serverKey?: string;
}

/** acServer control from AC_SERVER_CONTROL, the rotation service and its background tasks. */
export function wireRotation(config: Config, ctx: RotationContext): RotationWiring {
  const log = ctx.log.child({ task: 'rotation' });
  const folder = new AcServerFolder(config.AC_SERVER_DIR, ctx.clock);
  const own = (name: string, ext: string) =>
    path.join(config.dataDir, `${name}${ctx.serverKey ? `.${ctx.serverKey}` : ''}${ext}`);
  const control = createControl(config, log, own('acserver', '.pid'));
  const service = new RotationService({
    files: folder,
    control,
    health: [new HttpInfoCheck(async () => (await folder.read()).serverCfg), ...(ctx.health ?? [])],
    healthTimeoutMs: config.AC_SERVER_HEALTH_TIMEOUT_MS,
    flusher: ctx.flusher,
    kicker: ctx.kicker,
    kickBeforeRotate: config.KICK_BEFORE_ROTATE,
    journal: new RotationJournalFile(own('rotation-journal', '.json')),
    writeCurrentEvent: (event, at) => writeCurrentEvent(config.currentEventFile, event, at),
    recordRotation: (rec) => ctx.state.setLastRotation(rec, ctx.serverKey),
    alertAdmins: async (text) => ctx.alertAdmins(`🚨 ${text}`),
    clock: ctx.clock,
    log,
    season: ctx.season,
    readCurrentEventId: ctx.currentEventFile,
  });
  const tasks: BackgroundTask[] = [];
  if (control instanceof ChildProcessControl) {
    tasks.push({
      name: 'acserver',
      trigger: `child process ${config.AC_SERVER_COMMAND} in ${config.AC_SERVER_DIR}`,
      start: () => control.start(),
      stop: () => control.stop(),
    });
  }
  let task: RotationTask | undefined;
  if (config.ROTATION_ENABLED) {
    task = new RotationTask({
      service,
      season: ctx.season,
      clock: ctx.clock,
      readCurrentEventId: ctx.currentEventFile,
      lastRotation: () => ctx.state.lastRotation(ctx.serverKey),
      log,
    });
    tasks.push(task);
  } else {
    log.info('ROTATION_ENABLED=false: the schedule does not rotate acServer; /rotate still does');
  }
  if (!control)
    log.info(
      'AC_SERVER_CONTROL=none: rotations write the INI files and currentEvent.json; acServer is restarted by hand',
    );
  tasks.push({
    name: 'rotation-guard',
    trigger: '/rotate',
    start: async () => {},
    stop: () => service.close(),
  });
  const recovery: BackgroundTask = {
    name: 'rotation-recovery',
    trigger: 'start-up',
    start: async () => void (await service.recover()),
    stop: async () => {},
  };
  return { service, task, control, recovery, tasks };
}

function createControl(config: Config, log: Logger, pidFile: string): AcServerControl | undefined {
  if (config.AC_SERVER_CONTROL === 'systemd') return new SystemdControl({ unit: config.AC_SERVER_UNIT, log });
  if (config.AC_SERVER_CONTROL === 'child') {
    return new ChildProcessControl({
      command: config.AC_SERVER_COMMAND,
      cwd: config.AC_SERVER_DIR,
      log,
      pidFile,
    });
  }
  return undefined;
}
