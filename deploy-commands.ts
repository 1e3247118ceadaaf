// Registers the bot's slash commands with Discord: `npm run deploy-commands`.
// Needs DISCORD_TOKEN and DISCORD_APP_ID; DISCORD_GUILD_ID makes them guild-scoped (instant).
import 'dotenv/config';
import { loadConfigOrExit } from './src/config';
import { deployCommands } from './src/adapters/discord/deployCommands';
import { loadCommands } from './commands';

async function main(): Promise<number> {
  const config = loadConfigOrExit(process.env);
  if (!config.DISCORD_TOKEN || !config.DISCORD_APP_ID) {
    process.stderr.write(
      'deploy-commands needs DISCORD_TOKEN and DISCORD_APP_ID in .env (Developer Portal -> your application).\n',
    );
    return 1;
  }
  const { count, scope } = await deployCommands({
    token: config.DISCORD_TOKEN,
    appId: config.DISCORD_APP_ID,
    guildId: config.DISCORD_GUILD_ID,
    apiBase: config.DISCORD_API_BASE,
    commands: loadCommands().values(),
  });
  process.stdout.write(`registered ${count} slash commands (${scope})\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    process.stderr.write(`deploy-commands failed: ${err.message}\n`);
    process.exit(1);
  },
);
