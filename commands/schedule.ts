import type { CommandDefinition } from '../src/adapters/discord/commandOptions';
import { defineCommand } from '../src/adapters/discord/defineCommand';
import { renderSchedule } from '../src/domain/season/renderSchedule';
import { eventServerIds } from '../src/domain/servers/server';

const data = {
  name: 'schedule',
  description: 'The season schedule, with the running event marked',
} as const satisfies CommandDefinition;

export const schedule = defineCommand(data, {
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
});
