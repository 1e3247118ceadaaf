import type { CommandDefinition } from '../src/adapters/discord/commandOptions';
import { defineCommand } from '../src/adapters/discord/defineCommand';
import { renderSchedule } from '../src/domain/season/renderSchedule';

const data = {
  name: 'schedule',
  description: 'The season schedule, with the running event marked',
} as const satisfies CommandDefinition;

export const schedule = defineCommand(data, {
  admin: false,
  ephemeral: true,
  async execute(_interaction, { league, season, skipPreseason }) {
    return {
      content: renderSchedule(season(), {
        skipPreseason,
        activeEventId: await league.currentEventId(),
      }),
    };
  },
});
