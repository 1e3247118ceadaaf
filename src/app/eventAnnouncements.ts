import type { Logger } from '../logger';
import type { BotState } from './BotState';
import type { PostKeeper } from './PostKeeper';
import type { SeasonConfig } from '../domain/season';
import { findEvent } from '../domain/resolveEvent';
import { renderAnnouncement } from '../domain/renderAnnouncement';

/**
 * When the current event changes (currentEvent.json), announce it once and let the posts that
 * depend on it (live leaderboard, schedule marker) switch. The same event id again says nothing.
 */
export function eventAnnouncer(deps: {
  state: BotState;
  posts: PostKeeper | undefined;
  announceChannelId: string | undefined;
  season: () => SeasonConfig;
  refreshPosts: () => void;
  log: Logger;
}) {
  return async (eventId: string | null): Promise<void> => {
    if (!eventId || eventId === (await deps.state.announcedEvent())) return;
    const event = findEvent(deps.season(), eventId);
    if (!event) {
      deps.log.warn({ eventId }, `currentEvent.json names "${eventId}", which is not in the season config: not announced; fix the file or the season config`);
      return;
    }
    await deps.state.setAnnouncedEvent(eventId);
    deps.log.info({ eventId }, 'current event changed');
    if (deps.posts && deps.announceChannelId) {
      // A key per announcement: going back to an event later is a new message that notifies, not an edit.
      deps.posts.request(`announce:${eventId}:${Date.now()}`, deps.announceChannelId, async () => ({ content: renderAnnouncement(deps.season(), event) }));
    }
    deps.refreshPosts();
  };
}
