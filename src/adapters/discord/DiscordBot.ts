import { Events, type Client } from 'discord.js';
import type { Logger } from '../../logger';
import type { Config } from '../../config';
import type { Command, CommandDeps } from './command';
import { PostKeeper, type PostBody } from '../../app/PostKeeper';
import type { DmResult } from '../../app/identity/Notifier';
import { DirectMessages } from './DirectMessages';
import { DiscordPoster } from './DiscordPoster';
import { createInteractionHandler } from './interactionHandler';
import { createDiscordClient } from './createClient';

export interface DiscordBotOptions {
  config: Pick<Config, 'DISCORD_TOKEN' | 'DISCORD_API_BASE' | 'ADMIN_ROLE_ID'>;
  commands: ReadonlyMap<string, Command>;
  deps: Omit<CommandDeps, 'refreshPosts'>;
  log: Logger;
  /** Re-render every bot-owned post (on ready, after an alias or season config change). */
  refreshPosts: () => void;
  /** Test hook: speeds up gateway identify and post debounce. */
  fast?: boolean;
}

/** The gateway client, the interaction handler and the post keeper, started and stopped together. */
export class DiscordBot {
  readonly client: Client;
  readonly posts: PostKeeper;
  private readonly poster: DiscordPoster;
  private readonly dms: DirectMessages;
  private ready: Promise<void> | undefined;

  constructor(private readonly opts: DiscordBotOptions) {
    this.client = createDiscordClient({ apiBase: opts.config.DISCORD_API_BASE, fastIdentify: opts.fast });
    this.client.rest.setToken(opts.config.DISCORD_TOKEN ?? '');
    this.poster = new DiscordPoster(this.client.rest);
    this.dms = new DirectMessages(this.client.rest, this.poster, opts.log.child({ component: 'dm' }));
    this.posts = new PostKeeper(
      this.poster,
      opts.deps.state,
      opts.log.child({ component: 'posts' }),
      opts.fast ? { debounceMs: 50, retryBaseMs: 200, retryMaxMs: 2000 } : undefined,
    );
  }

  get refreshPosts(): () => void {
    return this.opts.refreshPosts;
  }

  /** Resolves once logged in and ready. */
  whenReady(): Promise<void> {
    return this.ready ?? Promise.reject(new Error('Discord client not started'));
  }

  /**
   * Starts logging in and returns at once: the other tasks must not wait for Discord. A failed
   * login is reported (the bot keeps ingesting); discord.js reconnects by itself after drops.
   */
  async start(report: (err: unknown, what: string) => void = () => {}): Promise<void> {
    const { log, commands, config } = this.opts;
    const deps: CommandDeps = { ...this.opts.deps, refreshPosts: this.opts.refreshPosts };
    const handle = createInteractionHandler(commands, deps, { adminRoleId: config.ADMIN_ROLE_ID, log: log.child({ component: 'interactions' }) });
    this.client.on(Events.InteractionCreate, (i) => void handle(i));
    const deleted = (id: string) => void this.posts.messageDeleted(id).catch((err) => log.error({ err }, 'repost after delete failed'));
    this.client.on(Events.MessageDelete, (m) => deleted(m.id));
    this.client.on(Events.MessageBulkDelete, (messages) => messages.forEach((m) => deleted(m.id)));
    this.client.on(Events.ShardDisconnect, (_e, shard) => log.warn({ shard }, 'gateway disconnected; discord.js reconnects by itself'));
    this.client.on(Events.ShardResume, (shard) => log.info({ shard }, 'gateway resumed'));
    this.client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
    this.ready = new Promise<void>((resolve) =>
      this.client.once(Events.ClientReady, (c) => {
        log.info({ user: c.user.tag }, 'logged in to Discord');
        this.opts.refreshPosts();
        resolve();
      }),
    );
    this.client.login(config.DISCORD_TOKEN).catch((err: Error) =>
      report(new Error(`${err.message}. Check DISCORD_TOKEN (Developer Portal -> Bot -> Reset Token) and DISCORD_API_BASE.`), 'Discord login'),
    );
  }

  /** A one-off message (admin alerts). Failures are logged, never thrown: alerts must not break the caller. */
  async send(channelId: string, content: string): Promise<void> {
    try {
      await this.poster.send(channelId, { content: content.slice(0, 2000) });
    } catch (err) {
      this.opts.log.error({ err, channelId }, `could not send a message to channel ${channelId}: ${(err as Error).message}`);
    }
  }

  /** A message with components (an admin request's buttons); its id, or undefined when it could not be sent (logged). */
  async post(channelId: string, body: PostBody): Promise<string | undefined> {
    try {
      return await this.poster.send(channelId, body);
    } catch (err) {
      this.opts.log.error({ err, channelId }, `could not post to channel ${channelId}: ${(err as Error).message}`);
      return undefined;
    }
  }

  /** A DM to a member; 'closed' when they do not take DMs from the bot. Never throws. */
  dm(userId: string, content: string): Promise<DmResult> {
    return this.dms.send(userId, content);
  }

  async stop(): Promise<void> {
    await this.posts.stop();
    if (this.ready) await this.client.destroy();
  }
}
