import { ApplicationCommandOptionType as T, type CommandInteractionOption, type User } from 'discord.js';
import {
  readOptions,
  readPartialOptions,
  type CommandDefinition,
  type CommandOptions,
} from '../../../src/adapters/discord/commandOptions';
import { defineCommand } from '../../../src/adapters/discord/defineCommand';
import { UserFacingError } from '../../../src/adapters/discord/UserFacingError';
import type { CommandDeps } from '../../../src/adapters/discord/command';

const rotateLike = {
  name: 'rotate',
  description: 'd',
  options: [
    {
      type: T.String,
      name: 'target',
      description: 'd',
      choices: [
        { name: 'next', value: 'next' },
        { name: 'event', value: 'event' },
      ],
    },
    { type: T.String, name: 'event', description: 'd', autocomplete: true },
    { type: T.Boolean, name: 'dry_run', description: 'd', required: true },
    { type: T.Integer, name: 'laps', description: 'd' },
    { type: T.User, name: 'member', description: 'd' },
  ],
} as const satisfies CommandDefinition;

const aliasLike = {
  name: 'alias',
  description: 'd',
  options: [
    {
      type: T.Subcommand,
      name: 'set',
      description: 'd',
      options: [
        { type: T.String, name: 'driver', description: 'd', required: true },
        { type: T.String, name: 'name', description: 'd', required: true },
      ],
    },
    { type: T.Subcommand, name: 'list', description: 'd' },
  ],
} as const satisfies CommandDefinition;

// Type-level checks: tsc (npm run typecheck, CI) fails when one of these stops holding.
function typeChecks(rotate: CommandOptions<typeof rotateLike>, alias: CommandOptions<typeof aliasLike>): unknown[] {
  const dryRun: boolean = rotate.dry_run; // required: never undefined
  const target: 'next' | 'event' | undefined = rotate.target; // choices: their values
  // @ts-expect-error an option that is not required may be undefined
  const event: string = rotate.event;
  // @ts-expect-error a renamed option (dry_run -> dryRun) is a type error where the old name is read
  const renamed: unknown = rotate.dryRun;
  // @ts-expect-error a value outside the choices is not a target
  const other: typeof rotate.target = 'scheduled';
  const laps: number | undefined = rotate.laps;
  const memberId: string | undefined = rotate.member?.user.id;
  const name: string = alias.subcommand === 'set' ? alias.name : 'none';
  // @ts-expect-error `list` has no options: `name` only exists once narrowed to `set`
  const unnarrowed: string = alias.name;
  return [dryRun, target, event, renamed, other, laps, memberId, name, unnarrowed];
}
void typeChecks;

defineCommand(rotateLike, {
  admin: false,
  ephemeral: true,
  async execute(_interaction, _deps, options) {
    // @ts-expect-error execute reads options by the names of the definition it was given
    return { content: String(options.dryrun) };
  },
});

const user = { id: '42', username: 'ana' } as User;
const opt = (o: Partial<CommandInteractionOption> & Pick<CommandInteractionOption, 'name' | 'type'>) =>
  o as CommandInteractionOption;

describe('readOptions', () => {
  it('when options are given, then each is read by its name with its type; absent ones are undefined', () => {
    const options = readOptions(rotateLike, [
      opt({ name: 'target', type: T.String, value: 'next' }),
      opt({ name: 'dry_run', type: T.Boolean, value: true }),
      opt({ name: 'laps', type: T.Integer, value: 3 }),
      opt({ name: 'member', type: T.User, value: '42', user }),
    ]);
    expect(options).toEqual({ target: 'next', dry_run: true, laps: 3, member: { user, member: null } });
    expect(options.event).toBeUndefined();
  });

  it('when the command has subcommands, then the chosen one and its options are read', () => {
    const options = readOptions(aliasLike, [
      opt({
        name: 'set',
        type: T.Subcommand,
        options: [
          opt({ name: 'driver', type: T.String, value: 'x' }),
          opt({ name: 'name', type: T.String, value: 'Y' }),
        ],
      }),
    ]);
    expect(options).toEqual({ subcommand: 'set', driver: 'x', name: 'Y' });
    expect(readOptions(aliasLike, [opt({ name: 'list', type: T.Subcommand })])).toEqual({ subcommand: 'list' });
  });

  const refused = (given: CommandInteractionOption[], definition: CommandDefinition = rotateLike) => {
    try {
      readOptions(definition, given);
    } catch (err) {
      expect(err).toBeInstanceOf(UserFacingError);
      return (err as Error).message;
    }
    throw new Error('not refused');
  };

  it('when Discord sends options of another version of the command, then the member is told to redeploy', () => {
    const dryRun = opt({ name: 'dry_run', type: T.Boolean, value: false });
    expect(refused([])).toMatch(/option dry_run is missing.*npm run deploy-commands/);
    expect(refused([dryRun, opt({ name: 'dryRun', type: T.Boolean, value: true })])).toMatch(
      /option dryRun is not one this command has/,
    );
    expect(refused([opt({ name: 'dry_run', type: T.String, value: 'yes' })])).toMatch(/not one this command has/);
    expect(refused([dryRun, opt({ name: 'target', type: T.String, value: 'scheduled' })])).toMatch(
      /target has no choice scheduled/,
    );
    expect(refused([opt({ name: 'remove', type: T.Subcommand })], aliasLike)).toMatch(/unknown subcommand remove/);
  });

  it('when a member is still typing, then nothing is required and the focused option is named', () => {
    const { options, focused } = readPartialOptions(rotateLike, [
      opt({ name: 'target', type: T.String, value: 'event' }),
      opt({ name: 'event', type: T.String, value: 'bra', focused: true }),
    ]);
    expect(focused).toEqual({ name: 'event', value: 'bra' });
    expect(options).toEqual({ target: 'event', event: 'bra' });
  });
});

describe('defineCommand', () => {
  it('when the command runs, then execute gets the options read from the interaction', async () => {
    const seen: unknown[] = [];
    const command = defineCommand(rotateLike, {
      admin: false,
      ephemeral: true,
      async execute(_interaction, _deps, options) {
        seen.push(options);
        return { content: options.dry_run ? 'dry' : 'real' };
      },
    });
    const interaction = {
      options: { data: [opt({ name: 'dry_run', type: T.Boolean, value: true })] },
    } as unknown as Parameters<typeof command.execute>[0];
    expect(await command.execute(interaction, {} as CommandDeps)).toEqual({ content: 'dry' });
    expect(seen).toEqual([{ dry_run: true }]);
    expect(command.data).toBe(rotateLike);
  });
});
