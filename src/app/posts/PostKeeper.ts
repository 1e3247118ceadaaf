import { createHash } from 'node:crypto';
import type { Logger } from '../../logger';
import type { BotState, MessageRef } from '../runtime/BotState';
import { Coalescer } from './Coalescer';

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

interface Post {
  channelId: string;
  render: () => Promise<PostBody>;
  /** Id of the message last sent for this post, in case saving it to the state failed. */
  messageId?: string;
  /** The stored message was checked to still exist in this process. */
  checked?: boolean;
}

export interface PostKeeperOptions {
  /** Edits of one post start at least this far apart; a change after a quiet time goes out at once. */
  debounceMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** Discord's per-channel edit budget: at most `count` edits per `perMs` (default 5 per 5 s). */
  budget?: { count: number; perMs: number };
}

/**
 * Keeps each bot-owned post (leaderboard per event, schedule, standings) up to date. A change
 * after a quiet time is sent at once (leading edge); changes while an edit is in flight, within
 * the debounce window or beyond the channel's edit budget are folded into the next edit, so a
 * burst becomes a few edits. Identical content is never re-sent, message ids are persisted so a
 * restart edits the same message, and failures are retried with backoff, always rendering the
 * LATEST content, so no update is lost.
 */
export class PostKeeper {
  private readonly posts = new Map<string, Post>();
  private readonly deleted = new Set<string>();
  /** Start times of recent edits per channel, for the budget. */
  private readonly recent = new Map<string, number[]>();
  private readonly coalescer: Coalescer;
  private readonly budget: { count: number; perMs: number };
  private stopped = false;

  constructor(
    private readonly poster: ChannelPoster,
    private readonly state: BotState,
    private readonly log: Logger,
    opts: PostKeeperOptions = { debounceMs: 100, retryBaseMs: 1000, retryMaxMs: 60_000 },
  ) {
    this.budget = opts.budget ?? { count: 5, perMs: 5000 };
    this.coalescer = new Coalescer(
      opts.debounceMs,
      (key) => this.publish(key, this.posts.get(key)!),
      (key, err) => this.failed(key, err),
      {
        retry: { baseMs: opts.retryBaseMs, maxMs: opts.retryMaxMs },
        leading: true,
        holdFor: (key) => this.budgetWait(this.posts.get(key)!.channelId),
      },
    );
  }

  /** Ask for `key` to show what `render` returns: at once when the post was quiet, else with the next edit. */
  request(key: string, channelId: string, render: () => Promise<PostBody>): void {
    if (this.stopped) return;
    const p = this.posts.get(key);
    if (p) Object.assign(p, { channelId, render });
    else this.posts.set(key, { channelId, render });
    this.coalescer.mark(key);
  }

  /** A message we own was deleted by someone: post it again. */
  messageDeleted(messageId: string): Promise<void> {
    // Remembered, because an update already in flight may store this id again after the delete.
    this.deleted.add(messageId);
    if (this.deleted.size > 1000) this.deleted.delete(this.deleted.values().next().value!);
    // Every post looks again (one may be in flight, its id not known yet); unchanged ones cost no edit.
    for (const [key, p] of this.posts) this.request(key, p.channelId, p.render);
    return Promise.resolve();
  }

  /** Run every pending update now and wait for them (shutdown, tests). */
  flush(): Promise<void> {
    return this.coalescer.flush();
  }

  async stop(): Promise<void> {
    await this.flush().catch(() => {});
    this.stopped = true;
    this.coalescer.stopRetries();
  }

  /** How long the channel must wait before another edit fits Discord's budget. */
  private budgetWait(channelId: string): number {
    const now = performance.now();
    const times = (this.recent.get(channelId) ?? []).filter((t) => t > now - this.budget.perMs);
    this.recent.set(channelId, times);
    return times.length < this.budget.count ? 0 : times[0]! + this.budget.perMs - now;
  }

  private failed(key: string, err: unknown): void {
    const p = this.posts.get(key)!;
    const advice = err instanceof PostNeedsAdminError ? ' ' : ' Retrying; ';
    this.log.error(
      { post: key, channelId: p.channelId, err },
      `could not update the ${key} post: ${(err as Error).message}.${advice}the post will show the latest content once Discord accepts it.`,
    );
  }

  private async publish(key: string, p: Post): Promise<void> {
    const body = await p.render();
    const hash = hashBody(body);
    const ref = await this.currentRef(key, p);
    if (ref?.contentHash === hash) return;
    const times = this.recent.get(p.channelId) ?? [];
    times.push(performance.now());
    this.recent.set(p.channelId, times);
    p.messageId = await this.poster.upsert(p.channelId, ref?.messageId, body);
    p.checked = true;
    await this.state.setMessage(key, { channelId: p.channelId, messageId: p.messageId, contentHash: hash });
    this.log.info(
      { post: key, channelId: p.channelId, messageId: p.messageId, edited: ref?.messageId === p.messageId },
      'post updated',
    );
  }

  /** The message holding this post now, if any: not one known to be deleted, in this channel. */
  private async currentRef(key: string, p: Post): Promise<MessageRef | undefined> {
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
