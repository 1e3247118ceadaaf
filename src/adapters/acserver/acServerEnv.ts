import { CONFIG_VARIABLES } from '../../config';

const BOT_PREFIXES = ['DISCORD_', 'AWS_', 'AMAZON_', 'DYNAMODB_', 'SQLITE_', 'npm_config_'];
const SECRET_NAME = /TOKEN|SECRET|PASSW(OR)?D|CREDENTIAL|PRIVATE|API_?KEY|ACCESS_?KEY|AUTH|(^|_)KEY$/i;

/**
 * The environment acServer is started with (AC_SERVER_CONTROL=child): the bot's own, without its
 * settings and secrets. .env is loaded into the bot's environment, so without this acServer (and
 * any plugin it runs) would inherit DISCORD_TOKEN and the AWS credentials.
 */
export function acServerEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const bot = new Set(CONFIG_VARIABLES);
  const out: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) {
    if (bot.has(name) || BOT_PREFIXES.some((p) => name.startsWith(p)) || SECRET_NAME.test(name)) continue;
    out[name] = value;
  }
  return out;
}
