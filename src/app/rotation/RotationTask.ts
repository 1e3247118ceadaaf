import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../../logger';
import type { Clock } from '../ports';
import type { SeasonConfig } from '../../domain/season/season';
import type { RotationRecord } from '../runtime/BotState';
import type { BackgroundTask } from '../runtime/TaskRunner';
import type { RotationService } from './RotationService';
import type { RotationResult } from './rotationTypes';
import { activeEvent } from '../../domain/season/resolveEvent';
import { backoffDelay } from '../../lib/backoffDelay';

export interface RotationTaskDeps {
  service: Pick<RotationService, 'rotate'>;
  season: () => SeasonConfig;
  clock: Clock;
  readCurrentEventId(): Promise<string | null>;
  lastRotation(): Promise<RotationRecord | undefined>;
  log: Logger;
  /** node-cron expression; every minute by default (tests use every second). */
  schedule?: string;
  /** First wait before retrying a failed scheduled rotation; doubles per failure, at most an hour. */
  retryBaseMs?: number;
}

export type TickOutcome =
  { action: 'none'; reason: string } | { action: 'rotate'; eventId: string; result: RotationResult };

const MAX_RETRY_MS = 60 * 60 * 1000;

/**
 * Every minute and at start-up: when the schedule says another event than currentEvent.json,
 * rotate. An admin's /rotate wins until the next event boundary, and a failed rotation is
 * retried with backoff instead of restarting acServer (and alerting) every minute, unless the
 * event's config changed since (the admin fixed it): that is tried at the next tick.
 */
export class RotationTask implements BackgroundTask {
  readonly name = 'rotation';
  readonly trigger: string;
  private cronTask: ScheduledTask | undefined;
  private ticking: Promise<TickOutcome> | undefined;
  /** config: the failed event as it was, so a fixed event is retried at once, not after the backoff. */
  private failed: { eventId: string; config: string; attempts: number; retryAt: number } | undefined;
  /** The start-up tick, for tests and the benchmark. */
  firstTick: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: RotationTaskDeps) {
    this.trigger = `cron ${deps.schedule ?? '* * * * *'} and at start-up`;
  }

  async tick(): Promise<TickOutcome> {
    if (this.ticking) return { action: 'none', reason: 'the previous tick is still running' };
    this.ticking = this.decide();
    try {
      return await this.ticking;
    } finally {
      this.ticking = undefined;
    }
  }

  private async decide(): Promise<TickOutcome> {
    const now = this.deps.clock.now();
    const active = activeEvent(this.deps.season(), now);
    if (!active) return { action: 'none', reason: 'no event has started yet' };
    const current = await this.deps.readCurrentEventId();
    if (current === active.id) return { action: 'none', reason: `${active.id} is already running` };
    const last = await this.deps.lastRotation();
    if (last && last.by !== 'schedule' && last.eventId === current && Date.parse(last.at) >= Date.parse(active.start)) {
      return {
        action: 'none',
        reason: `${last.by} chose ${current} after ${active.id} started; the schedule takes over at the next event`,
      };
    }
    const config = JSON.stringify(active);
    const failed = this.failed?.eventId === active.id ? this.failed : undefined;
    const sameFailure = failed?.config === config ? failed : undefined;
    if (sameFailure && now.getTime() < sameFailure.retryAt) {
      return {
        action: 'none',
        reason: `rotation to ${active.id} failed; next try at ${new Date(sameFailure.retryAt).toISOString()}`,
      };
    }
    const why =
      failed && !sameFailure
        ? 'the event changed since the rotation failed: retrying'
        : 'the schedule says another event: rotating';
    this.deps.log.info({ eventId: active.id, current, at: now.toISOString() }, why);
    const result = await this.deps.service.rotate({ kind: 'event', eventId: active.id }, { by: 'schedule' });
    if (result.status === 'failed') {
      const attempts = sameFailure ? sameFailure.attempts + 1 : 1;
      const wait = backoffDelay(attempts, { baseMs: this.deps.retryBaseMs ?? 5 * 60 * 1000, maxMs: MAX_RETRY_MS });
      this.failed = { eventId: active.id, config, attempts, retryAt: now.getTime() + wait };
    } else if (result.status === 'rotated') {
      this.failed = undefined;
    }
    return { action: 'rotate', eventId: active.id, result };
  }

  async start(report: (err: unknown, what: string) => void): Promise<void> {
    const run = () => this.tick().catch((err) => report(err, 'scheduled rotation'));
    this.cronTask = cron.schedule(this.deps.schedule ?? '* * * * *', run, { name: 'rotation', noOverlap: true });
    this.firstTick = run();
  }

  async stop(): Promise<void> {
    await this.cronTask?.destroy();
    this.cronTask = undefined;
    await this.firstTick;
    await this.ticking?.catch(() => undefined);
  }
}
