import { ApplicationCommandOptionType } from 'discord.js';
import type { CommandDefinition } from '../src/adapters/discord/commandOptions';
import { defineCommand } from '../src/adapters/discord/defineCommand';
import { eventChoices } from '../src/adapters/discord/eventChoices';
import { eventTitle } from '../src/domain/season/eventTitle';
import { pageLink, renderLeaderboardPages } from '../src/domain/leaderboard/renderLeaderboard';
import { prettyCarName } from '../src/domain/season/prettyCarName';

const data = {
  name: 'leaderboard',
  description: "The current event's leaderboard (or a chosen event's)",
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'event',
      description: 'Event (default: the current one)',
      required: false,
      autocomplete: true,
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'car',
      description: "Only this car: each driver's best in it",
      required: false,
      autocomplete: true,
    },
  ],
} as const satisfies CommandDefinition;

export const leaderboard = defineCommand(data, {
  admin: false,
  ephemeral: true,
  async execute(_interaction, { league, season, eventPageUrl }, options) {
    const eventId = options.event ?? (await league.currentEventId());
    if (!eventId) return { content: 'No event is running yet. See `/schedule` for when the season starts.' };
    const event = league.event(eventId);
    if (!event) return { content: `Unknown event \`${eventId}\`. Pick one from the list as you type.` };
    const car = options.car;
    const board = car ? await league.carLeaderboard(eventId, car) : await league.leaderboard(eventId);
    const title = car ? `${eventTitle(season(), eventId)} - ${prettyCarName(car)}` : eventTitle(season(), eventId);
    const link = pageLink(eventPageUrl(eventId));
    const [first, ...rest] = renderLeaderboardPages(board, {
      title,
      carName: prettyCarName,
      maxLength: link ? 2000 - link.length - 1 : undefined,
    });
    return { content: link ? `${first}\n${link}` : (first ?? 'No valid laps yet.'), followUps: rest };
  },
  async autocomplete(_interaction, { season, league }, { options, focused }) {
    if (focused.name === 'car') {
      const eventId = options.event ?? (await league.currentEventId());
      const typed = focused.value.toLowerCase();
      const cars = (eventId ? league.event(eventId)?.cars : undefined) ?? [];
      return cars
        .map((c) => ({ name: prettyCarName(c.model).slice(0, 100), value: c.model }))
        .filter((c) => !typed || c.name.toLowerCase().includes(typed) || c.value.includes(typed))
        .slice(0, 25);
    }
    return eventChoices(season(), focused.value);
  },
});
