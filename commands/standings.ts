import { ApplicationCommandOptionType } from 'discord.js';
import type { Command } from '../src/adapters/discord/command';
import { seasonChoices } from '../src/adapters/discord/seasonChoices';
import { standingsMessage } from '../src/app/posts/standingsMessage';

export const standings: Command = {
  data: {
    name: 'standings',
    description: "The season's standings and points chart (default: the current season)",
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'season',
        description: 'Season (default: the current one)',
        required: false,
        autocomplete: true,
      },
    ],
  },
  admin: false,
  ephemeral: true,
  async execute(interaction, deps) {
    const seasonId = interaction.options.getString('season') ?? (await deps.standings.currentSeasonId());
    if (!seasonId) return { content: 'The season config has no season yet.' };
    const current = await deps.standings.compute(seasonId);
    if (!current) return { content: `Unknown season \`${seasonId}\`. Pick one from the list as you type.` };
    const body = await standingsMessage(current, deps.chart);
    return { content: body.content, files: body.files?.map((f) => ({ attachment: f.data, name: f.name })) };
  },
  async autocomplete(interaction, { season }) {
    return seasonChoices(season(), String(interaction.options.getFocused()));
  },
};
