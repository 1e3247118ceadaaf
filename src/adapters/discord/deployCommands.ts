import { REST } from '@discordjs/rest';
import { Routes } from 'discord.js';
import type { Command } from './command';

/**
 * Register every slash command: guild-scoped (instant) when guildId is set, else global
 * (Discord may take up to an hour to show global changes). PUT replaces the whole set, so
 * removed commands disappear.
 */
export async function deployCommands(opts: {
  token: string;
  appId: string;
  guildId?: string;
  apiBase: string;
  commands: Iterable<Command>;
}): Promise<{ count: number; scope: string }> {
  const rest = new REST({ api: opts.apiBase }).setToken(opts.token);
  const body = [...opts.commands].map((c) => c.data);
  const route = opts.guildId
    ? Routes.applicationGuildCommands(opts.appId, opts.guildId)
    : Routes.applicationCommands(opts.appId);
  const saved = (await rest.put(route, { body })) as unknown[];
  return { count: saved.length, scope: opts.guildId ? `guild ${opts.guildId}` : 'global' };
}
