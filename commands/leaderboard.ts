import { ApplicationCommandOptionType } from 'discord.js';
import type { Command } from '../src/adapters/discord/command';
import { eventChoices } from '../src/adapters/discord/eventChoices';
import { eventTitle } from '../src/domain/eventTitle';
import { renderLeaderboardPages } from '../src/domain/renderLeaderboard';
import { prettyCarName } from '../src/domain/prettyCarName';

export const leaderboard: Command = {
  data: {
    name: 'leaderboard',
    description: "The current event's leaderboard (or a chosen event's)",
    options: [
      { type: ApplicationCommandOptionType.String, name: 'event', description: 'Event (default: the current one)', required: false, autocomplete: true },
    ],
  },
  admin: false,
  ephemeral: true,
  async execute(interaction, { league, season }) {
    const eventId = interaction.options.getString('event') ?? (await league.currentEventId());
    if (!eventId) return { content: 'No event is running yet. See `/schedule` for when the season starts.' };
    if (!league.event(eventId)) return { content: `Unknown event \`${eventId}\`. Pick one from the list as you type.` };
    const board = await league.leaderboard(eventId);
    const [first, ...rest] = renderLeaderboardPages(board, { title: eventTitle(season(), eventId), carName: prettyCarName });
    return { content: first ?? 'No valid laps yet.', followUps: rest };
  },
  async autocomplete(interaction, { season }) {
    return eventChoices(season(), String(interaction.options.getFocused()));
  },
};
