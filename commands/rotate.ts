import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord.js';
import type { CommandDefinition } from '../src/adapters/discord/commandOptions';
import { defineCommand } from '../src/adapters/discord/defineCommand';
import type { RotationTarget } from '../src/app/rotation/rotationTypes';
import { eventChoices } from '../src/adapters/discord/eventChoices';
import { rotationReply } from '../src/adapters/discord/rotationReply';
import { eventTitle } from '../src/domain/season/eventTitle';
import { remoteReply, serverChoices, serverOption } from '../src/adapters/discord/remoteReply';

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
    const { rotation, season } = deps;
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
    if (!rotation) return { content: 'Rotation is not set up in this process (no acServer here).' };
    const result = await rotation.rotate(target, { dryRun, by: `discord:${interaction.user.id}` });
    return { content: rotationReply(result, (id) => eventTitle(season(), id)) };
  },
  async autocomplete(_interaction, deps, { focused }) {
    if (focused.name === 'server') return serverChoices(deps, focused.value);
    return eventChoices(deps.season(), focused.value);
  },
});
