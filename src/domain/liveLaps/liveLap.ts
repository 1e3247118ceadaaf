import { isRealGuid, lapInvalidReason } from '../results/isValidLap';
import type { Lap, SessionType } from '../types';

/** Marks the lapKey of a lap stored from the UDP plugin before its results file arrived. */
export const LIVE_KEY_MARK = '#live#';

/** `${driverGuid}#live#${stamp}`: never equal to a results file's `${driverGuid}#${Timestamp}`. */
export function liveLapKey(driverGuid: string, stamp: number): string {
  return `${driverGuid}${LIVE_KEY_MARK}${stamp}`;
}

export function isLiveLap(lap: Pick<Lap, 'lapKey'>): boolean {
  return lap.lapKey.includes(LIVE_KEY_MARK);
}

/** What the results file will call this lap's resultFile is unknown yet; live laps carry this. */
export const LIVE_RESULT_FILE = 'live';

export interface LiveLapInput {
  eventId: string;
  driverGuid: string;
  driverName: string;
  carModel: string;
  lapTimeMs: number;
  cuts: number;
  /** From the session the plugin reported; the event's track when no session is known yet. */
  track: string;
  trackConfig: string;
  sessionType: SessionType;
  /** When the bot received LAP_COMPLETED. */
  receivedAt: Date;
  /** Unique per lap within the process and increasing (ms since epoch, bumped on collision). */
  stamp: number;
  /** The session's start as estimated from SESSION_INFO's elapsed time, if known. */
  sessionStart: Date | null;
}

/**
 * A lap from LAP_COMPLETED, stored at once. Valid under the same rule as a results file's lap:
 * no cuts, a real time, a real GUID. The file's copy replaces it later (matchLiveLaps).
 */
export function liveLap(input: LiveLapInput): Lap {
  const recordedAt = input.receivedAt.toISOString();
  const invalidReason = lapInvalidReason({
    cuts: input.cuts,
    lapTimeMs: input.lapTimeMs,
    identified: isRealGuid(input.driverGuid),
  });
  return {
    eventId: input.eventId,
    lapKey: liveLapKey(input.driverGuid, input.stamp),
    driverGuid: input.driverGuid,
    driverName: input.driverName,
    carModel: input.carModel,
    lapTimeMs: input.lapTimeMs,
    sectorsMs: [],
    cuts: input.cuts,
    valid: invalidReason === null,
    ...(invalidReason === null ? {} : { invalidReason }),
    tyre: null,
    sessionType: input.sessionType,
    track: input.track,
    trackConfig: input.trackConfig,
    resultFile: LIVE_RESULT_FILE,
    lapTimestamp: input.stamp,
    sessionTime: input.sessionStart?.toISOString() ?? null,
    recordedAt,
  };
}
