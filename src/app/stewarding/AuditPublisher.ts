import type { Logger } from '../../logger';
import type { AuditEntry } from '../../domain/stewarding/types';
import { isStewardingAction } from '../../domain/stewarding/types';
import type { StewardingState } from './StewardingState';

export interface AuditPublisherDeps {
  state: Pick<StewardingState, 'audit' | 'postedUpTo' | 'setPostedUpTo'>;
  /** The admin channel's line for an entry. */
  toAdmins: (entry: AuditEntry) => Promise<void>;
  /** The public announcement of a stewarding decision (ANNOUNCE_STEWARDING); absent when off. */
  toPublic?: (entry: AuditEntry) => Promise<void>;
  log: Logger;
}

/**
 * Posts the audit trail to Discord: every entry after the last one posted, in order, whoever
 * recorded it (a slash command, or the CLI in another process). The position is kept in the store,
 * so a restart neither repeats nor skips; the first start begins at the end of the trail.
 */
export class AuditPublisher {
  private turn: Promise<void> = Promise.resolve();

  constructor(private readonly deps: AuditPublisherDeps) {}

  async start(): Promise<void> {
    const { state } = this.deps;
    if ((await state.postedUpTo()) === undefined) await state.setPostedUpTo((await state.audit()).at(-1)?.id ?? '');
    this.publish();
  }

  /** Post what is new (called after an action, and when the CLI signals a change). */
  publish(): Promise<void> {
    this.turn = this.turn.then(() => this.postNew()).catch((err: Error) => this.deps.log.error({ err }, `audit trail not posted: ${err.message}; it stays in the store (npm run cli -- audit)`));
    return this.turn;
  }

  private async postNew(): Promise<void> {
    const { state } = this.deps;
    const after = (await state.postedUpTo()) ?? '';
    for (const entry of (await state.audit()).filter((e) => e.id > after)) {
      await this.deps.toAdmins(entry);
      if (this.deps.toPublic && isStewardingAction(entry.action)) await this.deps.toPublic(entry);
      await state.setPostedUpTo(entry.id);
    }
  }
}
