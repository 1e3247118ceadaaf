import type { League } from '../League';
import type { Standings } from '../standings/Standings';
import type { SeasonConfig } from '../../domain/season/season';
import type { MeFacts } from '../../domain/identity/renderMe';
import type { NotifyState } from './IdentityState';
import { allEvents } from '../../domain/season/resolveEvent';
import { eventTitle } from '../../domain/season/eventTitle';
import { prettyTrackName } from '../../domain/season/prettyTrackName';
import { formatPoints } from '../../domain/standings/points';

/** What /me shows for a linked driver, read from the leaderboards and standings as they count now. */
export async function meFacts(
  deps: {
    league: Pick<League, 'currentEventId' | 'event' | 'leaderboard'>;
    standings: Pick<Standings, 'currentSeasonId' | 'compute'>;
    season: () => SeasonConfig;
  },
  driver: { driverGuid: string; displayName: string },
  notify: NotifyState,
): Promise<MeFacts> {
  const config = deps.season();
  const events = allEvents(config);
  const boards = new Map(
    await Promise.all(events.map(async (e) => [e.id, await deps.league.leaderboard(e.id)] as const)),
  );
  const rowIn = (eventId: string) => boards.get(eventId)?.rows.find((r) => r.driverGuid === driver.driverGuid);

  const currentId = await deps.league.currentEventId();
  const currentBoard = currentId ? (boards.get(currentId) ?? (await deps.league.leaderboard(currentId))) : undefined;
  const row = currentBoard?.rows.find((r) => r.driverGuid === driver.driverGuid) ?? null;
  const current =
    currentId && currentBoard
      ? {
          title: eventTitle(config, currentId),
          row,
          ahead: row && row.position > 1 ? (currentBoard.rows[row.position - 2] ?? null) : null,
          drivers: currentBoard.rows.length,
        }
      : null;

  const seasonId = await deps.standings.currentSeasonId();
  const standings = seasonId ? await deps.standings.compute(seasonId) : undefined;
  const standing = standings?.rows.find((r) => r.driverGuid === driver.driverGuid);
  const season =
    standings && standing
      ? {
          name: standings.seasonName,
          rank: standing.rank,
          total: formatPoints(standing.total),
          drivers: standings.rows.length,
        }
      : null;

  const bests = new Map<string, { track: string; lapTimeMs: number; eventTitle: string }>();
  for (const e of events) {
    const mine = rowIn(e.id);
    const key = `${e.track}\u0000${e.layout}`;
    if (mine && !(mine.lapTimeMs >= (bests.get(key)?.lapTimeMs ?? Infinity))) {
      bests.set(key, {
        track: prettyTrackName(e.track, e.layout),
        lapTimeMs: mine.lapTimeMs,
        eventTitle: eventTitle(config, e.id),
      });
    }
  }
  const named = row ?? [...boards.keys()].map(rowIn).find((r) => r !== undefined);
  return {
    driverName: named?.driverName ?? driver.displayName,
    driverGuid: driver.driverGuid,
    current,
    season,
    personalBests: [...bests.values()],
    notify,
  };
}
