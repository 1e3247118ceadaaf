import type { Logger } from '../logger';
import type { LapStore } from './ports';
import type { Lap } from '../domain/types';
import { isLiveLap } from '../domain/liveLaps/liveLap';
import { matchLiveLaps } from '../domain/liveLaps/matchLiveLaps';

/**
 * Live laps (UDP plugin) are provisional: stored at once under `<guid>#live#<stamp>`, and removed
 * when the session's results file is ingested and holds the same lap, so the file's copy (sectors,
 * tyre, exact Timestamp) is the one that counts and no lap counts twice. The store itself is the
 * reconciliation state: a live lap is pending for as long as it exists. Storing and reconciling
 * take turns, so a lap received before the file was read is always seen by the reconciliation.
 */
export class LiveLapBook {
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly laps: LapStore,
    private readonly log: Logger,
  ) {}

  record(lap: Lap): Promise<void> {
    return this.inTurn(() => this.laps.putLaps([lap]));
  }

  /** `resultFile`'s laps are stored in `eventId`: remove the live laps they replace; returns how many. */
  reconcile(eventId: string, resultFile: string): Promise<number> {
    return this.inTurn(async () => {
      const all = await this.laps.lapsForEvent(eventId);
      const live = all.filter(isLiveLap);
      if (live.length === 0) return 0;
      const matches = matchLiveLaps(
        all.filter((l) => l.resultFile === resultFile),
        live,
      );
      if (matches.length > 0) await this.laps.deleteLaps(eventId, matches.map((m) => m.live.lapKey));
      this.log.info(
        { eventId, file: resultFile, replaced: matches.length, stillLive: live.length - matches.length },
        'live laps replaced by the results file',
      );
      return matches.length;
    });
  }

  /** Resolves once every lap handed in so far is stored (tests, shutdown). */
  idle(): Promise<void> {
    return this.inTurn(async () => {});
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const result = this.turn.then(work);
    this.turn = result.catch(() => {});
    return result;
  }
}
