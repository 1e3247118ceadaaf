import { Events, type Client, type Interaction } from 'discord.js';
import type { Logger } from '../../logger';
import type { Config } from '../../config';
import type { ChannelPoster, PostBody } from '../../app/posts/PostKeeper';
import type { DmResult } from '../../app/identity/Notifier';
import { DirectMessages } from './DirectMessages';
import { DiscordPoster } from './DiscordPoster';
import { createDiscordClient } from './createClient';
import { DEFAULT_LOGIN_RETRY, loginWithRetry, type LoginRetry } from './loginWithRetry';
import { Gate } from './Gate';

export interface DiscordBotOptions {
  config: Pick<Config, 'DISCORD_TOKEN' | 'DISCORD_API_BASE'>;
  log: Logger;
  /** Test hook: speeds up gateway identify. */
  fast?: boolean;
  /** Waits between login attempts while Discord is unreachable (default 5 s doubling to 5 min). */
  loginRetry?: Partial<LoginRetry>;
  /**
   * Discord refused the token (or the login in a way retrying cannot fix): the process should
   * stop with an error so the service manager shows it failed. Without it, the error is reported.
   */
  onFatal?: (err: Error) => void;
}

export interface DiscordListeners {
  /** Logged in and ready (once). */
  ready?(): void;
  /** Every interaction (slash command, autocomplete, button). */
  interaction?(interaction: Interaction): Promise<void>;
  /** A message was deleted (the post keeper reposts its own). */
  messageDeleted?(messageId: string): Promise<void>;
}

/**
 * The gateway client: login with retries, the channels it posts to (waiting for the login), DMs.
 * What happens on its events is given by the composition root through `listen`.
 */
export class DiscordBot {
  /** Posts and sends that wait for the login instead of failing while Discord is away. */
  readonly channels: ChannelPoster;
  private current: Client;
  private readonly poster: DiscordPoster;
  private readonly dms: DirectMessages;
  /** Opens once logged in: posts and alerts wait for it instead of failing while Discord is away. */
  private readonly loggedIn = new Gate();
  private ready: Promise<void> | undefined;
  private resolveReady: (() => void) | undefined;
  private readonly listeners: DiscordListeners[] = [];
  private stopped = false;
  private wake: (() => void) | undefined;

  constructor(private readonly opts: DiscordBotOptions) {
    this.current = this.createClient();
    this.poster = new DiscordPoster(() => this.current.rest);
    this.channels = {
      upsert: async (...args) => (await this.loggedIn.passed(), this.poster.upsert(...args)),
      send: async (...args) => (await this.loggedIn.passed(), this.poster.send(...args)),
      exists: async (...args) => (await this.loggedIn.passed(), this.poster.exists(...args)),
    };
    this.dms = new DirectMessages(() => this.current.rest, this.poster, opts.log.child({ component: 'dm' }));
  }

  listen(listeners: DiscordListeners): void {
    this.listeners.push(listeners);
  }

  /** The discord.js client of the current login attempt (a failed login leaves its client unusable). */
  get client(): Client {
    return this.current;
  }

  /** Resolves once logged in and ready. */
  whenReady(): Promise<void> {
    return this.ready ?? Promise.reject(new Error('Discord client not started'));
  }

  /**
   * Starts logging in and returns at once: the other tasks must not wait for Discord. While
   * Discord cannot be reached the login is retried with growing waits; a refused token is fatal.
   * Once logged in, discord.js reconnects by itself after drops.
   */
  async start(report: (err: unknown, what: string) => void = () => {}): Promise<void> {
    this.ready = new Promise<void>((resolve) => (this.resolveReady = resolve));
    void this.login(report);
  }

  /** A one-off message (admin alerts). Failures are logged, never thrown: alerts must not break the caller. */
  async send(channelId: string, content: string): Promise<void> {
    try {
      await this.loggedIn.passed();
      await this.poster.send(channelId, { content: content.slice(0, 2000) });
    } catch (err) {
      this.opts.log.error(
        { err, channelId },
        `could not send a message to channel ${channelId}: ${(err as Error).message}`,
      );
    }
  }

