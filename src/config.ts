import path from 'node:path';
import { z } from 'zod';

/**
 * Every environment variable the bot reads, validated once at start-up.
 * .env.example documents each one; keep the two in step.
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));
const snowflake = optionalString.refine((v) => v === undefined || /^\d{15,21}$/.test(v), {
  message:
    'must be a Discord id (15-21 digits): right-click the channel/role/server in Discord with Developer Mode on and "Copy ID"',
});
const hostPort = optionalString.refine(
  (v) => v === undefined || (/^[^\s:]+:\d{1,5}$/.test(v) && Number(v.split(':')[1]) <= 65535),
  {
    message: 'must be host:port, e.g. 127.0.0.1:12000',
  },
);
const announceMode = z
  .enum(['off', 'leader', 'all', 'false', 'true', '0', '1', 'no', 'yes'])
  .transform((v) => (v === 'leader' ? 'leader' : ['all', 'true', '1', 'yes'].includes(v) ? 'all' : 'off'));
const timeZone = z.string().refine(isTimeZone, {
  message: 'must be an IANA time zone such as Europe/London or UTC',
});

const schema = z.object({
  DATA_DIR: z.string().default('./data'),
  AC_SERVER_DIR: z.string().default('./acserver'),
  RESULTS_DIR: optionalString,
  SEASON_CONFIG: optionalString,
  CURRENT_EVENT_FILE: optionalString,
  SERVERS_CONFIG: optionalString,
  AC_SERVER_TZ: timeZone.default('UTC'),
  RESULTS_SETTLE_MS: z.coerce.number().int().min(0).max(60000).default(500),
  RESULTS_MAX_MB: z.coerce.number().int().min(1).max(4096).default(32),
  AC_SERVER_CONTROL: z.enum(['none', 'systemd', 'child']).default('none'),
  AC_SERVER_UNIT: z
    .string()
    .regex(/^[A-Za-z0-9:_.@\\][A-Za-z0-9:_.@\\-]*$/, { message: 'must be a systemd unit name such as acserver' })
    .default('acserver'),
  AC_SERVER_COMMAND: z.string().trim().min(1).default('./acServer'),
  AC_SERVER_HEALTH_TIMEOUT_MS: z.coerce.number().int().min(500).max(600000).default(60000),
  ROTATION_ENABLED: bool.default('true'),
  KICK_BEFORE_ROTATE: bool.default('false'),

  STORE: z.enum(['sqlite', 'dynamodb']).default('sqlite'),
  SQLITE_PATH: optionalString,
  AWS_REGION: z.string().default('eu-west-1'),
  DYNAMODB_ENDPOINT: optionalString.refine((v) => v === undefined || /^https?:\/\//.test(v), {
    message: 'must be a URL such as http://127.0.0.1:8000 (leave empty for AWS itself)',
  }),
  DYNAMODB_RESULTS_TABLE: z.string().min(1).default('Results'),
  DYNAMODB_STATE_TABLE: z.string().min(1).default('BotState'),

  ROLE: z.enum(['all', 'bot', 'agent']).default('all'),
  AGENT_ID: optionalString.refine((v) => v === undefined || /^[A-Za-z0-9._-]{1,64}$/.test(v), {
    message: 'must be 1-64 letters, digits, dots, dashes or underscores, e.g. eu-1',
  }),
  SERVER_ID: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be 1-64 letters, digits, - or _, e.g. na' })
    .default('default'),
  COMMAND_TIMEOUT_S: z.coerce.number().int().min(5).max(900).default(120),
  CHANGE_POLL_MS: z.coerce.number().int().min(100).max(60000).default(1000),
  LEASE_TTL_S: z.coerce.number().int().min(3).max(3600).default(30),

  DISCORD_TOKEN: optionalString,
  DISCORD_APP_ID: snowflake,
  DISCORD_GUILD_ID: snowflake,
  DISCORD_API_BASE: z.string().url().default('https://discord.com/api'),
  DISCORD_LOGIN_RETRY_MS: z.coerce.number().int().min(10).max(300000).default(5000),
  LEADERBOARD_CHANNEL_ID: snowflake,
  SCHEDULE_CHANNEL_ID: snowflake,
  STANDINGS_CHANNEL_ID: snowflake,
  ANNOUNCE_CHANNEL_ID: snowflake,
  ADMIN_CHANNEL_ID: snowflake,
  ADMIN_ROLE_ID: snowflake,

  AC_PLUGIN_ENABLED: bool.default('true'),
  AC_PLUGIN_LISTEN: hostPort,
  AC_PLUGIN_SERVER: hostPort,
  AC_PLUGIN_RELAY: hostPort,
  AC_PLUGIN_FLUSH_TIMEOUT_MS: z.coerce.number().int().min(100).max(300000).default(15000),
  LIVE_LAPS_ENABLED: bool.default('true'),
  ANNOUNCE_PERSONAL_BESTS: announceMode.default('off'),
  ANNOUNCE_IN_GAME: bool.default('false'),

  WEB_ENABLED: bool.default('true'),
  WEB_HOST: z.string().trim().min(1).default('127.0.0.1'),
  WEB_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  WEB_PUBLIC_URL: optionalString.refine((v) => v === undefined || /^https?:\/\/[^\s/]+/.test(v), {
    message: 'must be the address readers use, such as https://league.example.com',
  }),
  WEB_SHOW_GUIDS: bool.default('false'),
  WEB_SSE_MAX_CLIENTS: z.coerce.number().int().min(1).max(100000).default(1000),

  ANNOUNCE_STEWARDING: bool.default('false'),
  DRIVER_NAMES: z.enum(['acserver', 'discord']).default('acserver'),
  NOTIFY_INTERVAL_S: z.coerce.number().int().min(10).max(86400).default(300),

  SKIP_PRESEASON: bool.default('true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type RawConfig = z.infer<typeof schema>;

/** Every variable the bot reads: its own settings, never passed on to acServer. */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(schema.shape);

