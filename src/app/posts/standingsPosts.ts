import type { PostKeeper } from './PostKeeper';
import type { Standings } from '../standings/standings';
import type { SeasonStandings } from '../../domain/standings/types';
import { standingsMessage } from './standingsMessage';

/**
 * One standings message per season in the standings channel, posted once and edited in place
 * (key `standings:<seasonId>`). A season gets a post once it has a result, or while it is the
 * current season, so seasons that have not started do not clutter the channel.
 */
export function wireStandingsPosts(standings: Standings, posts: PostKeeper, channelId: string) {
  const request = (seasonId: string) =>
    posts.request(`standings:${seasonId}`, channelId, async () => {
      const now = await standings.compute(seasonId);
      return now
        ? await standingsMessage(now)
        : { content: `Season \`${seasonId}\` is no longer in the season config.` };
    });
  standings.onChanged((s: SeasonStandings, current: boolean) => {
    if (s.rows.length > 0 || current) request(s.seasonId);
  });
  return {
    /** Recompute every season; posts follow when their files are written. */
    async refreshAll(): Promise<void> {
      standings.refreshAll();
    },
  };
}
