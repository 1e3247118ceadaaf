import { ApplicationCommandOptionType } from 'discord.js';
import type { Command } from '../src/adapters/discord/command';
import { actorOf } from '../src/adapters/discord/memberOf';

/** Remove your link to a Steam GUID (admins: anyone's). */
export const unlink: Command = {
  data: {
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
  },
  admin: false,
  ephemeral: true,
  async execute(interaction, deps) {
    const user = interaction.options.getUser('member');
    if (user && user.id !== interaction.user.id && !deps.isAdmin(interaction))
      return { content: "Only league admins can remove another member's link." };
    const userId = user?.id ?? interaction.user.id;
    const removed = await deps.links.unlink(userId, actorOf(interaction));
    if (!removed) return { content: `<@${userId}> is not linked to a Steam GUID.` };
    return { content: `<@${userId}> is no longer linked to \`${removed.driverGuid}\`.` };
  },
};
