import type { Logger } from '../../logger';
import type { LapStore } from '../ports';
import type { Lap } from '../../domain/types';
import { isLiveLap } from '../../domain/liveLaps/liveLap';
import { matchLiveLaps } from '../../domain/liveLaps/matchLiveLaps';
import { SerialQueue } from '../../lib/SerialQueue';

/**
 * Live laps (UDP plugin) are provisional: stored at once under `<guid>#live#<stamp>`, and removed
 * when the session's results file is ingested and holds the same lap, so the file's copy (sectors,
 * tyre, exact Timestamp) is the one that counts and no lap counts twice. The store itself is the
 * reconciliation state: a live lap is pending for as long as it exists. Storing and reconciling
 * take turns, so a lap received before the file was read is always seen by the reconciliation.
 */
export class LiveLapBook {
  private readonly turns = new SerialQueue();
  /**
   * Live laps still pending per event, read from the store once per event and then kept current,
   * so reconciling a results file costs nothing when no live lap waits (a backlog of 1,000 files
   * must not read the whole event 1,000 times).
   */
  private readonly pending = new Map<string, Map<string, Lap>>();

  constructor(
    private readonly laps: LapStore,
    private readonly log: Logger,
    /** Live laps are about to be replaced by the file's copies (live key -> file key): stewarding decisions follow them. */
    private readonly replacing: (
      eventId: string,
      keys: ReadonlyArray<{ from: string; to: string }>,
    ) => Promise<void> = async () => {},
  ) {}

  record(lap: Lap): Promise<void> {
    return this.turns.run(async () => {
      await this.laps.putLaps([lap]);
      this.pending.get(lap.eventId)?.set(lap.lapKey, lap);
    });
  }

  /** `fileLaps` (one results file) are stored in `eventId`: remove the live laps they replace; returns how many. */
  reconcile(eventId: string, resultFile: string, fileLaps: readonly Lap[]): Promise<number> {
    return this.turns.run(async () => {
      const live = await this.pendingFor(eventId);
      if (live.size === 0) return 0;
      const matches = matchLiveLaps(fileLaps, [...live.values()]);
      if (matches.length > 0) {
        await this.replacing(
          eventId,
          matches.map((m) => ({ from: m.live.lapKey, to: m.file.lapKey })),
        );
        await this.laps.deleteLaps(
          eventId,
          matches.map((m) => m.live.lapKey),
        );
      }
      for (const m of matches) live.delete(m.live.lapKey);
      this.log.info(
        { eventId, file: resultFile, replaced: matches.length, stillLive: live.size },
        'live laps replaced by the results file',
      );
      return matches.length;
    });
  }

  /** Another process changed the event's laps: read its pending live laps again when next needed. */
  forget(eventId: string): void {
    this.pending.delete(eventId);
  }

  /** Resolves once every lap handed in so far is stored (tests, shutdown). */
  idle(): Promise<void> {
    return this.turns.idle();
  }

  private async pendingFor(eventId: string): Promise<Map<string, Lap>> {
    let live = this.pending.get(eventId);
    if (!live) {
      const laps = this.laps.liveLapsForEvent ? this.laps.liveLapsForEvent(eventId) : this.laps.lapsForEvent(eventId);
      live = new Map((await laps).filter(isLiveLap).map((l) => [l.lapKey, l]));
      this.pending.set(eventId, live);
    }
    return live;
  }
}
