import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord.js';
import type { CommandDeps } from '../src/adapters/discord/command';
import type { CommandDefinition } from '../src/adapters/discord/commandOptions';
import { defineCommand } from '../src/adapters/discord/defineCommand';
import { escapeMarkdown, sanitizeForCodeBlock } from '../src/domain/text/discordText';

const driverOption = {
  type: ApplicationCommandOptionType.String,
  name: 'driver',
  description: 'Steam GUID or the name acServer shows',
  required: true,
  autocomplete: true,
  // Autocomplete values are limited to 100 characters; GUIDs are 17 digits.
  max_length: 100,
} as const;

const data = {
  name: 'alias',
  description: 'Show a driver under another name everywhere (admins)',
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  dm_permission: false,
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'set',
      description: 'Set the name a driver is shown under',
      options: [
        driverOption,
        {
          type: ApplicationCommandOptionType.String,
          name: 'name',
          description: 'Name to show',
          required: true,
          max_length: 64,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'remove',
      description: "Remove a driver's alias",
      options: [driverOption],
    },
    { type: ApplicationCommandOptionType.Subcommand, name: 'list', description: 'Every alias' },
  ],
} as const satisfies CommandDefinition;

export const alias = defineCommand(data, {
  admin: true,
  ephemeral: true,
  async execute(_interaction, deps, options) {
    if (options.subcommand === 'list') return { content: await listAliases(deps) };
    const driver = options.driver.trim();
    if (!driver) return { content: 'Give a Steam GUID or a driver name.' };
    if (options.subcommand === 'remove') {
      const existing = (await deps.state.aliases()).find((a) => a.key === driver);
      if (!existing) return { content: `No alias for ${code(driver)}. See \`/alias list\`.` };
      await deps.state.removeAlias(driver);
      deps.refreshPosts();
      deps.log.info({ driver }, 'alias removed');
      return { content: `Removed the alias of ${code(driver)} (was **${escapeMarkdown(existing.name)}**).` };
    }
    const name = options.name.replace(/\s+/g, ' ').trim();
    if (!name) return { content: 'The alias cannot be empty.' };
    await deps.state.setAlias(driver, name);
    deps.refreshPosts();
    deps.log.info({ driver, name }, 'alias set');
    return { content: `${code(driver)} is now shown as **${escapeMarkdown(name)}** everywhere.` };
  },
  async autocomplete(_interaction, { league, state }, { focused }) {
    const typed = focused.value.toLowerCase();
    const eventId = await league.currentEventId();
    const board = eventId ? await league.leaderboard(eventId) : undefined;
    const known = new Map<string, string>();
    for (const a of await state.aliases()) known.set(a.key, `${a.name} (${a.key})`);
    for (const r of board?.rows ?? []) known.set(r.driverGuid, `${r.driverName} (${r.driverGuid})`);
    return [...known]
      .filter(([key, label]) => !typed || label.toLowerCase().includes(typed) || key.includes(typed))
      .map(([key, label]) => ({ name: label.slice(0, 100), value: key }));
  },
});

async function listAliases(deps: CommandDeps): Promise<string> {
  const aliases = await deps.state.aliases();
  if (aliases.length === 0) return 'No aliases yet. Add one with `/alias set`.';
  const lines = aliases.map((a) => `${code(a.key)} → ${escapeMarkdown(a.name)}`);
  let out = `**Aliases (${aliases.length})**`;
  for (const line of lines) {
    if (out.length + line.length + 40 > 2000) return `${out}\n…and ${aliases.length - out.split('\n').length + 1} more`;
    out += `\n${line}`;
  }
  return out;
}

/** A driver key (GUID or acServer name) as inline code: a backtick in it cannot end the span, mentions stay inert. */
function code(text: string): string {
  return `\`${sanitizeForCodeBlock(text)}\``;
}
