import type { Logger } from '../../logger';
import { backoffDelay } from '../../lib/backoffDelay';

export interface RetryOptions {
  /** Attempts per batch before giving up on what is still unprocessed. */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  log: Logger;
}

/**
 * Sends `batch`, then what DynamoDB left unprocessed (throttling), with exponential backoff and
 * full jitter so concurrent batches do not retry in lockstep; after `maxAttempts` throws
 * `failure(left, "N attempts")`.
 */
export async function untilProcessed<T>(
  batch: T[],
  send: (pending: T[]) => Promise<T[]>,
  failure: (left: number, tries: string) => string,
  opts: RetryOptions & { table: string },
): Promise<void> {
  const maxAttempts = opts.maxAttempts ?? 8;
  let pending = batch;
  for (let attempt = 1; ; attempt++) {
    const left = await send(pending);
    if (left.length === 0) return;
    if (attempt >= maxAttempts) throw new Error(failure(left.length, `${attempt} attempt${attempt === 1 ? '' : 's'}`));
    const cap = backoffDelay(attempt, { baseMs: opts.baseDelayMs ?? 50, maxMs: opts.maxDelayMs ?? 5_000 });
    const delay = Math.round((opts.random ?? Math.random)() * cap);
    opts.log.warn(
      { table: opts.table, unprocessed: left.length, attempt, delayMs: delay },
      'DynamoDB throttled a batch; retrying',
    );
    await (opts.sleep ?? sleep)(delay);
    pending = left;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