export interface Config extends RawConfig {
  resultsDir: string;
  seasonConfigPath: string;
  currentEventFile: string;
  /** servers.json (several acServers); a missing file means the one server of AC_SERVER_DIR */
  serversConfigPath: string;
  sqlitePath: string;
  dataDir: string;
  /** AC_SERVER_DIR is set to something else than the default: a missing one is a mistake worth a warning. */
  acServerDirSet: boolean;
  /** The variable naming the results folder, unless it is the default (a missing default is created, a missing configured one is a mistake). */
  resultsDirSetBy: 'RESULTS_DIR' | 'AC_SERVER_DIR' | undefined;
}

export class ConfigError extends Error {
  /** 78 (EX_CONFIG) for a combination no restart can fix: the systemd unit then stays stopped. */
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Parse and resolve config from an env map. Throws ConfigError naming the variable and the fix. */
export function loadConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = String(i.path[0] ?? '?');
      const got = env[name] === undefined ? 'unset' : JSON.stringify(redactIfSecret(name, env[name]));
      return `${name} ${i.message} (got ${got}); fix it in .env (see .env.example)`;
    });
    throw new ConfigError(`invalid configuration: ${lines.join('; ')}`);
  }
  const c = parsed.data;
  if (c.ROLE !== 'all' && c.STORE !== 'dynamodb') {
    throw new ConfigError(
      `invalid configuration: ROLE=${c.ROLE} needs STORE=dynamodb (got ${c.STORE}): the bot and its agents share the DynamoDB tables; set STORE=dynamodb, or ROLE=all for one process on one host (see docs/multi-server.md)`,
      78,
    );
  }
  const abs = (p: string) => path.resolve(cwd, p);
  const dataDir = abs(c.DATA_DIR);
  // .env.example sets AC_SERVER_DIR to the default, whose results folder the quick start creates.
  const acServerDirSet = abs(c.AC_SERVER_DIR) !== abs('./acserver');
  return {
    ...c,
    dataDir,
    resultsDir: abs(c.RESULTS_DIR ?? path.join(c.AC_SERVER_DIR, 'results')),
    seasonConfigPath: abs(c.SEASON_CONFIG ?? path.join(c.DATA_DIR, 'seasonConfig.json')),
    currentEventFile: abs(c.CURRENT_EVENT_FILE ?? path.join(c.DATA_DIR, 'currentEvent.json')),
    serversConfigPath: abs(c.SERVERS_CONFIG ?? path.join(c.DATA_DIR, 'servers.json')),
    sqlitePath: abs(c.SQLITE_PATH ?? path.join(c.DATA_DIR, 'league.db')),
    AC_SERVER_DIR: abs(c.AC_SERVER_DIR),
    acServerDirSet,
    resultsDirSetBy: c.RESULTS_DIR ? 'RESULTS_DIR' : acServerDirSet ? 'AC_SERVER_DIR' : undefined,
  };
}

/** For entry points (bot, deploy-commands): a wrong setting prints one line and exits 1. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv): Config {
  try {
    return loadConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${err.message}\n`);
    process.exit(err.exitCode);
  }
}

function redactIfSecret(name: string, value: string): string {
  return /TOKEN|SECRET|KEY|PASSWORD/.test(name) ? '[redacted]' : value;
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
