import type { SeasonConfig } from './season';

/** "Season 1 - Event 2" for an event id; the id itself when the config does not know it. */
export function eventTitle(config: SeasonConfig, eventId: string): string {
  for (const season of config.seasons) {
    const event = season.events.find((e) => e.id === eventId);
    if (event) return `${season.name} - ${event.name}`;
  }
  return eventId;
}
