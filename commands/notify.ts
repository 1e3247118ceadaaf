import { ApplicationCommandOptionType } from 'discord.js';
import type { CommandDefinition } from '../src/adapters/discord/commandOptions';
import { defineCommand } from '../src/adapters/discord/defineCommand';
import { memberOf } from '../src/adapters/discord/memberOf';

/** Opt in or out of DMs when someone passes you in the running event or beats your track record. */
const data = {
  name: 'notify',
  description: 'DMs when someone passes you in the running event or beats your track record',
  dm_permission: false,
  options: [
    { type: ApplicationCommandOptionType.Subcommand, name: 'on', description: 'Send me those DMs' },
    { type: ApplicationCommandOptionType.Subcommand, name: 'off', description: 'Stop those DMs' },
  ],
} as const satisfies CommandDefinition;

export const notify = defineCommand(data, {
  admin: false,
  ephemeral: true,
  async execute(interaction, { links, notifyIntervalMs }, options) {
    const member = memberOf(interaction);
    if (options.subcommand === 'off') {
      await links.setNotify(member.userId, 'off');
      return { content: 'Notifications are off.' };
    }
    if (!(await links.memberLink(member)))
      return { content: 'Link your Steam GUID first (`/link`), so the bot knows which driver is you.' };
    await links.setNotify(member.userId, 'on');
    const minutes = Math.max(1, Math.round(notifyIntervalMs / 60_000));
    return {
      content: `Notifications are on: a DM when someone passes you in the running event or beats your track record, at most one every ${minutes} min. Keep DMs from server members open.`,
    };
  },
});
