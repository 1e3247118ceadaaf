import path from 'node:path';
import type { Leaderboard } from '../../domain/types';
import type { EventConfig } from '../../domain/season/season';
import { formatLapTime } from '../../domain/leaderboard/formatLapTime';

/**
 * leaderboard.json shape (documented in README "Output files"). Stable: tools read it.
 */
export interface LeaderboardJson {
  eventId: string;
  eventName: string | null;
  track: string | null;
  layout: string | null;
  generatedAt: string;
  lapCount: number;
  rows: Array<{
    position: number;
    driverGuid: string;
    driver: string;
    carModel: string;
    lapTimeMs: number;
    lapTime: string;
    gapMs: number;
    sectorsMs: number[];
    tyre: string | null;
    recordedAt: string;
    /** The servers.json id of the server the lap was set on; absent in the single-server setup. */
    server?: string;
  }>;
}

export function toLeaderboardJson(board: Leaderboard, event: EventConfig | undefined, now: Date): LeaderboardJson {
  return {
    eventId: board.eventId,
    eventName: event?.name ?? null,
    track: event?.track ?? null,
    layout: event?.layout ?? null,
    generatedAt: now.toISOString(),
    lapCount: board.lapCount,
    rows: board.rows.map((r) => ({
      position: r.position,
      driverGuid: r.driverGuid,
      driver: r.driverName,
      carModel: r.carModel,
      lapTimeMs: r.lapTimeMs,
      lapTime: formatLapTime(r.lapTimeMs),
      gapMs: r.gapMs,
      sectorsMs: r.sectorsMs,
      tyre: r.tyre,
      recordedAt: r.recordedAt,
      ...(r.server !== undefined ? { server: r.server } : {}),
    })),
  };
}

/** data/leaderboards/season1_event2.json: one file per event; '#' is awkward in file names. */
export function eventLeaderboardPath(dataDir: string, eventId: string): string {
  return path.join(dataDir, 'leaderboards', `${eventId.replace(/[^A-Za-z0-9_-]+/g, '_')}.json`);
}
