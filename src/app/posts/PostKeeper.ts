import { createHash } from 'node:crypto';
import type { Logger } from '../../logger';
import type { BotState, MessageRef } from '../runtime/BotState';

export interface PostFile {
  name: string;
  data: Buffer;
}

export interface PostBody {
  content: string;
  files?: PostFile[];
  /** Message components as Discord's JSON (buttons of an admin request). */
  components?: unknown[];
}

/** A Discord channel as the post keeper needs it (adapter: src/adapters/discord/DiscordPoster.ts). */
export interface ChannelPoster {
  /** Edit messageId in place; post a new message when there is none or it was deleted. Returns the id holding the body now. */
  upsert(channelId: string, messageId: string | undefined, body: PostBody): Promise<string>;
  /** A new message (announcements). */
  send(channelId: string, body: PostBody): Promise<string>;
  /** Whether the message is still there (it may have been deleted while the bot was down). */
  exists?(channelId: string, messageId: string): Promise<boolean>;
}

/** Thrown by a poster when retrying cannot help until an admin acts (missing permission, unknown channel). */
export class PostNeedsAdminError extends Error {}

interface Pending {
  channelId: string;
  render: () => Promise<PostBody>;
  timer?: NodeJS.Timeout;
  running?: Promise<void>;
  again: boolean;
  failures: number;
  /** Id of the message last sent for this post, in case saving it to the state failed. */
  messageId?: string;
  /** The stored message was checked to still exist in this process. */
  checked?: boolean;
}

/**
 * Keeps each bot-owned post (leaderboard per event, schedule, standings) up to date: requests are
 * coalesced (a burst becomes one edit), identical content is never re-sent, message ids are
 * persisted so a restart edits the same message, and failures are retried with backoff, always
 * rendering the LATEST content, so no update is lost.
 */
export class PostKeeper {
  private readonly pending = new Map<string, Pending>();
  private readonly deleted = new Set<string>();
  private stopped = false;

  constructor(
    private readonly poster: ChannelPoster,
    private readonly state: BotState,
    private readonly log: Logger,
    private readonly opts: { debounceMs: number; retryBaseMs: number; retryMaxMs: number } = {
      debounceMs: 100,
      retryBaseMs: 1000,
      retryMaxMs: 60_000,
    },
  ) {}

  /** Ask for `key` to show what `render` returns; runs after the debounce window. */
  request(key: string, channelId: string, render: () => Promise<PostBody>): void {
    if (this.stopped) return;
    const p = this.pending.get(key) ?? { channelId, render, again: false, failures: 0 };
    Object.assign(p, { channelId, render });
    this.pending.set(key, p);
    if (p.running) p.again = true;
    else this.schedule(key, p, this.opts.debounceMs);
  }

  /** A message we own was deleted by someone: post it again. */
  async messageDeleted(messageId: string): Promise<void> {
    // Remembered, because an update already in flight may store this id again after the delete.
    this.deleted.add(messageId);
    if (this.deleted.size > 1000) this.deleted.delete(this.deleted.values().next().value!);
    for (const [key, p] of this.pending) {
      const ref = await this.state.message(key);
      if (ref?.messageId === messageId || p.running) this.request(key, p.channelId, p.render);
    }
  }

  /** Run every pending update now and wait for them (shutdown, tests). */
  async flush(): Promise<void> {
    // A few rounds: an update requested while one was being sent is sent in the next round.
    for (let round = 0; round < 3; round++) {
      for (const [key, p] of this.pending) {
        if (p.timer && p.failures === 0) {
          clearTimeout(p.timer);
          p.timer = undefined;
          p.running ??= this.run(key, p);
        }
      }
      const running = [...this.pending.values()].flatMap((p) => (p.running ? [p.running] : []));
      if (running.length === 0) return;
      await Promise.all(running);
    }
  }

  async stop(): Promise<void> {
    await this.flush().catch(() => {});
    this.stopped = true;
    for (const p of this.pending.values()) if (p.timer) clearTimeout(p.timer);
  }

  private schedule(key: string, p: Pending, delay: number): void {
    if (p.timer || this.stopped) return;
    p.timer = setTimeout(() => {
      p.timer = undefined;
      p.running = this.run(key, p);
    }, delay);
    p.timer.unref?.();
  }

  private async run(key: string, p: Pending): Promise<void> {
    try {
      p.again = false;
      await this.publish(key, p);
      p.failures = 0;
    } catch (err) {
      p.failures++;
      const delay = Math.min(this.opts.retryMaxMs, this.opts.retryBaseMs * 2 ** (p.failures - 1));
      const advice = err instanceof PostNeedsAdminError ? ' ' : ' Retrying; ';
      this.log.error(
        { post: key, channelId: p.channelId, err, retryInMs: delay },
        `could not update the ${key} post: ${(err as Error).message}.${advice}the post will show the latest content once Discord accepts it.`,
      );
      p.running = undefined;
      this.schedule(key, p, delay);
      return;
    }
    p.running = undefined;
    if (p.again) this.schedule(key, p, this.opts.debounceMs);
  }

  private async publish(key: string, p: Pending): Promise<void> {
    const body = await p.render();
    const hash = hashBody(body);
    const ref = await this.currentRef(key, p);
    if (ref?.contentHash === hash) return;
    p.messageId = await this.poster.upsert(p.channelId, ref?.messageId, body);
    p.checked = true;
    await this.state.setMessage(key, { channelId: p.channelId, messageId: p.messageId, contentHash: hash });
    this.log.info(
      { post: key, channelId: p.channelId, messageId: p.messageId, edited: ref?.messageId === p.messageId },
      'post updated',
    );
  }

  /** The message holding this post now, if any: not one known to be deleted, in this channel. */
  private async currentRef(key: string, p: Pending): Promise<MessageRef | undefined> {
    const stored = await this.state.message(key);
    let ref = stored?.channelId === p.channelId ? stored : undefined;
    if (p.messageId && ref?.messageId !== p.messageId) ref = { channelId: p.channelId, messageId: p.messageId }; // state write failed last time
    if (!ref || this.deleted.has(ref.messageId)) return undefined;
    // Deleted while the bot was down? One read per post per start, instead of trusting the hash.
    if (!p.checked && this.poster.exists) {
      p.checked = true;
      if (!(await this.poster.exists(p.channelId, ref.messageId))) return undefined;
    }
    return ref;
  }
}

function hashBody(body: PostBody): string {
  const h = createHash('sha256').update(body.content);
  for (const f of body.files ?? []) h.update(f.name).update(f.data);
  return h.digest('hex');
}
