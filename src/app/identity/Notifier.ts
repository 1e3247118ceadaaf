import type { Logger } from '../../logger';
import type { League } from '../League';
import type { Clock } from '../ports';
import type { SeasonConfig, EventConfig } from '../../domain/season/season';
import type { Leaderboard } from '../../domain/types';
import { allEvents } from '../../domain/season/resolveEvent';
import { eventTitle } from '../../domain/season/eventTitle';
import { prettyTrackName } from '../../domain/season/prettyTrackName';
import { passedDrivers } from '../../domain/identity/passedDrivers';
import { recordLost, trackRecord, type TrackRecord } from '../../domain/identity/trackRecord';
import { notificationText, type DriverNews } from '../../domain/identity/notificationText';
import type { DriverLinks } from './DriverLinks';
import { SerialQueue } from '../../lib/SerialQueue';

/** What a DM came to: `closed` is Discord's 50007 (the member does not take DMs from the bot). */
export type DmResult = 'sent' | 'closed' | 'failed';

export interface NotifierDeps {
  league: Pick<League, 'currentEventId' | 'event' | 'leaderboard' | 'onLeaderboardChanged'>;
  season: () => SeasonConfig;
  links: Pick<DriverLinks, 'linkOfGuid' | 'notifyState' | 'setNotify'>;
  dm: (userId: string, content: string) => Promise<DmResult>;
  clock: Clock;
  /** At most one DM per member per this window; what happens meanwhile goes into the next one. */
  intervalMs: number;
  log: Logger;
}

interface Snapshot {
  eventId: string;
  board: Leaderboard;
  record: TrackRecord | null;
}

/**
 * DMs opted-in members when someone passes them in the running event or beats their track
 * record. Board changes are compared one after another with the previous board; news for a member
 * waits in their outbox so a burst becomes one DM, sent at most once per interval. A member whose
 * DMs are closed is switched off at the first refusal: no retries.
 */
export class Notifier {
  private readonly turns = new SerialQueue();
  private snapshot: Snapshot | undefined;
  private readonly outbox = new Map<string, { news: DriverNews[]; timer?: NodeJS.Timeout }>();
  private readonly lastSent = new Map<string, number>();
  private readonly sending = new Set<Promise<void>>();
  /** The last delivery per member: the next one waits for it, so a refusal is known before another try. */
  private readonly delivering = new Map<string, Promise<void>>();
  private stopped = false;

  constructor(private readonly deps: NotifierDeps) {
    deps.league.onLeaderboardChanged({
      leaderboardChanged: (eventId) => void this.queue(() => this.changed(eventId)),
      // The running event may be another one now (rotation, season config).
      namesChanged: () => void this.queue(() => this.resnapshot()),
    });
  }

  /** Reads the running event's board, the baseline the first change is compared with. */
  start(): Promise<void> {
    return this.queue(() => this.resnapshot());
  }

  /** Resolves once every board change so far has been compared (tests). */
  idle(): Promise<void> {
    return this.turns.idle();
  }

  /** Sends every waiting DM now, rate limit or not (tests). */
  async flush(): Promise<void> {
    await this.turns.idle();
    for (const userId of [...this.outbox.keys()]) this.send(userId);
    await Promise.all([...this.sending]);
  }

