import type { SeasonConfig, EventConfig } from '../domain/season';
import { activeEvent, findEvent, nextEvent } from '../domain/resolveEvent';
import { previewRotation, rotateEvent, type RotationDeps } from './rotateEvent';
import type { RotateOptions, RotationResult, RotationTarget } from './rotationTypes';

export interface RotationServiceDeps extends RotationDeps {
  season: () => SeasonConfig;
  readCurrentEventId(): Promise<string | null>;
}

type Rotated = Extract<RotationResult, { status: 'rotated' }>;

/**
 * The one door to rotation for the cron task and /rotate: resolves the target, and lets only
 * one rotation run at a time (a second caller is told which one is running, not queued: a queued
 * rotation would restart acServer again right after the first).
 */
export class RotationService {
  private running: string | null = null;
  private inFlight: Promise<unknown> | null = null;
  private closed = false;
  private readonly listeners: Array<(r: Rotated) => void> = [];

  constructor(private readonly deps: RotationServiceDeps) {}

  /** The event being rotated to, or null. */
  get inProgress(): string | null {
    return this.running;
  }

  /** Called after every successful rotation (announcement, leaderboard switch, schedule post). */
  onRotated(listener: (r: Rotated) => void): void {
    this.listeners.push(listener);
  }

  resolve(target: RotationTarget): EventConfig | { reason: string } {
    const season = this.deps.season();
    const now = this.deps.clock.now();
    if (target.kind === 'event') {
      return findEvent(season, target.eventId) ?? { reason: `Unknown event \`${target.eventId}\`: pick one from the list as you type.` };
    }
    if (target.kind === 'next') return nextEvent(season, now) ?? { reason: 'There is no later event in the season config.' };
    return activeEvent(season, now) ?? { reason: 'No event has started yet according to the season config.' };
  }

  async rotate(target: RotationTarget, opts: RotateOptions): Promise<RotationResult> {
    const event = this.resolve(target);
    if (!('id' in event)) return { status: 'no-event', reason: event.reason };
    if (opts.dryRun) return previewRotation(this.deps, event);
    if (this.running !== null) {
      this.deps.log.warn({ eventId: event.id, running: this.running, by: opts.by }, 'rotation refused: another rotation is in progress');
      return { status: 'busy', eventId: this.running };
    }
    if (this.closed) return { status: 'no-event', reason: 'The bot is shutting down; rotate after it is back.' };
    this.running = event.id;
    const work = this.rotateNow(event, opts);
    this.inFlight = work;
    return work;
  }

  /** Shutdown: refuse new rotations and wait for the one running, so acServer is never left half-rotated. */
  async close(): Promise<void> {
    this.closed = true;
    await this.inFlight?.catch(() => undefined);
  }

  private async rotateNow(event: EventConfig, opts: RotateOptions): Promise<RotationResult> {
    try {
      const previousId = await this.deps.readCurrentEventId().catch((err: Error) => {
        this.deps.log.warn({ err }, 'could not read currentEvent.json; rotating without knowing the previous event');
        return null;
      });
      const previous = previousId === null ? null : (findEvent(this.deps.season(), previousId) ?? null);
      const result = await rotateEvent(this.deps, event, previous, opts.by);
      if (result.status === 'rotated') this.notify(result);
      return result;
    } finally {
      this.running = null;
    }
  }

  private notify(result: Rotated): void {
    for (const listener of this.listeners) {
      try {
        listener(result);
      } catch (err) {
        this.deps.log.error({ err }, 'a rotation listener failed');
      }
    }
  }
}
