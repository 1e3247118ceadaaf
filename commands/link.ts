import { ApplicationCommandOptionType, ButtonStyle, ComponentType } from 'discord.js';
import type { CommandDefinition } from '../src/adapters/discord/commandOptions';
import { defineCommand } from '../src/adapters/discord/defineCommand';
import { actorOf, displayNameOf, memberOf } from '../src/adapters/discord/memberOf';
import type { LinkOutcome } from '../src/app/identity/DriverLinks';
import type { LinkRequest } from '../src/app/identity/IdentityState';
import { escapeMarkdown } from '../src/domain/text/discordText';

/** Approve / Reject under a request in the admin channel; the custom id carries the request id. */
const buttons = (requestId: string) => [
  {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Success,
        custom_id: `link:approve:${requestId}`,
        label: 'Approve',
      },
      { type: ComponentType.Button, style: ButtonStyle.Danger, custom_id: `link:reject:${requestId}`, label: 'Reject' },
    ],
  },
];

const requestLine = (r: Pick<LinkRequest, 'userId' | 'displayName' | 'driverGuid'>) =>
  `<@${r.userId}> (**${escapeMarkdown(r.displayName)}**) asks to be linked to Steam GUID \`${r.driverGuid}\``;

/**
 * A member asks to be linked to their Steam GUID; an admin approves or rejects it with the buttons
 * posted in the admin channel. An admin's /link links at once (themselves, or `member`).
 */
const data = {
  name: 'link',
  description: 'Link your Discord account to your Steam GUID (an admin approves)',
  dm_permission: false,
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'steam_guid',
      description: 'Your steamID64: 17 digits starting with 7656119',
      required: true,
      min_length: 17,
      max_length: 17,
    },
    {
      type: ApplicationCommandOptionType.User,
      name: 'member',
      description: 'Admins: link this member at once',
      required: false,
    },
  ],
} as const satisfies CommandDefinition;

export const link = defineCommand(data, {
  admin: false,
  ephemeral: true,
  buttonsAdmin: true,
  async execute(interaction, deps, options) {
    const { links } = deps;
    const guid = options.steam_guid;
    const admin = deps.isAdmin(interaction);
    const user = options.member?.user;
    if (user && user.id !== interaction.user.id && !admin)
      return { content: 'Only league admins can link another member.' };
    if (admin) {
      const member = user
        ? { userId: user.id, displayName: displayNameOf(options.member?.member, user) }
        : memberOf(interaction);
      return { content: linkedText(await links.link(member, guid, actorOf(interaction)), member.userId) };
    }
    if (!deps.postToAdmins)
      return {
        content:
          'Link requests need an admin channel, and this bot has none: ask a league admin to link you with `/link`.',
      };
    const out = await links.request(memberOf(interaction), guid);
    switch (out.status) {
      case 'invalid':
        return { content: out.message };
      case 'already-linked':
        return { content: `You are already linked to \`${out.link.driverGuid}\`. See \`/me\`.` };
      case 'taken':
        return { content: `\`${guid}\` is already linked to another member. If it is yours, ask a league admin.` };
      case 'pending':
        return { content: 'You already asked for this GUID; an admin will answer soon.' };
      case 'linked':
        return { content: linkedText(out, interaction.user.id) };
      case 'requested': {
        const posted = await deps.postToAdmins({
          content: `🔗 ${requestLine(out.request)}.`,
          components: buttons(out.request.id),
        });
        if (!posted)
          return { content: 'Your request is saved, but the admin channel could not be reached: ask a league admin.' };
        return {
          content: `Asked the league admins to link you to \`${out.request.driverGuid}\`. \`/me\` shows your results once they approve.`,
        };
      }
    }
  },
  async button(interaction, deps) {
    const [, action, requestId = ''] = interaction.customId.split(':');
    const links = deps.links;
    const by = actorOf(interaction);
    if (action === 'reject') {
      const out = await links.reject(requestId, by);
      if (out.status === 'gone') return { content: 'This request was already answered.' };
      return { content: `🔗 ${requestLine(out.request)}: **rejected** by <@${by.id}>.` };
    }
    const out = await links.approve(requestId, by);
    if (out.status === 'gone') return { content: 'This request was already answered.' };
    return { content: `🔗 ${linkedText(out, undefined)} (answered by <@${by.id}>)` };
  },
});

function linkedText(out: LinkOutcome, userId: string | undefined): string {
  switch (out.status) {
    case 'invalid':
      return out.message;
    case 'linked':
      return `<@${out.link.userId}> is now linked to \`${out.link.driverGuid}\`.`;
    case 'already-linked':
      return `<@${out.link.userId}> was already linked to \`${out.link.driverGuid}\`.`;
    case 'taken':
      return `Not linked${userId ? ` <@${userId}>` : ''}: \`${out.existing.driverGuid}\` is already linked to <@${out.existing.userId}>. \`/unlink member\` them first if that is wrong.`;
  }
}
