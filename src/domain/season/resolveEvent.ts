import type { EventConfig, SeasonConfig } from './season';

// Which event is on at a given instant. An event runs from its start until the next event's
// start (the last one runs on indefinitely). Events with equal start times: the one listed
// last in the file (seasons in order, then events in order) wins; the others never run.

/** Every event of every season, by start time; equal starts keep their order in the file. */
export function allEvents(config: SeasonConfig): EventConfig[] {
  return config.seasons
    .flatMap((s) => s.events)
    .map((event, index) => ({ event, index, at: Date.parse(event.start) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map((x) => x.event);
}

/** The event with this full id (`season1#event2`), if any. */
export function findEvent(config: SeasonConfig, id: string): EventConfig | undefined {
  for (const season of config.seasons) {
    const found = season.events.find((e) => e.id === id);
    if (found) return found;
  }
  return undefined;
}

/** The event running at `now`: the latest start <= now (ties: listed last); null before the first. */
export function activeEvent(config: SeasonConfig, now: Date): EventConfig | null {
  let active: EventConfig | null = null;
  for (const event of allEvents(config)) {
    if (Date.parse(event.start) > now.getTime()) break;
    active = event;
  }
  return active;
}

/**
 * The event that will become active after `now`: the earliest start > now. With equal starts it
 * is the one listed last, the one activeEvent will return at that time.
 */
export function nextEvent(config: SeasonConfig, now: Date): EventConfig | null {
  const later = allEvents(config).filter((e) => Date.parse(e.start) > now.getTime());
  const first = later[0];
  if (!first) return null;
  const at = Date.parse(first.start);
  return later.filter((e) => Date.parse(e.start) === at).pop() ?? null;
}

/**
 * When `event` is active: [start, end), end = the start of the event after it (null for the
 * last). An event shadowed by another with the same start gets an empty window (end = start).
 * Throws when the event is not in the config.
 */
export function eventWindow(config: SeasonConfig, event: EventConfig): { start: Date; end: Date | null } {
  const events = allEvents(config);
  const index = events.findIndex((e) => e.id === event.id);
  const found = events[index];
  if (!found) throw new Error(`event ${event.id} is not in the season config`);
  const after = events[index + 1];
  return { start: new Date(found.start), end: after ? new Date(after.start) : null };
}
