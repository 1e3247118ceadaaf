import type { League } from '../app/League';
import type { Standings } from '../app/standings/Standings';
import type { BotState } from '../app/runtime/BotState';
import type { SeasonConfig } from '../domain/season/season';
import type { Alias } from '../domain/types';
import { trackFlag } from '../domain/season/trackFlags';
import { aliasResolver } from '../domain/leaderboard/aliases';
import type { ReadModel, WebEvent, WebSeason } from './ReadModel';
import { summarizeEvent, type EventSummary } from './model/summarizeEvent';
import { buildBoard } from './model/buildBoard';
import { driverLaps } from './model/driverLaps';
import { trackRecords } from './model/trackRecords';

export interface LeagueReadModelDeps {
  league: League;
  standings: Standings;
  season: () => SeasonConfig;
  state: BotState;
}

/**
 * The website's read model over the running league. Each event's laps are read once and folded
 * (summarizeEvent); the league's change feed drops that event's fold, and a names change
 * (alias, season config) drops the aliases, so pages never show stale data.
 */
export function leagueReadModel(deps: LeagueReadModelDeps): ReadModel {
  const summaries = new Map<string, Promise<EventSummary>>();
  const listeners = new Set<(eventId: string) => void>();
  let aliases: Promise<Alias[]> | undefined;
  let version = 0;
  let seen: { config: SeasonConfig; seasons: WebSeason[] } | undefined;

  deps.league.onLeaderboardChanged({
    leaderboardChanged: (eventId) => {
      summaries.delete(eventId);
      version += 1;
      for (const l of listeners) l(eventId);
    },
    namesChanged: () => {
      aliases = undefined;
      version += 1;
    },
  });

  const seasons = (): WebSeason[] => {
    const config = deps.season();
    if (seen?.config !== config) {
      if (seen) version += 1;
      seen = {
        config,
        seasons: config.seasons.map((s) => ({
          id: s.id,
          name: s.name,
          events: s.events.map((e): WebEvent => ({
            id: e.id,
            seasonId: s.id,
            seasonName: s.name,
            name: e.name,
            track: e.track,
            layout: e.layout,
            cars: e.cars.map((c) => c.model),
            start: e.start,
            timeZone: e.timeZone,
            preseason: e.preseason,
            flag: trackFlag(e.track, config.trackFlags),
          })),
        })),
      };
    }
    return seen.seasons;
  };
  const event = (eventId: string) =>
    seasons()
      .flatMap((s) => s.events)
      .find((e) => e.id === eventId);
  const summary = (eventId: string): Promise<EventSummary> => {
    let s = summaries.get(eventId);
    if (!s) {
      // Laps as they count: struck laps and excluded drivers are off every board, and say why.
      s = deps.league.countedLaps(eventId).then((laps) => summarizeEvent(eventId, laps));
      summaries.set(eventId, s);
      s.catch(() => summaries.delete(eventId));
    }
    return s;
  };
  const currentAliases = () =>
    (aliases ??= deps.state.nameAliases().catch((err: unknown) => {
      aliases = undefined;
      throw err;
    }));

  return {
    seasons,
    event,
    currentEventId: () => deps.league.currentEventId(),
    async leaderboard(eventId, query) {
      return buildBoard(eventId, await summary(eventId), await currentAliases(), query);
    },
    async eventDrivers(eventId) {
      const [s, names] = await Promise.all([summary(eventId), currentAliases()]);
      const nameOf = aliasResolver(names);
      return [...s.latest.values()].map((lap) => ({
        driverGuid: lap.driverGuid,
        driverName: nameOf(lap.driverGuid, lap.driverName),
      }));
    },
    async driverLaps(eventId, driverGuid) {
      return driverLaps(driverGuid, await deps.league.countedLaps(eventId), await currentAliases());
    },
    standings: (seasonId) => deps.standings.compute(seasonId),
    async trackRecords(track, layout) {
      const events = seasons()
        .flatMap((s) => s.events)
        .filter((e) => e.track === track && (layout === undefined || e.layout === layout));
      const folded = await Promise.all(
        events.map(async (e) => ({ eventId: e.id, layout: e.layout, summary: await summary(e.id) })),
      );
      return trackRecords(folded, await currentAliases());
    },
    version: () => (seasons(), version),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
