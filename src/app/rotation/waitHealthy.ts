import type { EventConfig } from '../../domain/season/season';
import type { AcServerControl, HealthCheck } from './acServerPorts';
import { ShutdownError, sleep } from './abortable';
import { deadline } from '../runtime/deadline';

/**
 * Polls until acServer runs and every check passes, or the time is up. Returns null when
 * healthy, else the last problem seen (what an admin reads in the alert). Throws ShutdownError
 * as soon as `signal` aborts: a stopping bot must not wait out the whole timeout.
 */
export async function waitHealthy(
  control: AcServerControl,
  checks: readonly HealthCheck[],
  expected: EventConfig | null,
  opts: { timeoutMs: number; pollMs?: number; signal?: AbortSignal },
): Promise<string | null> {
  const timeout = deadline(opts.timeoutMs);
  try {
    for (;;) {
      if (opts.signal?.aborted) throw new ShutdownError();
      const problem = (await control.isRunning())
        ? await firstProblem(checks, expected)
        : `acServer is not running (${control.description})`;
      if (problem === null) return null;
      if (timeout.passed) return `${problem} after ${Math.round(opts.timeoutMs / 1000)} s`;
      await Promise.race([sleep(opts.pollMs ?? 100, opts.signal), timeout.reached]);
    }
  } finally {
    timeout.clear();
  }
}

async function firstProblem(checks: readonly HealthCheck[], expected: EventConfig | null): Promise<string | null> {
  for (const c of checks) {
    try {
      const problem = await c.check(expected);
      if (problem !== null) return `${c.name}: ${problem}`;
    } catch (err) {
      return `${c.name}: ${(err as Error).message}`;
    }
  }
  return null;
}
