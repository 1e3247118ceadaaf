import { messageView } from './messages';
import type { Json, MessageView, StoredMessage } from './types';
import { waitFor } from './waitFor';

export type InteractionKind = 'command' | 'autocomplete' | 'button';

export interface CallbackRecord {
  /** 4 reply, 5 deferred reply, 6 deferred update, 7 update, 8 autocomplete result, 9 modal. */
  type: number;
  data: Json | undefined;
  /** Milliseconds between the INTERACTION_CREATE dispatch and this callback. */
  latencyMs: number;
  /** What the fake answered: 204/200, or 404 (late, code 10062) / 400 (already acknowledged, code 40060). */
  status: number;
}

export interface ReplyView extends MessageView {
  ephemeral: boolean;
}

const EPHEMERAL = 64;
const LOADING = 128;

/** What the bot did with one injected interaction, as Discord saw it. */
export class InteractionHandle {
  readonly callbacks: CallbackRecord[] = [];
  readonly followUps: StoredMessage[] = [];
  /** The interaction's original response message (for buttons: the message carrying the button). */
  original: StoredMessage | null = null;
  choices: Json[] | null = null;
  modal: Json | null = null;

  readonly id: string;
  readonly token: string;
  readonly kind: InteractionKind;
  readonly channelId: string;
  /** Date.now() when INTERACTION_CREATE was dispatched. */
  readonly sentAt: number;
  readonly deadlineMs: number;
  /** The user who used the command or pressed the button. */
  readonly user: Json;
  /** The message a button belongs to; type 6/7 callbacks act on it. */
  readonly targetMessage: StoredMessage | null;

  constructor(init: {
    id: string;
    token: string;
    kind: InteractionKind;
    channelId: string;
    sentAt: number;
    deadlineMs: number;
    user: Json;
    targetMessage: StoredMessage | null;
  }) {
    this.id = init.id;
    this.token = init.token;
    this.kind = init.kind;
    this.channelId = init.channelId;
    this.sentAt = init.sentAt;
    this.deadlineMs = init.deadlineMs;
    this.user = init.user;
    this.targetMessage = init.targetMessage;
  }

  /** An accepted callback exists (late or duplicate ones do not count). */
  get acknowledged(): boolean {
    return this.callbacks.some((c) => c.status < 300);
  }

  /** Whether the first answer reached Discord within its 3 s deadline (false while unanswered). */
  get answeredInTime(): boolean {
    const first = this.callbacks[0];
    return first !== undefined && first.status < 300 && first.latencyMs <= this.deadlineMs;
  }

  get firstAnswerMs(): number | null {
    return this.callbacks[0]?.latencyMs ?? null;
  }

  get deferred(): boolean {
    const type = this.callbacks.find((c) => c.status < 300)?.type;
    return type === 5 || type === 6;
  }

  /** The reply as the user sees it now; null before a reply or while it still shows "thinking". */
  get reply(): ReplyView | null {
    const msg = this.original;
    if (!msg || (msg.flags & LOADING) !== 0) return null;
    return { ...messageView(msg), ephemeral: (msg.flags & EPHEMERAL) !== 0 };
  }

  get followUpViews(): ReplyView[] {
    return this.followUps.map((m) => ({ ...messageView(m), ephemeral: (m.flags & EPHEMERAL) !== 0 }));
  }

  waitForAnswer(timeoutMs = 5000): Promise<CallbackRecord> {
    return waitFor(() => this.callbacks[0], timeoutMs, `an answer to interaction ${this.id}`);
  }

  /** Resolves with the visible reply once it exists (a deferred reply counts once edited) and matches. */
  waitForReply(timeoutMs = 5000, predicate: (reply: ReplyView) => boolean = () => true): Promise<ReplyView> {
    return waitFor(
      () => {
        const reply = this.reply;
        return reply && predicate(reply) ? reply : null;
      },
      timeoutMs,
      `a reply to interaction ${this.id}`,
    );
  }

  waitForChoices(timeoutMs = 5000): Promise<Json[]> {
    return waitFor(() => this.choices, timeoutMs, `autocomplete choices for interaction ${this.id}`);
  }
}