  /** Waits for DMs on their way; news still waiting for its window is dropped (a restart must not burst DMs). */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.turns.idle();
    for (const box of this.outbox.values()) clearTimeout(box.timer);
    if (this.outbox.size > 0)
      this.deps.log.debug(
        { members: this.outbox.size },
        'notifications still waiting for their window dropped at shutdown',
      );
    this.outbox.clear();
    await Promise.all([...this.sending]);
  }

  private queue(work: () => Promise<void>): Promise<void> {
    return this.turns.run(work).catch((err: Error) => this.deps.log.error({ err }, `notifications: ${err.message}`));
  }

  private async resnapshot(): Promise<void> {
    const current = await this.deps.league.currentEventId();
    const event = current ? this.deps.league.event(current) : undefined;
    this.snapshot = event ? await this.take(event) : undefined;
  }

  private async take(event: EventConfig): Promise<Snapshot> {
    const sameTrack = allEvents(this.deps.season()).filter((e) => e.track === event.track && e.layout === event.layout);
    const boards = await Promise.all(sameTrack.map((e) => this.deps.league.leaderboard(e.id)));
    return {
      eventId: event.id,
      board: boards[sameTrack.findIndex((e) => e.id === event.id)] ?? (await this.deps.league.leaderboard(event.id)),
      record: trackRecord(boards),
    };
  }

  private async changed(eventId: string): Promise<void> {
    if (eventId !== (await this.deps.league.currentEventId())) return;
    const event = this.deps.league.event(eventId);
    if (!event) return;
    const before = this.snapshot?.eventId === eventId ? this.snapshot : undefined;
    const after = await this.take(event);
    this.snapshot = after;
    if (!before) return;
    const title = eventTitle(this.deps.season(), eventId);
    const told = new Set<string>();
    for (const p of passedDrivers(before.board, after.board)) {
      await this.tell(told, p.driverGuid, {
        kind: 'passed',
        eventId,
        eventTitle: title,
        from: p.from,
        to: p.to,
        by: p.by,
      });
    }
    const lost = recordLost(before.record, after.record);
    if (lost) {
      const by = { driverGuid: lost.by.driverGuid, driverName: lost.by.driverName, lapTimeMs: lost.by.lapTimeMs };
      await this.tell(told, lost.holder.driverGuid, {
        kind: 'record',
        track: prettyTrackName(event.track, event.layout),
        lapTimeMs: lost.holder.lapTimeMs,
        by,
      });
    }
    // Scheduled once all of this change's news is in, so one lap makes one DM.
    for (const userId of told) this.schedule(userId);
  }

  private async tell(told: Set<string>, driverGuid: string, news: DriverNews): Promise<void> {
    const link = await this.deps.links.linkOfGuid(driverGuid);
    if (!link || this.stopped || (await this.deps.links.notifyState(link.userId)) !== 'on') return;
    const box = this.outbox.get(link.userId) ?? { news: [] };
    box.news.push(news);
    this.outbox.set(link.userId, box);
    told.add(link.userId);
  }

  private schedule(userId: string): void {
    const box = this.outbox.get(userId);
    if (!box || box.timer) return;
    const wait = (this.lastSent.get(userId) ?? -Infinity) + this.deps.intervalMs - this.deps.clock.now().getTime();
    if (wait <= 0) this.send(userId);
    else box.timer = setTimeout(() => this.send(userId), wait);
  }

  private send(userId: string): void {
    const box = this.outbox.get(userId);
    if (!box) return;
    this.outbox.delete(userId);
    clearTimeout(box.timer);
    this.lastSent.set(userId, this.deps.clock.now().getTime());
    const sent: Promise<void> = (this.delivering.get(userId) ?? Promise.resolve())
      .then(() => this.deliver(userId, box.news))
      .finally(() => {
        this.sending.delete(sent);
        if (this.delivering.get(userId) === sent) this.delivering.delete(userId);
      });
    this.delivering.set(userId, sent);
    this.sending.add(sent);
  }

  private async deliver(userId: string, news: DriverNews[]): Promise<void> {
    try {
      // Opted out while the news waited: nothing is sent.
      if ((await this.deps.links.notifyState(userId)) !== 'on') return;
      const result = await this.deps.dm(userId, notificationText(news));
      if (result !== 'closed') return;
      await this.deps.links.setNotify(userId, 'dms-closed');
      this.deps.log.warn(
        { userId },
        `member ${userId} does not take DMs from the bot (Discord 50007): their notifications are off until they open DMs and use /notify on`,
      );
    } catch (err) {
      this.deps.log.error({ err, userId }, `notification to ${userId} not sent: ${(err as Error).message}`);
    }
  }
}
