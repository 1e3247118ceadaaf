import type { Logger } from '../../logger';
import { backoffDelay } from '../../lib/backoffDelay';

/** What a failed login means for the next step. */
export type LoginFailure =
  /** Discord refused the token: only an admin can fix it. */
  | { kind: 'token' }
  /** Discord not reached, or it answered 5xx/429: try again later. */
  | { kind: 'retry'; reason: string }
  /** Discord answered, and retrying cannot help (a 4xx from a wrong DISCORD_API_BASE, ...). */
  | { kind: 'fatal'; reason: string };

export interface LoginRetry {
  /** First wait after a failure; doubled after each failure up to maxMs. */
  firstMs: number;
  maxMs: number;
  /** At most one warning line per this many ms while Discord stays unreachable. */
  logEveryMs: number;
}

export const DEFAULT_LOGIN_RETRY: LoginRetry = { firstMs: 5000, maxMs: 5 * 60_000, logEveryMs: 60_000 };

/** Reads the error discord.js or @discordjs/rest threw during login. */
export function classifyLoginError(err: unknown): LoginFailure {
  const e = (err ?? {}) as {
    code?: unknown;
    status?: unknown;
    message?: unknown;
    cause?: { code?: unknown; message?: unknown };
  };
  const status = typeof e.status === 'number' ? e.status : undefined;
  if (e.code === 'TokenInvalid' || status === 401) return { kind: 'token' };
  const message = sentence(String(e.message ?? err));
  const rawCause = e.cause?.code ?? e.cause?.message;
  const cause = typeof rawCause === 'string' || typeof rawCause === 'number' ? String(rawCause) : '';
  const reason = cause && !message.includes(cause) ? `${message} (${cause})` : message;
  if (status === undefined || status >= 500 || status === 429) return { kind: 'retry', reason };
  return { kind: 'fatal', reason: `Discord answered ${status}: ${reason}` };
}

/** A message without its final period, to be set inside a longer sentence. */
function sentence(text: string): string {
  return text.trim().replace(/\.+$/, '');
}

/**
 * Calls `attempt` until it succeeds, waiting first, 2x first, ... up to max between failures that
 * retrying can fix. Returns the failure that stopped it (token, fatal), or undefined once logged
 * in or when `stopped()` turned true. Logs every attempt at debug and at most one warning a minute.
 */
export async function loginWithRetry(opts: {
  attempt: () => Promise<void>;
  retry: LoginRetry;
  log: Logger;
  stopped: () => boolean;
  sleep: (ms: number) => Promise<void>;
  now?: () => number;
}): Promise<LoginFailure | undefined> {
  const now = opts.now ?? Date.now;
  const started = now();
  let lastWarning = -Infinity;
  for (let attempt = 1; !opts.stopped(); attempt++) {
    try {
      await opts.attempt();
      if (attempt > 1)
        opts.log.info(
          { attempts: attempt, downMs: now() - started },
          `reached Discord after ${attempt} attempts (${Math.round((now() - started) / 1000)} s)`,
        );
      return undefined;
    } catch (err) {
      if (opts.stopped()) return undefined;
      const failure = classifyLoginError(err);
      if (failure.kind !== 'retry') return failure;
      const wait = backoffDelay(attempt, { baseMs: opts.retry.firstMs, maxMs: opts.retry.maxMs });
      opts.log.debug({ attempt, retryInMs: wait, reason: failure.reason }, 'Discord login attempt failed');
      if (now() - lastWarning >= opts.retry.logEveryMs) {
        lastWarning = now();
        opts.log.warn(
          { attempt, retryInMs: wait, reason: failure.reason },
          `cannot reach Discord (${failure.reason}); trying again with growing waits (up to ${Math.round(opts.retry.maxMs / 60_000)} min), this line repeats at most once a minute. Ingest, output files and rotation keep running; the posts catch up once logged in. Check the network and DISCORD_API_BASE.`,
        );
      }
      await opts.sleep(wait);
    }
  }
  return undefined;
}
