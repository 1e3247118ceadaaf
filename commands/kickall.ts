import { ButtonStyle, ComponentType, MessageFlags, PermissionFlagsBits } from 'discord.js';
import type { CommandDefinition } from '../src/adapters/discord/commandOptions';
import { defineCommand } from '../src/adapters/discord/defineCommand';
import { kickAllCars, REFRESH_MS } from '../src/app/liveLaps/kickAllCars';
import { escapeMarkdown } from '../src/domain/text/discordText';
import { remoteReply, remoteServerChoices } from '../src/adapters/discord/remoteReply';
import { pickServer, serverChoices, serverOption } from '../src/adapters/discord/serverChoice';

/** How long the confirm button waits for the admin who asked. */
export const KICKALL_CONFIRM_MS = 30_000;

/** The custom ids carry the invocation id, so an answer can only be for the /kickall that asked. */
export const kickallButtonId = (action: 'confirm' | 'cancel', invocationId: string) =>
  `kickall:${action}:${invocationId}`;

const buttons = (invocationId: string, disabled = false) => [
  {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Danger,
        custom_id: kickallButtonId('confirm', invocationId),
        label: 'Kick everyone',
        disabled,
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        custom_id: kickallButtonId('cancel', invocationId),
        label: 'Cancel',
        disabled,
      },
    ],
  },
];

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * Kicks every car connected to acServer, after the caller confirms with a button. Not ephemeral:
 * the other admins in the channel see who emptied the server.
 */
const data = {
  name: 'kickall',
  description: 'Kick every driver off the acServer (admins, asks to confirm)',
  default_member_permissions: PermissionFlagsBits.ManageGuild.toString(),
  dm_permission: false,
  options: [serverOption],
} as const satisfies CommandDefinition;

export const kickall = defineCommand(data, {
  admin: true,
  ephemeral: false,
  async execute(interaction, deps, options) {
    // On the bot (ROLE=bot) the agent of the server kicks; its answer names who was kicked.
    const remote = await remoteReply(interaction, deps, options.server, { action: 'kickall' });
    if (remote) return remote;
    const { acPlugin: only, log, servers, rotation } = deps;
    const local = servers ?? (rotation ? [{ id: 'default', name: 'acServer', rotation, acPlugin: only }] : []);
    if (local.length === 0) return { content: 'acServer does not run in this process.' };
    const picked = pickServer(local, options.server ?? null);
    if ('error' in picked) return { content: picked.error };
    const acPlugin = picked.server.acPlugin;
    if (!acPlugin) {
      return {
        content:
          'The acServer plugin link is off, so nobody can be kicked from here. Set UDP_PLUGIN_ADDRESS / UDP_PLUGIN_LOCAL_PORT in server_cfg.ini (or AC_PLUGIN_LISTEN / AC_PLUGIN_SERVER) and restart the bot.',
      };
    }
    // Who is on is asked, not remembered: a lost datagram or a VERSION must not hide a driver.
    if (!(await acPlugin.refresh(REFRESH_MS))) {
      return {
        content: `acServer does not answer on the ${acPlugin.description}: is it running, and are the plugin ports right? Nobody was kicked.`,
      };
    }
    const cars = acPlugin.cars();
    if (cars.length === 0) return { content: 'Nobody is connected to acServer: there is no one to kick.' };
    const names = cars.map((c) => escapeMarkdown(c.driverName || `car ${c.carId}`)).join(', ');
    // Listen on the (deferred) reply before the buttons show, so no click can come first.
    const reply = await interaction.fetchReply();
    const answer = reply
      .awaitMessageComponent({
        componentType: ComponentType.Button,
        time: KICKALL_CONFIRM_MS,
        filter: (i) => {
          const refuse = (content: string) => void i.reply({ content, flags: MessageFlags.Ephemeral }).catch(() => {});
          if (!i.customId.endsWith(`:${interaction.id}`)) refuse('This button belongs to another /kickall.');
          else if (i.user.id !== interaction.user.id) refuse('Only the admin who used /kickall can answer this.');
          else return true;
          return false;
        },
      })
      .catch(() => null); // the time ran out
    await interaction.editReply({
      content: `Kick all ${plural(cars.length, 'connected driver')} off acServer? ${names}`.slice(0, 1900),
      components: buttons(interaction.id),
    });
    const click = await answer;
    if (!click) {
      await interaction.editReply({
        content: `No answer within ${KICKALL_CONFIRM_MS / 1000} s: nobody was kicked.`,
        components: buttons(interaction.id, true),
      });
      return;
    }
    if (click.customId !== kickallButtonId('confirm', interaction.id)) {
      await click.update({ content: 'Cancelled: nobody was kicked.', components: [] });
      return;
    }
    await click.update({ content: `Kicking ${plural(cars.length, 'driver')}…`, components: [] });
    const result = await kickAllCars(acPlugin);
    log.info({ kicked: result.kicked.length, stillConnected: result.stillConnected.length }, 'kicked every driver');
    const left = result.connected;
    await interaction.editReply({
      content:
        left.length === 0
          ? `Kicked ${plural(result.kicked.length, 'driver')}: the server is empty.`
          : `Sent a kick for ${plural(result.kicked.length, 'driver')}; ${left.length} still connected after 3 s: ${left.map((c) => escapeMarkdown(c.driverName || `car ${c.carId}`)).join(', ')}.`.slice(
              0,
              1900,
            ),
    });
    return; // replied above: nothing for the handler to send
  },
  async autocomplete(_interaction, deps, { focused }) {
    if (deps.remoteServers) return remoteServerChoices(deps, focused.value);
    return serverChoices(deps.servers ?? [], focused.value);
  },
});
