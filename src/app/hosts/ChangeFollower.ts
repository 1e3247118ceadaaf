import type { Clock, StateStore } from '../ports';
import type { Logger } from '../../logger';
import { inOrder, type Gap } from '../../domain/hosts/inOrder';
import type { ChangeEntry, ChangeLog } from './hostPorts';
import { PollLoop } from './PollLoop';

export interface ChangeFollowerDeps {
  log: ChangeLog;
  /** Where the cursor is kept, so a restarted bot goes on where it stopped (nothing missed). */
  state: StateStore;
  clock: Clock;
  logger: Logger;
  /** Applies a batch of changes; when it throws, the same batch is tried again next time. */
  apply: (entries: readonly ChangeEntry[]) => Promise<void>;
  report: (err: unknown) => void;
  pollMs?: number;
  /** How long a missing sequence number is waited for before it is skipped (its writer died). */
  gapWaitMs?: number;
  readerId?: string;
}

const CURSOR_NS = 'changeCursor';
const BATCH = 100;

/** Bot side: reads the change log from its cursor, in order, every `pollMs`, and applies it. */
export class ChangeFollower {
  private cursor = 0;
  private gap: Gap | null = null;
  private readonly loop: PollLoop;

  constructor(private readonly deps: ChangeFollowerDeps) {
    this.loop = new PollLoop(deps.pollMs ?? 1000, () => this.tick(), deps.report);
  }

  /** Reads the saved cursor (0 on a first start: the whole log is read) and starts polling. */
  async start(): Promise<void> {
    this.cursor = (await this.deps.state.get<number>(CURSOR_NS, this.readerId)) ?? 0;
    this.deps.logger.info({ cursor: this.cursor }, 'following the change log of the agents');
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** One read; true when a full batch came (read again at once). */
  async tick(): Promise<boolean> {
    const entries = await this.deps.log.after(this.cursor, BATCH);
    const now = this.deps.clock.now().getTime();
    const next = inOrder(
      this.cursor,
      entries.map((e) => e.seq),
      this.gap,
      now,
      this.deps.gapWaitMs ?? 10_000,
    );
    if (next.skipped.length > 0) {
      this.deps.logger.warn(
        { first: next.skipped[0], last: next.skipped.at(-1), count: next.skipped.length },
        'change log entries never written (their writer stopped between numbering and writing): skipped',
      );
    }
    this.gap = next.gap;
    if (next.take > 0) {
      await this.deps.apply(entries.slice(0, next.take));
      this.cursor = next.cursor;
      await this.deps.state.put(CURSOR_NS, this.readerId, this.cursor);
    }
    return entries.length === BATCH && next.gap === null;
  }

  private get readerId(): string {
    return this.deps.readerId ?? 'bot';
  }
}
