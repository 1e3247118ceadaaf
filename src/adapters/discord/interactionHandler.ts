import { randomBytes } from 'node:crypto';
import { MessageFlags, type Interaction, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import type { Logger } from '../../logger';
import type { Command, CommandDeps } from './command';
import { isAdmin } from './isAdmin';
import { UserFacingError } from './UserFacingError';

const NO_MENTIONS = { parse: [] };

/**
 * The one place interactions are answered. Every interaction gets an answer: unknown command,
 * refused permission and thrown errors end in an ephemeral reply the user can read plus a log
 * line with the command and user. Commands are deferred at once, so slow work never misses
 * Discord's 3 second deadline.
 */
export function createInteractionHandler(
  commands: ReadonlyMap<string, Command>,
  commandDeps: Omit<CommandDeps, 'isAdmin'>,
  opts: { adminRoleId?: string; log: Logger },
): (interaction: Interaction) => Promise<void> {
  const deps: CommandDeps = { ...commandDeps, isAdmin: (i) => isAdmin(i, opts.adminRoleId) };
  return async (interaction) => {
    if (interaction.isAutocomplete()) {
      const command = commands.get(interaction.commandName);
      try {
        const choices = (await command?.autocomplete?.(interaction, deps)) ?? [];
        await interaction.respond(choices.slice(0, 25));
      } catch (err) {
        opts.log.warn({ err, command: interaction.commandName, userId: interaction.user.id }, 'autocomplete failed');
        await interaction.respond([]).catch(() => {});
      }
      return;
    }
    if (interaction.isButton()) {
      const command = commands.get(interaction.customId.split(':')[0] ?? '');
      // Not ours to answer: a collector (the /kickall confirm) waits for it.
      if (command?.button) await runButton(interaction, command, deps, opts);
      return;
    }
    if (!interaction.isChatInputCommand()) return;
    await runCommand(interaction, commands.get(interaction.commandName), deps, opts);
  };
}

async function runCommand(
  interaction: ChatInputCommandInteraction,
  command: Command | undefined,
  deps: CommandDeps,
  opts: { adminRoleId?: string; log: Logger },
): Promise<void> {
  const log = opts.log.child({ command: interaction.commandName, userId: interaction.user.id });
  const ephemeral = { flags: MessageFlags.Ephemeral } as const;
  try {
    if (!command) {
      log.warn('unknown command (run npm run deploy-commands after an upgrade)');
      await interaction.reply({
        content: 'This command is not known to the bot any more. An admin should run `npm run deploy-commands`.',
        ...ephemeral,
      });
      return;
    }
    if (command.admin && !isAdmin(interaction, opts.adminRoleId)) {
      log.info('admin command refused');
      await interaction.reply({
        content: 'Only league admins can use this command (the admin role or Manage Server).',
        ...ephemeral,
      });
      return;
    }
    await interaction.deferReply(command.ephemeral ? ephemeral : {});
    const reply = await command.execute(interaction, deps.log === log ? deps : { ...deps, log });
    if (!reply) return;
    // Names in replies are escaped; no reply may ping anyone either way.
    await interaction.editReply({ content: reply.content, files: reply.files ?? [], allowedMentions: NO_MENTIONS });
    for (const page of reply.followUps ?? []) {
      await interaction.followUp({
        content: page,
        allowedMentions: NO_MENTIONS,
        ...(command.ephemeral ? ephemeral : {}),
      });
    }
  } catch (err) {
    const content = failureReply(err, log);
    try {
      if (interaction.deferred || interaction.replied)
        await interaction.editReply({ content, allowedMentions: NO_MENTIONS });
      else await interaction.reply({ content, ...ephemeral });
    } catch (replyErr) {
      log.error({ err: replyErr }, 'could not tell the user about the error');
    }
  }
}

/**
 * What the member reads when a command fails: a UserFacingError's own message, else a short
 * apology. Both carry a log id that finds the log line, which holds the whole error.
 */
function failureReply(err: unknown, log: Logger): string {
  const logId = randomBytes(4).toString('hex');
  if (err instanceof UserFacingError) {
    log.info({ logId, reason: err.message }, 'command refused');
    return `${err.message} (log id ${logId})`.slice(0, 1900);
  }
  log.error({ err, logId }, `command failed (log id ${logId}): ${(err as Error)?.message ?? String(err)}`);
  return `Sorry, that did not work: something went wrong inside the bot. A league admin can find out what in the bot's log (log id ${logId}).`;
}

async function runButton(
  interaction: ButtonInteraction,
  command: Command,
  deps: CommandDeps,
  opts: { adminRoleId?: string; log: Logger },
): Promise<void> {
  const log = opts.log.child({ button: interaction.customId, userId: interaction.user.id });
  const ephemeral = { flags: MessageFlags.Ephemeral } as const;
  try {
    if (command.buttonsAdmin && !isAdmin(interaction, opts.adminRoleId)) {
      log.info('admin button refused');
      await interaction.reply({
        content: 'Only league admins can answer this (the admin role or Manage Server).',
        ...ephemeral,
      });
      return;
    }
    await interaction.deferUpdate();
    const reply = await command.button!(interaction, { ...deps, log });
    await interaction.editReply({
      content: reply.content,
      components: (reply.components ?? []) as never,
      allowedMentions: NO_MENTIONS,
    });
  } catch (err) {
    const content = failureReply(err, log);
    await (
      interaction.deferred || interaction.replied
        ? interaction.followUp({ content, ...ephemeral })
        : interaction.reply({ content, ...ephemeral })
    ).catch((replyErr: unknown) => log.error({ err: replyErr }, 'could not tell the user about the error'));
  }
}
