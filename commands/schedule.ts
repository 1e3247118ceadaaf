import type { Command } from '../src/adapters/discord/command';
import { renderSchedule } from '../src/domain/season/renderSchedule';
import { eventServerIds } from '../src/domain/servers/server';

export const schedule: Command = {
  data: { name: 'schedule', description: 'The season schedule, with the running event marked' },
  admin: false,
  ephemeral: true,
  async execute(_interaction, { league, season, skipPreseason, servers }) {
    // Several servers: each event lists where it runs (the first server hosts events that name none).
    const names = new Map(servers?.map((s) => [s.id, s.name]));
    const first = servers?.[0]?.id;
    return {
      content: renderSchedule(season(), {
        skipPreseason,
        activeEventId: await league.currentEventId(),
        ...(servers && first !== undefined && servers.length > 1
          ? { serverNames: (e) => eventServerIds(e, first).map((id) => names.get(id) ?? id) }
          : {}),
      }),
    };
  },
};
