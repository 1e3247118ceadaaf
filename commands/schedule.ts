import type { Command } from '../src/adapters/discord/command';
import { renderSchedule } from '../src/domain/season/renderSchedule';

export const schedule: Command = {
  data: { name: 'schedule', description: 'The season schedule, with the running event marked' },
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
};
