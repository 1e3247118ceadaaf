import type { PostKeeper } from './PostKeeper';
import type { SeasonConfig } from '../../domain/season/season';
import { renderSchedule } from '../../domain/season/renderSchedule';

/** The season schedule: one message, edited when the season config or the current event changes. */
export function wireSchedulePost(
  posts: PostKeeper,
  channelId: string,
  deps: { season: () => SeasonConfig; currentEventId: () => Promise<string | null>; skipPreseason: boolean },
) {
  return {
    async refresh(): Promise<void> {
      posts.request('schedule', channelId, async () => ({
        content: renderSchedule(deps.season(), {
          skipPreseason: deps.skipPreseason,
          activeEventId: await deps.currentEventId(),
        }),
      }));
    },
  };
}
