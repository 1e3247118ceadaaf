/** The bot is stopping: a rotation gives up waiting and leaves things safe instead of finishing. */
export class ShutdownError extends Error {
  constructor() {
    super('the bot is shutting down');
  }
}

/**
 * Starts `start()` unless `signal` has aborted, and rejects with ShutdownError as soon as it does
 * (the work itself then goes on unwatched).
 */
export function abortable<T>(start: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal?.aborted) return Promise.reject(new ShutdownError());
  const work = start();
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new ShutdownError());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Sleeps `ms`, waking early when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
