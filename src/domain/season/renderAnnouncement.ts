import type { EventConfig, SeasonConfig } from './season';
import { escapeMarkdown } from '../standings/escapeMarkdown';
import { trackFlag } from './trackFlags';
import { carEmoji } from './carEmoji';
import { prettyTrackName } from './prettyTrackName';
import { prettyCarName } from './prettyCarName';
import { eventTitle } from './eventTitle';
import { eventWindow } from './resolveEvent';

/**
 * "The server now runs …" message for the announcements channel when the event changes. With
 * several servers `serverName` says which one (and `config` holds that server's events only).
 */
export function renderAnnouncement(config: SeasonConfig, event: EventConfig, serverName?: string): string {
  const { end } = eventWindow(config, event);
  const cars = event.cars
    .map((c) => `${carEmoji(c.model, config.carEmoji)} ${escapeMarkdown(prettyCarName(c.model))}`)
    .join(' · ');
  const lines = [
    `**🟢 Now running: ${escapeMarkdown(eventTitle(config, event.id))}${event.preseason ? ' (preseason)' : ''}${serverName ? ` on ${escapeMarkdown(serverName)}` : ''}**`,
    `${trackFlag(event.track, config.trackFlags)} **${escapeMarkdown(prettyTrackName(event.track, event.layout))}**`,
    cars,
    end
      ? `⏱️ Until <t:${Math.floor(end.getTime() / 1000)}:F> (<t:${Math.floor(end.getTime() / 1000)}:R>)`
      : '⏱️ Until the end of the season',
    'Set your best clean lap: the leaderboard updates as laps come in. `/leaderboard` shows it any time.',
  ];
  return lines.join('\n').slice(0, 2000);
}
