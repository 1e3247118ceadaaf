import {
  ApplicationCommandOptionType as T,
  type APIInteractionDataResolvedGuildMember,
  type CommandInteractionOption,
  type GuildMember,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type User,
} from 'discord.js';
import { UserFacingError } from './UserFacingError';

type DeepReadonly<V> = V extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : V extends object
    ? { readonly [K in keyof V]: DeepReadonly<V[K]> }
    : V;

/**
 * A slash command's definition as plain data, written `{ ... } as const satisfies CommandDefinition`
 * so its option names, types, `required` and choices stay literal: `CommandOptions` reads them.
 */
export type CommandDefinition = DeepReadonly<RESTPostAPIChatInputApplicationCommandsJSONBody>;

/** A user option: the user, and their member in this server when Discord sent it. */
export interface UserOption {
  user: User;
  member: GuildMember | APIInteractionDataResolvedGuildMember | null;
}

type Simplify<O> = { [K in keyof O]: O[K] } & {};

type ValueOf<O> = O extends { type: T.String | T.Integer | T.Number; choices: readonly { value: infer V }[] }
  ? V
  : O extends { type: T.String }
    ? string
    : O extends { type: T.Integer | T.Number }
      ? number
      : O extends { type: T.Boolean }
        ? boolean
        : O extends { type: T.User }
          ? UserOption
          : never;

type NameOf<O> = O extends { name: infer N extends string } ? N : never;

type OptionsObject<Os> = Os extends readonly (infer O)[]
  ? Simplify<
      { [P in O as P extends { required: true } ? NameOf<P> : never]: ValueOf<P> } & {
        [P in O as P extends { required: true } ? never : NameOf<P>]?: ValueOf<P>;
      }
    >
  : Record<string, never>;

type SubcommandOptions<S> = S extends { name: infer N extends string }
  ? Simplify<{ subcommand: N } & OptionsObject<S extends { options: infer Os } ? Os : []>>
  : never;

/**
 * The options an invocation carries, typed from the definition: a required option is always
 * there, any other may be undefined, a string option with choices is the union of their values;
 * a command with subcommands gives one shape per subcommand, told apart by `subcommand`.
 */
export type CommandOptions<D extends CommandDefinition> = D extends { options: readonly (infer O)[] }
  ? [Extract<O, { type: T.Subcommand }>] extends [never]
    ? OptionsObject<D['options']>
    : SubcommandOptions<Extract<O, { type: T.Subcommand }>>
  : Record<string, never>;

/** While a member types: every option may still be missing, and the one being typed is named. */
export type PartialOptions<D extends CommandDefinition> =
  CommandOptions<D> extends infer U ? (U extends unknown ? Partial<U> : never) : never;

export interface Focused {
  name: string;
  value: string;
}

type OptionDef = NonNullable<CommandDefinition['options']>[number];

const redeploy = (what: string) =>
  new UserFacingError(
    `${what}: the command Discord shows does not match this bot's version. An admin should run \`npm run deploy-commands\`.`,
  );

/**
 * Reads an invocation's options (`interaction.options.data`) against the command's definition.
 * Throws a UserFacingError when they do not match it (commands deployed from another version).
 */
export function readOptions<const D extends CommandDefinition>(
  definition: D,
  given: readonly CommandInteractionOption[],
): CommandOptions<D> {
  return read(definition, given, false).options as CommandOptions<D>;
}

/** The same for autocomplete: nothing is required yet, and the option being typed is returned too. */
export function readPartialOptions<const D extends CommandDefinition>(
  definition: D,
  given: readonly CommandInteractionOption[],
): { options: PartialOptions<D>; focused: Focused | undefined } {
  const { options, focused } = read(definition, given, true);
  return { options: options as PartialOptions<D>, focused };
}

function read(
  definition: CommandDefinition,
  given: readonly CommandInteractionOption[],
  partial: boolean,
): { options: Record<string, unknown>; focused: Focused | undefined } {
  const out: Record<string, unknown> = {};
  let defs: readonly OptionDef[] = definition.options ?? [];
  if (defs.some((d) => d.type === T.Subcommand)) {
    const chosen = given[0];
    const def = defs.find((d) => d.type === T.Subcommand && d.name === chosen?.name);
    if (!chosen || chosen.type !== T.Subcommand || !def)
      throw redeploy(`unknown subcommand ${chosen?.name ?? '(none)'}`);
    out.subcommand = chosen.name;
    defs = 'options' in def ? (def.options ?? []) : [];
    given = chosen.options ?? [];
  }
  let focused: Focused | undefined;
  for (const option of given) {
    const def = defs.find((d) => d.name === option.name);
    if (!def || def.type !== option.type) {
      if (partial) continue;
      throw redeploy(`option ${option.name} is not one this command has`);
    }
    if (option.focused) {
      focused = { name: option.name, value: String(option.value ?? '') };
      out[option.name] = option.value;
      continue;
    }
    out[option.name] = valueOf(def, option);
  }
  if (!partial) {
    const missing = defs.find((d) => 'required' in d && d.required && out[d.name] === undefined);
    if (missing) throw redeploy(`option ${missing.name} is missing`);
  }
  return { options: out, focused };
}

function valueOf(def: OptionDef, option: CommandInteractionOption): unknown {
  const expected: Partial<Record<T, string>> = {
    [T.String]: 'string',
    [T.Integer]: 'number',
    [T.Number]: 'number',
    [T.Boolean]: 'boolean',
  };
  if (def.type === T.User) {
    if (!option.user) throw redeploy(`option ${def.name} carries no user`);
    return { user: option.user, member: option.member ?? null } satisfies UserOption;
  }
  const type = expected[def.type];
  if (type === undefined) throw new Error(`option ${def.name}: type ${def.type} is not read by readOptions`);
  if (typeof option.value !== type) throw redeploy(`option ${def.name} is not a ${type}`);
  const choices = 'choices' in def ? (def.choices as readonly { value: unknown }[] | undefined) : undefined;
  if (choices && !choices.some((c) => c.value === option.value))
    throw redeploy(`option ${def.name} has no choice ${String(option.value)}`);
  return option.value;
}
