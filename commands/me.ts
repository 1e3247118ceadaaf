import type { CommandDefinition } from '../src/adapters/discord/commandOptions';
import { defineCommand } from '../src/adapters/discord/defineCommand';
import { memberOf } from '../src/adapters/discord/memberOf';
import { meFacts } from '../src/app/identity/meFacts';
import { renderMe } from '../src/domain/identity/renderMe';

/** Your driver: the running event, the season, your bests per track. */
const data = {
  name: 'me',
  description: 'Your position in the running event, your season standing and your personal bests',
  dm_permission: false,
} as const satisfies CommandDefinition;

export const me = defineCommand(data, {
  admin: false,
  ephemeral: true,
  async execute(interaction, { links, league, standings, season }) {
    const member = memberOf(interaction);
    const link = await links.memberLink(member);
    if (!link)
      return {
        content:
          'You are not linked to a driver yet: use `/link steam_guid:<your steamID64>` and an admin will approve it.',
      };
    return {
      content: renderMe(await meFacts({ league, standings, season }, link, await links.notifyState(member.userId))),
    };
  },
});
