import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Clock } from '../app/ports';
import type { BotState } from '../app/runtime/BotState';
import type { BackgroundTask } from '../app/runtime/TaskRunner';
import { PostKeeper } from '../app/posts/PostKeeper';
import { throttledAlerts } from '../app/posts/adminAlerts';
import { DiscordBot } from '../adapters/discord/DiscordBot';
import type { CommandDeps } from '../adapters/discord/command';
import { createInteractionHandler } from '../adapters/discord/interactionHandler';
import { loadCommands } from '../../commands';

/** The gateway, the post keeper over it, and the two channels every capability may talk to. */
export interface DiscordWiring {
  bot: DiscordBot;
  posts: PostKeeper;
  /** ADMIN_CHANNEL_ID, the same text at most every 30 minutes; a no-op without that channel. */
  alertAdmins(text: string): void;
  /** A one-off message in ANNOUNCE_CHANNEL_ID; undefined without that channel. */
  announce: ((content: string) => Promise<void>) | undefined;
  /** Logs in (returns at once); at stop, pending posts are flushed before the client closes. */
  task: BackgroundTask;
}

export interface DiscordOptions {
  /** Tests: instant gateway identify, short debounce. */
  fast?: boolean;
  /** Discord refused the token: the entry point stops the process with an error (see main.ts). */
  onFatal?: (err: Error) => void;
}

/** Undefined without DISCORD_TOKEN: ingest and the output files keep working. */
export function wireDiscord(
  config: Config,
  deps: { state: BotState; clock: Clock; log: Logger },
  opts: DiscordOptions,
): DiscordWiring | undefined {
  if (!config.DISCORD_TOKEN) {
    deps.log.warn(
      'Discord posting is off: DISCORD_TOKEN is not set. Ingest and the output files keep working. To post to Discord, set DISCORD_TOKEN (and LEADERBOARD_CHANNEL_ID) in .env and restart.',
    );
    return undefined;
  }
  const log = deps.log.child({ task: 'discord' });
  const bot = new DiscordBot({
    config,
    log,
    fast: opts.fast,
    loginRetry: { firstMs: config.DISCORD_LOGIN_RETRY_MS },
    onFatal: opts.onFatal,
  });
  const posts = new PostKeeper(
    bot.channels,
    deps.state,
    log.child({ component: 'posts' }),
    opts.fast ? { debounceMs: 50, retryBaseMs: 200, retryMaxMs: 2000 } : undefined,
  );
  bot.listen({ messageDeleted: (id) => posts.messageDeleted(id) });
  const adminChannel = config.ADMIN_CHANNEL_ID;
  const announceChannel = config.ANNOUNCE_CHANNEL_ID;
  return {
    bot,
    posts,
    // send() waits for the Discord login: alerts from start-up (an interrupted rotation) or while
    // Discord is unreachable go out once logged in.
    alertAdmins: adminChannel ? throttledAlerts((text) => void bot.send(adminChannel, text), deps.clock) : () => {},
    announce: announceChannel ? (content) => bot.send(announceChannel, content) : undefined,
    task: {
      name: 'discord',
      trigger: 'gateway',
      start: (report) => bot.start(report),
      stop: async () => {
        bot.stopLogin();
        await posts.stop();
        await bot.stop();
      },
    },
  };
}

/** Slash commands, autocomplete and buttons, answered with the one dependency object. */
export function serveCommands(
  config: Config,
  discord: DiscordWiring,
  deps: Omit<CommandDeps, 'isAdmin'>,
  log: Logger,
): void {
  const handle = createInteractionHandler(loadCommands(), deps, {
    adminRoleId: config.ADMIN_ROLE_ID,
    log: log.child({ task: 'discord', component: 'interactions' }),
  });
  discord.bot.listen({ interaction: handle });
}
