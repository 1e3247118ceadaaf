import type { Clock } from '../ports';
import type { Logger } from '../../logger';
import { Coalescer } from '../posts/Coalescer';
import type { Change, ChangeLog } from './hostPorts';

/**
 * Agent side: tells the bot what changed, through the change log. A burst (a backlog of results
 * files, live laps) becomes one entry per event per window; a failed write (DynamoDB unreachable)
 * is written again by itself, so the bot hears of every change once the store is back.
 */
export class ChangePublisher {
  private readonly pending: Coalescer;

  constructor(
    private readonly deps: { log: ChangeLog; serverId: string; agentId: string; clock: Clock; logger: Logger },
    windowMs = 200,
  ) {
    this.pending = new Coalescer(
      windowMs,
      (key) => this.write(key),
      (key, err) =>
        deps.logger.warn({ err, change: key }, `could not write the change log (${(err as Error).message}): retrying`),
      { baseMs: 1000, maxMs: 60_000 },
    );
  }

  /** Laps of the event were stored (or moved, struck): the bot re-reads them. */
  laps(eventId: string): void {
    this.pending.mark(`laps\u0000${eventId}`);
  }

  /** The server now runs this event (rotation, or currentEvent.json edited). */
  currentEvent(eventId: string): void {
    this.pending.mark(`event\u0000${eventId}`);
  }

  /** Shutdown: write what is waiting. */
  async flush(): Promise<void> {
    await this.pending.flush();
    this.pending.stopRetries();
  }

  private async write(key: string): Promise<void> {
    const [kind, eventId] = key.split('\u0000') as [string, string];
    const { serverId } = this.deps;
    const change: Change =
      kind === 'laps' ? { kind: 'laps', serverId, eventIds: [eventId] } : { kind: 'current-event', serverId, eventId };
    const seq = await this.deps.log.append(change, this.deps.agentId, this.deps.clock.now());
    this.deps.logger.debug({ seq, change }, 'change written for the bot');
  }
}
