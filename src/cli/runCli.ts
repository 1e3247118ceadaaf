import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, ConfigError, type Config } from '../config';
import { createConsoleLogger, type Logger } from '../logger';
import type { BotState } from '../app/runtime/BotState';
import type { League } from '../app/League';
import type { SeasonConfigFile } from '../adapters/files/SeasonConfigFile';
import { systemClock, type Clock } from '../app/ports';
import { openLeague } from '../wiring/store';
import { ingestCommand } from './ingestCommand';
import { standingsCommand } from './standingsCommand';
import { Standings } from '../app/standings/Standings';
import { leaderboardCommand, eventsCommand, createTablesCommand, importProcessedCommand } from './commands';
import {
  auditCommand,
  cliUser,
  exclusionCommand,
  restoreCommand,
  strikeCommand,
  struckCommand,
} from './stewardCommands';
import { Stewarding } from '../app/stewarding/Stewarding';
import { backupCommand } from './backupCommand';

export const USAGE = `usage: npm run cli -- <command>   (production: node dist/src/cli.js <command>)
  ingest <file|dir>... [--event ID] [--reread] [--json]   read results files (a dir: its *.json); --reread: unchanged too
  leaderboard [eventId] [--json]                          an event's leaderboard (default: the current event)
  events [--json]                                         the schedule, the active event marked *
  standings [season] [--json]                             a season's standings (default: the current season)
  strike <eventId> <driver> --reason TEXT [--lap KEY|m:ss.mmm] [--json]   strike a lap: stored, no longer counting (default: the driver's best)
  restore <eventId> <lapKey|driver> [--reason TEXT] [--json]   make a struck lap count again
  struck [eventId] [--json]                               an event's struck laps and excluded drivers
  exclude <driver> (--event ID|--season ID) --reason TEXT [--json]   none of the driver's laps count there
  include <driver> (--event ID|--season ID) [--reason TEXT] [--json]   they count again
  audit [--event ID] [--season ID] [--limit N] [--json]   the stewarding and link audit trail, oldest first
  create-tables                                           create the DynamoDB tables (STORE=dynamodb)
  import-processed <processed_files.json>                 mark files the old suite processed as done
  backup [file|folder] [--keep N] [--json]                a checked copy of the SQLite database, safe while the bot runs (default folder: DATA_DIR/backups)
  --help                                                  this text`;

/** Commands whose arguments are paths. */
const PATH_ARGS = new Set(['ingest', 'import-processed', 'backup']);

/**
 * A relative path on the command line is the admin's, taken from the folder they typed it in:
 * `npm run cli` runs in the package folder and says where it was started (INIT_CWD).
 */
function fromCallersFolder(env: NodeJS.ProcessEnv, arg: string): string {
  const startedIn = env.npm_lifecycle_event === 'cli' ? env.INIT_CWD : undefined;
  // join, not resolve: a trailing '/' still says "a folder" (backup); '' stays an error.
  return startedIn && arg !== '' && !path.isAbsolute(arg) ? path.join(startedIn, arg) : arg;
}

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

const stdio: CliIo = { out: (s) => process.stdout.write(`${s}\n`), err: (s) => process.stderr.write(`${s}\n`) };

/** Runs one CLI command; resolves to the exit code. */
export async function runCli(
  argv: string[],
  env: NodeJS.ProcessEnv,
  io: CliIo = stdio,
  clock: Clock = systemClock,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        event: { type: 'string' },
        json: { type: 'boolean', default: false },
        reread: { type: 'boolean', default: false },
        season: { type: 'string' },
        reason: { type: 'string' },
        lap: { type: 'string' },
        limit: { type: 'string' },
        keep: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    io.err(`${(err as Error).message}\n${USAGE}`);
    return 1;
  }
  const [command, ...positionals] = parsed.positionals;
  const args = PATH_ARGS.has(command ?? '') ? positionals.map((p) => fromCallersFolder(env, p)) : positionals;
  if (parsed.values.help) {
    io.out(USAGE);
    return 0;
  }
  if (!command) {
    io.err(USAGE);
    return 1;
  }
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      io.err(err.message);
      return 1;
    }
    throw err;
  }
  // Logs go to stderr so the output on stdout stays clean (readable lines on a terminal, else JSON).
  const log = createConsoleLogger(env.LOG_LEVEL ?? 'warn', 2);
  if (command === 'create-tables') return createTablesCommand(config, log, io);
  // Needs nothing but the database: a backup works even when the season config does not load.
  if (command === 'backup') {
    try {
      return await backupCommand(
        config,
        args,
        { json: parsed.values.json ?? false, keep: parsed.values.keep },
        io,
        clock,
      );
    } catch (err) {
      io.err(`error: ${(err as Error).message}`);
      return 1;
    }
  }

  let ctx: CliContext;
  try {
    ctx = await openContext(config, log, clock);
  } catch (err) {
    io.err(`error: ${(err as Error).message}`);
    return 1;
  }
  try {
    const opts = {
      json: parsed.values.json ?? false,
      event: parsed.values.event,
      reread: parsed.values.reread ?? false,
    };
    const steward = {
      ...opts,
      season: parsed.values.season,
      reason: parsed.values.reason,
      lap: parsed.values.lap,
      limit: parsed.values.limit,
      by: cliUser(env),
    };
    switch (command) {
      case 'ingest':
        return await ingestCommand(ctx, args, opts, io);
      case 'leaderboard':
        return await leaderboardCommand(ctx, args, opts, io);
      case 'events':
        return await eventsCommand(ctx, opts, io);
      case 'standings':
        return await standingsCommand(ctx, args, opts, io);
      case 'import-processed':
        return await importProcessedCommand(ctx, args, io);
      case 'strike':
        return await strikeCommand(ctx, args, steward, io);
      case 'restore':
        return await restoreCommand(ctx, args, steward, io);
      case 'struck':
        return await struckCommand(ctx, args, steward, io);
      case 'exclude':
      case 'include':
        return await exclusionCommand(ctx, command, args, steward, io);
      case 'audit':
        return await auditCommand(ctx, steward, io);
      default:
        io.err(`unknown command "${command}"\n${USAGE}`);
        return 1;
    }
  } catch (err) {
    io.err(`error: ${(err as Error).message}`);
    return 1;
  } finally {
    await ctx.close();
  }
}

export interface CliContext {
  config: Config;
  log: Logger;
  /** The time the CLI records and shows (tests set it). */
  clock: Clock;
  league: League;
  state: BotState;
  season: SeasonConfigFile;
  /** Follows the league like the bot's: an ingest rewrites the standings files of the seasons it touched. */
  standings: Standings;
  /** Struck laps, exclusions and the audit trail, in the same store as the bot's. */
  stewarding: Stewarding;
  close(): Promise<void>;
}

async function openContext(config: Config, log: Logger, clock: Clock): Promise<CliContext> {
  const { store, state, season, league, stewarding: stewardingState, outputs } = await openLeague(config, log, clock);
  const standings = new Standings({
    league,
    state,
    season: () => season.current(),
    dataDir: config.dataDir,
    outputs,
    log: log.child({ task: 'standings' }),
  });
  const stewarding = new Stewarding({
    league,
    state: stewardingState,
    season: () => season.current(),
    clock,
    log: log.child({ task: 'stewarding' }),
  });
  return { config, log, clock, league, state, season, standings, stewarding, close: () => store.close() };
}
