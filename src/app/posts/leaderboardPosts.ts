import type { League } from '../League';
import type { PostKeeper } from './PostKeeper';
import type { SeasonConfig } from '../../domain/season/season';
import { eventTitle } from '../../domain/season/eventTitle';
import { renderLeaderboard } from '../../domain/leaderboard/renderLeaderboard';
import { prettyCarName } from '../../domain/season/prettyCarName';
import { pageLink } from '../../domain/leaderboard/renderLeaderboard';

/**
 * One live message per event: every leaderboard change asks the post keeper for an update,
 * which coalesces bursts and edits the event's message in place.
 */
export function wireLeaderboardPosts(
  league: League,
  posts: PostKeeper,
  channelId: string,
  season: () => SeasonConfig,
  pageUrl: (eventId: string) => string | undefined = () => undefined,
) {
  const known = new Set<string>();
  const request = (eventId: string) => {
    known.add(eventId);
    posts.request(`leaderboard:${eventId}`, channelId, async () => ({
      content: renderLeaderboard(await league.leaderboard(eventId), {
        title: eventTitle(season(), eventId),
        carName: prettyCarName,
        footer: pageLink(pageUrl(eventId)),
      }),
    }));
  };
  league.onLeaderboardChanged({ leaderboardChanged: request });
  return {
    request,
    /** Re-render the current event's post and every post touched since start. */
    async refreshAll(): Promise<void> {
      const current = await league.currentEventId();
      if (current) known.add(current);
      for (const eventId of known) request(eventId);
    },
  };
}
