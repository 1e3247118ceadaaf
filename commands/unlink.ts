import { ApplicationCommandOptionType } from 'discord.js';
import type { CommandDefinition } from '../src/adapters/discord/commandOptions';
import { defineCommand } from '../src/adapters/discord/defineCommand';
import { actorOf } from '../src/adapters/discord/memberOf';

/** Remove your link to a Steam GUID (admins: anyone's). */
const data = {
  name: 'unlink',
  description: 'Remove the link between your Discord account and your Steam GUID',
  dm_permission: false,
  options: [
    {
      type: ApplicationCommandOptionType.User,
      name: 'member',
      description: "Admins: remove this member's link",
      required: false,
    },
  ],
} as const satisfies CommandDefinition;

export const unlink = defineCommand(data, {
  admin: false,
  ephemeral: true,
  async execute(interaction, deps, options) {
    const user = options.member?.user;
    if (user && user.id !== interaction.user.id && !deps.isAdmin(interaction))
      return { content: "Only league admins can remove another member's link." };
    const userId = user?.id ?? interaction.user.id;
    const removed = await deps.links.unlink(userId, actorOf(interaction));
    if (!removed) return { content: `<@${userId}> is not linked to a Steam GUID.` };
    return { content: `<@${userId}> is no longer linked to \`${removed.driverGuid}\`.` };
  },
});
