import type { Logger } from '../../logger';
import { backoffDelay } from '../../lib/backoffDelay';

/**
 * Starts something that may fail for a while (the results folder missing or unreadable): tried
 * at once, then again with growing waits (2 s doubling, capped at 5 minutes), each failure sent
 * to `report` (the task runner's log line and admin alert). Never leaves it dead while the
 * process looks healthy, and never holds up the other tasks.
 */
export class RetryingStart {
  private timer: NodeJS.Timeout | undefined;
  private failures = 0;
  private stopped = false;
  private trying: Promise<void> | undefined;

  constructor(
    private readonly what: string,
    private readonly attempt: () => Promise<void>,
    private readonly log: Logger,
    private readonly opts: { baseMs?: number; maxMs?: number } = {},
  ) {}

  /** Resolves after the first attempt, whether it worked or not. */
  async start(report: (err: unknown, what: string) => void): Promise<void> {
    this.stopped = false;
    await this.once(report);
  }

  private once(report: (err: unknown, what: string) => void): Promise<void> {
    this.trying = this.try(report).finally(() => (this.trying = undefined));
    return this.trying;
  }

  private async try(report: (err: unknown, what: string) => void): Promise<void> {
    try {
      await this.attempt();
      if (this.failures > 0)
        this.log.info({ failures: this.failures }, `${this.what}: working now, after ${this.failures} failed attempts`);
      this.failures = 0;
    } catch (err) {
      if (this.stopped) return;
      this.failures++;
      report(err, this.what);
      const wait = backoffDelay(this.failures, { baseMs: this.opts.baseMs ?? 2000, maxMs: this.opts.maxMs ?? 300_000 });
      this.timer = setTimeout(() => void this.once(report), wait);
      this.timer.unref?.();
    }
  }

  /** No more attempts; one in progress is finished first (then its owner stops what it started). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.trying;
  }
}