  /** A message with components (an admin request's buttons); its id, or undefined when it could not be sent (logged). */
  async post(channelId: string, body: PostBody): Promise<string | undefined> {
    try {
      await this.loggedIn.passed();
      return await this.poster.send(channelId, body);
    } catch (err) {
      this.opts.log.error({ err, channelId }, `could not post to channel ${channelId}: ${(err as Error).message}`);
      return undefined;
    }
  }

  /** A DM to a member; 'closed' when they do not take DMs from the bot. Never throws. */
  async dm(userId: string, content: string): Promise<DmResult> {
    try {
      await this.loggedIn.passed();
    } catch {
      return 'failed'; // never logged in (stopped, or the token was refused): nothing to retry
    }
    return this.dms.send(userId, content);
  }

  /** Stops logging in: what still waits for the login fails at once (call before flushing posts). */
  stopLogin(): void {
    this.stopped = true;
    this.wake?.();
    this.loggedIn.close(new Error('the bot stopped before it could log in to Discord'));
  }

  async stop(): Promise<void> {
    this.stopLogin();
    if (this.ready) await this.current.destroy();
  }

  private attach(client: Client): void {
    const { log } = this.opts;
    client.on(Events.InteractionCreate, (i) => {
      for (const l of this.listeners) void l.interaction?.(i);
    });
    const deleted = (id: string) => {
      for (const l of this.listeners)
        void l.messageDeleted?.(id).catch((err) => log.error({ err }, 'repost after delete failed'));
    };
    client.on(Events.MessageDelete, (m) => deleted(m.id));
    client.on(Events.MessageBulkDelete, (messages) => messages.forEach((m) => deleted(m.id)));
    client.on(Events.ShardDisconnect, (_e, shard) =>
      log.warn({ shard }, 'gateway disconnected; discord.js reconnects by itself'),
    );
    client.on(Events.ShardResume, (shard) => log.info({ shard }, 'gateway resumed'));
    client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
    client.once(Events.ClientReady, (c) => {
      log.info({ user: c.user.tag }, 'logged in to Discord');
      this.loggedIn.open();
      for (const l of this.listeners) l.ready?.();
      this.resolveReady?.();
    });
  }

  private createClient(): Client {
    const client = createDiscordClient({ apiBase: this.opts.config.DISCORD_API_BASE, fastIdentify: this.opts.fast });
    client.rest.setToken(this.opts.config.DISCORD_TOKEN ?? '');
    return client;
  }

  private async login(report: (err: unknown, what: string) => void): Promise<void> {
    const { log, config } = this.opts;
    let first = true;
    const failure = await loginWithRetry({
      attempt: async () => {
        // discord.js destroys a client whose login failed: each retry gets a fresh one.
        if (!first) this.current = this.createClient();
        first = false;
        this.attach(this.current);
        await this.current.login(config.DISCORD_TOKEN);
      },
      retry: { ...DEFAULT_LOGIN_RETRY, ...this.opts.loginRetry },
      log,
      stopped: () => this.stopped,
      sleep: (ms) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, ms);
          this.wake = () => (clearTimeout(timer), resolve());
        }),
    });
    if (!failure || this.stopped) return;
    const err = new Error(
      failure.kind === 'token'
        ? 'Discord refused DISCORD_TOKEN (401 Unauthorized): put the bot token from the Developer Portal (your application -> Bot -> Reset Token) in .env, then start the bot again'
        : `Discord refused the login (${failure.reason}): check DISCORD_API_BASE (${config.DISCORD_API_BASE}) and DISCORD_TOKEN, then start the bot again`,
    );
    this.loggedIn.close(err);
    if (this.opts.onFatal) this.opts.onFatal(err);
    else report(err, 'Discord login');
  }
}
