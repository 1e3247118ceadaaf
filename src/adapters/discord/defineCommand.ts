import type {
  ApplicationCommandOptionChoiceData,
  AutocompleteInteraction,
  ChatInputCommandInteraction,
} from 'discord.js';
import type { Command, CommandDeps, CommandReply } from './command';
import {
  readOptions,
  readPartialOptions,
  type CommandDefinition,
  type CommandOptions,
  type Focused,
  type PartialOptions,
} from './commandOptions';

/** A command whose execute and autocomplete get the options read and typed from its definition. */
export interface TypedCommand<D extends CommandDefinition> extends Omit<Command, 'data' | 'execute' | 'autocomplete'> {
  execute: (
    interaction: ChatInputCommandInteraction,
    deps: CommandDeps,
    options: CommandOptions<D>,
  ) => Promise<CommandReply | void>;
  autocomplete?: (
    interaction: AutocompleteInteraction,
    deps: CommandDeps,
    typed: { options: PartialOptions<D>; focused: Focused },
  ) => Promise<ApplicationCommandOptionChoiceData[]>;
}

/**
 * A `Command` from its definition (`{ ... } as const satisfies CommandDefinition`) and handlers
 * that receive typed options: renaming an option in the definition is a type error wherever the
 * old name is read.
 */
export function defineCommand<const D extends CommandDefinition>(data: D, spec: TypedCommand<D>): Command {
  const { execute, autocomplete, ...rest } = spec;
  const command: Command = {
    ...rest,
    data,
    execute: (interaction, deps) => execute(interaction, deps, readOptions(data, interaction.options.data)),
  };
  if (autocomplete) {
    command.autocomplete = (interaction, deps) => {
      const { options, focused } = readPartialOptions(data, interaction.options.data);
      return autocomplete(interaction, deps, { options, focused: focused ?? { name: '', value: '' } });
    };
  }
  return command;
}
