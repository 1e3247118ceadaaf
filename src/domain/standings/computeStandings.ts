import type { SeasonConfigSeason } from '../season/season';
import type { Alias, Lap } from '../types';
import { classifyEvent } from './classifyEvent';
import { combineStandings } from './combineStandings';
import type { SeasonStandings } from './types';

/**
 * Season standings from every lap of the season's events (rules in docs/standings.md).
 * `lapsByEvent` is keyed by the full event id (`season1#event2`); an event with no entry
 * has no laps. Preseason events neither score nor appear.
 */
export function computeStandings(
  season: SeasonConfigSeason,
  lapsByEvent: ReadonlyMap<string, readonly Lap[]>,
  aliases: readonly Alias[],
): SeasonStandings {
  const classified = new Map(
    season.events.filter((e) => !e.preseason).map((e) => [e.id, classifyEvent(e.id, lapsByEvent.get(e.id) ?? [])]),
  );
  return combineStandings(season, classified, aliases);
}
