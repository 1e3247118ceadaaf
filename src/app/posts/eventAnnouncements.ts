import type { Logger } from '../../logger';
import type { BotState } from '../runtime/BotState';
import type { SeasonConfig } from '../../domain/season/season';
import { findEvent } from '../../domain/season/resolveEvent';
import { renderAnnouncement } from '../../domain/season/renderAnnouncement';

/**
 * When the current event changes (currentEvent.json), announce it once and let the posts that
 * depend on it (live leaderboard, schedule marker) switch. The same event id again says nothing.
 */
export function eventAnnouncer(deps: {
  state: BotState;
  /** Sends a one-off message to the announcement channel; absent without Discord or ANNOUNCE_CHANNEL_ID. */
  send: ((content: string) => Promise<void>) | undefined;
  season: () => SeasonConfig;
  refreshPosts: () => void;
  log: Logger;
  /** Several servers: the one whose current event this is (`season` then holds its events only). */
  server?: { id: string; name: string; isDefault: boolean };
}) {
  const stateKey = deps.server && !deps.server.isDefault ? deps.server.id : undefined;
  return async (eventId: string | null): Promise<void> => {
    if (!eventId || eventId === (await deps.state.announcedEvent(stateKey))) return;
    const event = findEvent(deps.season(), eventId);
    if (!event) {
      deps.log.warn(
        { eventId },
        `currentEvent.json names "${eventId}", which is not in the season config: not announced; fix the file or the season config`,
      );
      return;
    }
    await deps.state.setAnnouncedEvent(eventId, stateKey);
    deps.log.info({ eventId, ...(deps.server ? { server: deps.server.id } : {}) }, 'current event changed');
    // News, said once: a new message that notifies (also when going back to an event), not a post
    // the bot keeps alive. A moderator who deletes it has the last word, and no state is kept for it.
    void deps.send?.(renderAnnouncement(deps.season(), event, deps.server?.name));
    deps.refreshPosts();
  };
}
