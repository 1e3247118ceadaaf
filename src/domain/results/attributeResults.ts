import { dateTimeTextToInstant, parseDateTimeText } from '../text/dateTimeText';
import { activeEvent, allEvents, findEvent } from '../season/resolveEvent';
import type { EventConfig, SeasonConfig } from '../season/season';
import { UNATTRIBUTED_EVENT_ID, type ParsedResults } from '../types';
import { localToInstant } from '../text/zonedTime';

export type Attribution =
  | {
      kind: 'event';
      eventId: string;
      via: 'forced' | 'schedule' | 'currentEvent';
      /** ISO instant of the session (from the file name, else the Date field), or null */
      sessionTime: string | null;
      /** Something worth a log line, e.g. a forced event on another track. */
      note?: string;
    }
  | {
      kind: 'unattributed';
      eventId: typeof UNATTRIBUTED_EVENT_ID;
      /** What happened and what the admin can do, ready for a log line or an admin message. */
      reason: string;
      /** The event that was considered and rejected (track mismatch), else null. */
      candidateEventId: string | null;
      sessionTime: string | null;
    };

export interface AttributeResultsInput {
  config: SeasonConfig;
  parsed: ParsedResults;
  /** IANA zone acServer's clock runs in (AC_SERVER_TZ): results file names are in it. */
  acServerTimeZone: string;
  /** The event the server was last rotated to (currentEvent.json), if known. */
  currentEventId: string | null;
  /** An admin's explicit choice (`ingest <file> --event <id>`). */
  forcedEventId?: string;
}

/** Thrown when a forced event id is not in the season config. */
export class UnknownEventError extends Error {
  override readonly name = 'UnknownEventError';
  constructor(
    readonly eventId: string,
    config: SeasonConfig,
  ) {
    const known = allEvents(config).map((e) => e.id);
    super(`no event "${eventId}" in the season config; known events: ${known.join(', ') || '(none)'}`);
  }
}

/**
 * acServer names a results file when the session ENDS, so a file written by the flush at a
 * rotation carries the new event's start minute. Within this grace after a start, a file whose
 * track does not fit the new event is given to the event before it when that one's track fits.
 */
export const ROTATION_GRACE_MS = 5 * 60_000;

/**
 * Decides which event a results file belongs to:
 * 1. forcedEventId, which must exist; the track is NOT checked (forcing is how an admin
 *    overrides the check), a mismatch only gives a `note`;
 * 2. else the event whose schedule window holds the session time (see ROTATION_GRACE_MS);
 * 3. else currentEventId (no session time, or a time before the first event);
 * then the file's track and layout must equal the event's (case-insensitive, '' = no layout),
 * otherwise the laps go to 'unattributed' with a reason saying how to file them by hand.
 */
export function attributeResults(input: AttributeResultsInput): Attribution {
  const { config, parsed, acServerTimeZone, currentEventId, forcedEventId } = input;
  const instant = sessionInstant(parsed, acServerTimeZone);
  const sessionTime = instant?.toISOString() ?? null;
  const fix = `to file these laps under an event anyway: npm run cli -- ingest ${parsed.fileName} --event <eventId>`;

  if (forcedEventId !== undefined) {
    const event = findEvent(config, forcedEventId);
    if (!event) throw new UnknownEventError(forcedEventId, config);
    if (sameTrack(parsed, event)) return { kind: 'event', eventId: event.id, via: 'forced', sessionTime };
    const note = `forced to ${event.id}, which runs on ${trackName(event.track, event.layout)}, although ${parsed.fileName} is from ${trackName(parsed.track, parsed.trackConfig)}`;
    return { kind: 'event', eventId: event.id, via: 'forced', sessionTime, note };
  }

  const when = instant ? describeTime(parsed, instant, acServerTimeZone) : null;
  const scheduled = instant ? activeEvent(config, instant) : null;
  if (scheduled && instant) {
    if (sameTrack(parsed, scheduled)) return { kind: 'event', eventId: scheduled.id, via: 'schedule', sessionTime };
    const before =
      instant.getTime() - Date.parse(scheduled.start) < ROTATION_GRACE_MS
        ? activeEvent(config, new Date(Date.parse(scheduled.start) - 1))
        : null;
    if (before && sameTrack(parsed, before)) {
      const note = `session ended at ${when}, just after ${scheduled.id} started; given to ${before.id}, whose track it matches`;
      return { kind: 'event', eventId: before.id, via: 'schedule', sessionTime, note };
    }
    return mismatch(parsed, scheduled, `the schedule puts ${when} in ${scheduled.id}`, fix, sessionTime);
  }

  const current = currentEventId === null ? undefined : findEvent(config, currentEventId);
  if (current) {
    if (sameTrack(parsed, current)) return { kind: 'event', eventId: current.id, via: 'currentEvent', sessionTime };
    return mismatch(parsed, current, `${current.id} is the current event`, fix, sessionTime);
  }

  const first = allEvents(config)[0];
  const why = [
    !when
      ? `${parsed.fileName} carries no session time`
      : first
        ? `${parsed.fileName} is from ${when}, before the first event (${first.id}, ${first.start})`
        : `${parsed.fileName} is from ${when} but the season config has no events`,
    currentEventId === null
      ? 'no current event is set'
      : `the current event "${currentEventId}" is not in the season config`,
  ];
  return {
    kind: 'unattributed',
    eventId: UNATTRIBUTED_EVENT_ID,
    reason: `${why.join(' and ')}; ${fix}`,
    candidateEventId: null,
    sessionTime,
  };
}

function mismatch(
  parsed: ParsedResults,
  event: EventConfig,
  chosen: string,
  fix: string,
  sessionTime: string | null,
): Attribution {
  const reason =
    `${parsed.fileName} is from ${trackName(parsed.track, parsed.trackConfig)} but ${chosen}, ` +
    `which runs on ${trackName(event.track, event.layout)}; ${fix}`;
  return { kind: 'unattributed', eventId: UNATTRIBUTED_EVENT_ID, reason, candidateEventId: event.id, sessionTime };
}

function sameTrack(parsed: ParsedResults, event: EventConfig): boolean {
  const eq = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  return eq(parsed.track, event.track) && eq(parsed.trackConfig ?? '', event.layout);
}

function trackName(track: string, layout: string): string {
  return layout ? `${track}/${layout}` : `${track} (no layout)`;
}

/** The session instant: the file name's local time in acServer's zone, else the Date field. */
function sessionInstant(parsed: ParsedResults, acServerTimeZone: string): Date | null {
  if (parsed.sessionLocalTime) {
    try {
      return localToInstant(parsed.sessionLocalTime, acServerTimeZone);
    } catch {
      // an impossible date in the name: fall through to the Date field
    }
  }
  const text = parsed.dateField === null ? null : parseDateTimeText(parsed.dateField);
  // Go's zero time (0001-01-01) means "no date" in files re-saved by Server Manager.
  if (!text || text.local.year < 1970) return null;
  return dateTimeTextToInstant(text, acServerTimeZone);
}

function describeTime(parsed: ParsedResults, instant: Date, zone: string): string {
  const l = parsed.sessionLocalTime;
  if (!l) return instant.toISOString();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${l.year}-${p(l.month)}-${p(l.day)} ${p(l.hour)}:${p(l.minute)} ${zone}`;
}
