import { ApplicationCommandOptionType } from 'discord.js';
import type { CommandDefinition } from '../src/adapters/discord/commandOptions';
import { defineCommand } from '../src/adapters/discord/defineCommand';
import { seasonChoices } from '../src/adapters/discord/seasonChoices';
import { standingsMessage } from '../src/app/posts/standingsMessage';

const data = {
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
} as const satisfies CommandDefinition;

export const standings = defineCommand(data, {
  admin: false,
  ephemeral: true,
  async execute(_interaction, deps, options) {
    const seasonId = options.season ?? (await deps.standings.currentSeasonId());
    if (!seasonId) return { content: 'The season config has no season yet.' };
    const current = await deps.standings.compute(seasonId);
    if (!current) return { content: `Unknown season \`${seasonId}\`. Pick one from the list as you type.` };
    const body = await standingsMessage(current, deps.chart);
    return { content: body.content, files: body.files?.map((f) => ({ attachment: f.data, name: f.name })) };
  },
  async autocomplete(_interaction, { season }, { focused }) {
    return seasonChoices(season(), focused.value);
  },
});
