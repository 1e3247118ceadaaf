import type { Logger } from '../../logger';
import type { League } from '../League';
import type { AcPluginLink, LiveLapEvent } from './acPluginLink';
import { liveLap } from '../../domain/liveLaps/liveLap';
import { isRealGuid } from '../../domain/results/isValidLap';
import {
  lapNews,
  lapNewsChatText,
  lapNewsDiscordText,
  wantsNews,
  type AnnounceMode,
  type LapNews,
} from '../../domain/liveLaps/lapNews';
import { SerialQueue } from '../../lib/SerialQueue';

export interface LiveLapsDeps {
  league: Pick<League, 'currentEventId' | 'event' | 'recordLiveLap' | 'leaderboard'>;
  link: Pick<AcPluginLink, 'onLap' | 'broadcast'>;
  log: Logger;
  /** Which news to announce (ANNOUNCE_PERSONAL_BESTS) and where. */
  announce?: {
    mode: AnnounceMode;
    inGame: boolean;
    /** A one-off Discord message in ANNOUNCE_CHANNEL_ID; absent without Discord. */
    discord?: (content: string) => Promise<unknown>;
    eventTitle: (eventId: string) => string;
  };
}

export interface LiveLapStats {
  stored: number;
  skipped: number;
  announced: number;
}

/**
 * LAP_COMPLETED -> a lap stored at once for the current event (driver and car from the tracked
 * connection), the leaderboard told, and a new leader / personal best announced when asked.
 * Laps are handled one at a time, so "before" and "after" boards never mix two laps.
 */
export class LiveLaps {
  readonly stats: LiveLapStats = { stored: 0, skipped: 0, announced: 0 };
  private readonly turns = new SerialQueue();
  private lastStamp = 0;
  private lastSkip = '';

  constructor(private readonly deps: LiveLapsDeps) {
    deps.link.onLap((lap) => {
      void this.turns
        .run(() => this.handle(lap))
        .catch((err: Error) => deps.log.error({ err, carId: lap.car.carId }, `live lap not stored: ${err.message}`));
    });
  }

  /** Resolves once every lap received so far is handled. */
  idle(): Promise<void> {
    return this.turns.idle();
  }

  private async handle(ev: LiveLapEvent): Promise<void> {
    const { league, log } = this.deps;
    // A slot without a Steam GUID cannot be ranked; its lap still arrives with the results file.
    if (!isRealGuid(ev.car.driverGuid)) return void (this.stats.skipped += 1);
    const eventId = await league.currentEventId();
    const event = eventId ? league.event(eventId) : undefined;
    if (!eventId || !event)
      return this.skip(
        `no current event${eventId ? ` (${eventId} is not in the season config)` : ''}: live laps are not stored, the results file is filed as usual`,
      );
    const session = ev.session;
    if (session && !sameTrack(session.track, session.trackConfig, event.track, event.layout)) {
      return this.skip(
        `acServer runs ${session.track}/${session.trackConfig || '-'} but ${eventId} is on ${event.track}/${event.layout || '-'}: live laps are not stored`,
      );
    }
    this.lastSkip = '';
    // Unique and increasing even when several laps arrive in the same millisecond.
    this.lastStamp = Math.max(ev.receivedAt.getTime(), this.lastStamp + 1);
    const lap = liveLap({
      eventId,
      driverGuid: ev.car.driverGuid,
      driverName: ev.car.driverName,
      carModel: ev.car.carModel,
      lapTimeMs: ev.lapTimeMs,
      cuts: ev.cuts,
      track: session?.track ?? event.track,
      trackConfig: session?.trackConfig ?? event.layout,
      sessionType: session?.sessionType ?? 'UNKNOWN',
      receivedAt: ev.receivedAt,
      stamp: this.lastStamp,
      sessionStart: session?.startedAt ?? null,
    });
    const announce = this.deps.announce;
    const before = announce && announce.mode !== 'off' && lap.valid ? await league.leaderboard(eventId) : null;
    await league.recordLiveLap(lap);
    this.stats.stored += 1;
    log.debug({ eventId, driverGuid: lap.driverGuid, lapTimeMs: lap.lapTimeMs, valid: lap.valid }, 'live lap stored');
    if (!before || !announce) return;
    const news = lapNews(before, await league.leaderboard(eventId), lap.lapKey);
    if (news && wantsNews(announce.mode, news)) this.announce(news, eventId, announce);
  }

  private announce(news: LapNews, eventId: string, a: NonNullable<LiveLapsDeps['announce']>): void {
    this.stats.announced += 1;
    if (a.inGame) this.deps.link.broadcast(lapNewsChatText(news));
    a.discord?.(lapNewsDiscordText(news, a.eventTitle(eventId))).catch((err: Error) =>
      this.deps.log.warn(
        { err, eventId },
        `could not announce a ${news.kind === 'pb' ? 'personal best' : 'new leader'} in Discord: ${err.message}`,
      ),
    );
  }

  private skip(reason: string): void {
    this.stats.skipped += 1;
    // Once per reason, not once per lap.
    if (reason !== this.lastSkip) this.deps.log.warn(reason);
    this.lastSkip = reason;
  }
}

function sameTrack(track: string, config: string, eventTrack: string, eventLayout: string): boolean {
  return track.toLowerCase() === eventTrack.toLowerCase() && config.toLowerCase() === eventLayout.toLowerCase();
}
