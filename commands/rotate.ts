import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord.js';
import type { CommandDefinition } from '../src/adapters/discord/commandOptions';
import { defineCommand } from '../src/adapters/discord/defineCommand';
import type { RotationTarget } from '../src/app/rotation/rotationTypes';
import { eventChoices } from '../src/adapters/discord/eventChoices';
import { rotationReply } from '../src/adapters/discord/rotationReply';
import { eventTitle } from '../src/domain/season/eventTitle';
import { remoteReply, remoteServerChoices } from '../src/adapters/discord/remoteReply';
import { pickServer, serverChoices, serverOption } from '../src/adapters/discord/serverChoice';

const data = {
  name: 'rotate',
  description: 'Rotate acServer to another event now (admins)',
  default_member_permissions: PermissionFlagsBits.ManageGuild.toString(),
  dm_permission: false,
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'target',
      description: 'Which event (default: the one the schedule says)',
      required: false,
      choices: [
        { name: 'scheduled: the event the schedule says now', value: 'scheduled' },
        { name: 'next: the next event in the schedule', value: 'next' },
        { name: 'event: the one picked in the event option', value: 'event' },
      ],
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'event',
      description: 'The event (with target: event)',
      required: false,
      autocomplete: true,
    },
    {
      type: ApplicationCommandOptionType.Boolean,
      name: 'dry_run',
      description: 'Only show what would change in the INI files',
      required: false,
    },
    serverOption,
  ],
} as const satisfies CommandDefinition;

export const rotate = defineCommand(data, {
  admin: true,
  ephemeral: true,
  async execute(interaction, deps, options) {
    const { rotation: only, season, servers } = deps;
    const eventId = options.event;
    const kind = options.target ?? (eventId ? 'event' : 'scheduled');
    let target: RotationTarget;
    if (kind === 'event') {
      if (!eventId) return { content: 'Pick the event in the `event` option (target: event).' };
      target = { kind: 'event', eventId };
    } else target = { kind };
    const dryRun = options.dry_run ?? false;
    // On the bot (ROLE=bot) the agent of the server rotates; its answer is the reply.
    const remote = await remoteReply(interaction, deps, options.server, { action: 'rotate', target, dryRun });
    if (remote) return remote;
    const local = servers ?? (only ? [{ id: 'default', name: 'acServer', rotation: only, acPlugin: undefined }] : []);
    if (local.length === 0) return { content: 'Rotation is not set up in this process (no acServer here).' };
    const picked = pickServer(local, options.server ?? null);
    if ('error' in picked) return { content: picked.error };
    const result = await picked.server.rotation.rotate(target, { dryRun, by: `discord:${interaction.user.id}` });
    const where = servers && servers.length > 1 ? `**${picked.server.name}**: ` : '';
    return { content: where + rotationReply(result, (id) => eventTitle(season(), id)) };
  },
  async autocomplete(_interaction, deps, { focused }) {
    if (focused.name === 'server')
      return deps.remoteServers
        ? remoteServerChoices(deps, focused.value)
        : serverChoices(deps.servers ?? [], focused.value);
    return eventChoices(deps.season(), focused.value);
  },
});
