import type { Logger } from '../../logger';
import type { AuditEntry } from '../../domain/stewarding/types';
import { isStewardingAction } from '../../domain/stewarding/types';
import type { StewardingState } from './StewardingState';
import { SerialQueue } from '../../lib/SerialQueue';

export interface AuditPublisherDeps {
  state: Pick<StewardingState, 'audit' | 'postedIds' | 'markPosted'>;
  /** The admin channel's line for an entry. */
  toAdmins: (entry: AuditEntry) => Promise<void>;
  /** The public announcement of a stewarding decision (ANNOUNCE_STEWARDING); absent when off. */
  toPublic?: (entry: AuditEntry) => Promise<void>;
  log: Logger;
}

/**
 * Posts the audit trail to Discord: every entry not posted yet, oldest first, whoever recorded it
 * (a slash command, or the CLI in another process). What was posted is kept in the store by entry
 * (not as a position: another process may record an older entry after a newer one was posted), so
 * a restart neither repeats nor skips; the first start takes the existing trail as posted.
 */
export class AuditPublisher {
  private readonly turns = new SerialQueue();

  constructor(private readonly deps: AuditPublisherDeps) {}

  async start(): Promise<void> {
    const { state } = this.deps;
    if ((await state.postedIds()) === undefined) await state.markPosted((await state.audit()).map((e) => e.id));
    void this.publish();
  }

  /** Post what is new (called after an action, and when the CLI signals a change). */
  publish(): Promise<void> {
    return this.turns
      .run(() => this.postNew())
      .catch((err: Error) =>
        this.deps.log.error(
          { err },
          `audit trail not posted: ${err.message}; it stays in the store (npm run cli -- audit)`,
        ),
      );
  }

  private async postNew(): Promise<void> {
    const { state } = this.deps;
    const posted = (await state.postedIds()) ?? new Set<string>();
    for (const entry of (await state.audit()).filter((e) => !posted.has(e.id))) {
      await this.deps.toAdmins(entry);
      if (this.deps.toPublic && isStewardingAction(entry.action)) await this.deps.toPublic(entry);
      await state.markPosted([entry.id]);
    }
  }
}
