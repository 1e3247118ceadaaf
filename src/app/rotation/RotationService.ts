import type { SeasonConfig, EventConfig } from '../../domain/season/season';
import { activeEvent, findEvent, nextEvent } from '../../domain/season/resolveEvent';
import { previewRotation, rotateEvent, type RotationDeps } from './rotateEvent';
import type { RotateOptions, RotationResult, RotationTarget } from './rotationTypes';
import { recoverRotation, type RecoveryOutcome } from './recoverRotation';
import { failRotation } from './rotationSteps';

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
  private readonly stopping = new AbortController();
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
      return (
        findEvent(season, target.eventId) ?? {
          reason: `Unknown event \`${target.eventId}\`: pick one from the list as you type.`,
        }
      );
    }
    if (target.kind === 'next')
      return nextEvent(season, now) ?? { reason: 'There is no later event in the season config.' };
    return activeEvent(season, now) ?? { reason: 'No event has started yet according to the season config.' };
  }

  async rotate(target: RotationTarget, opts: RotateOptions): Promise<RotationResult> {
    const event = this.resolve(target);
    if (!('id' in event)) return { status: 'no-event', reason: event.reason };
    if (opts.dryRun) return previewRotation(this.deps, event);
    if (this.running !== null) {
      this.deps.log.warn(
        { eventId: event.id, running: this.running, by: opts.by },
        'rotation refused: another rotation is in progress',
      );
      return { status: 'busy', eventId: this.running };
    }
    if (this.closed) return { status: 'no-event', reason: 'The bot is shutting down; rotate after it is back.' };
    this.running = event.id;
    const work = this.rotateNow(event, opts);
    this.inFlight = work;
    return work;
  }

  /**
   * Start-up, before anything else: finish or undo a rotation a killed bot left in its journal.
   * Never throws: a failure is logged and the next rotation tries again first.
   */
  recover(): Promise<RecoveryOutcome | { action: 'failed'; error: string }> {
    const work = this.recoverSafely();
    this.inFlight = work;
    return work;
  }

  /**
   * Shutdown: refuse new rotations and abort the one running: it stops waiting at once, puts the
   * previous files back and leaves any restart to the journal, which the next start-up completes.
   */
  async close(): Promise<void> {
    this.closed = true;
    this.stopping.abort();
    await this.inFlight?.catch(() => undefined);
  }

  private async recoverSafely(): Promise<RecoveryOutcome | { action: 'failed'; error: string }> {
    try {
      return await recoverRotation(this.deps);
    } catch (err) {
      const error = (err as Error).message;
      this.deps.log.error(
        { err, journal: this.deps.journal.description },
        `could not complete the interrupted rotation: ${error}; the next rotation tries again first`,
      );
      return { action: 'failed', error };
    }
  }

  private async rotateNow(event: EventConfig, opts: RotateOptions): Promise<RotationResult> {
    const deps = { ...this.deps, signal: this.stopping.signal };
    try {
      // The previous pair must be that of the last event that ran, never a half-done rotation's.
      const recovered = await this.recoverSafely();
      if (recovered.action === 'failed') {
        const err = new Error(`an interrupted rotation could not be completed first (${recovered.error})`);
        return await failRotation(
          deps,
          deps.log.child({ rotation: event.id, by: opts.by }),
          event,
          'prepare',
          err,
          { restored: false, serverBack: null },
          [],
        );
      }
      const previousId = await this.deps.readCurrentEventId().catch((err: Error) => {
        this.deps.log.warn({ err }, 'could not read currentEvent.json; rotating without knowing the previous event');
        return null;
      });
      const previous = previousId === null ? null : (findEvent(this.deps.season(), previousId) ?? null);
      const result = await rotateEvent(deps, event, previous, opts.by);
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
