/**
 * Runs async work one piece at a time, in the order it was queued. A failure goes to the caller
 * of that piece only; the queue carries on with the next.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `work` after everything queued before it; resolves or rejects with its outcome. */
  run<T>(work: () => T | Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => {});
    return result;
  }

  /** Resolves once everything queued so far has finished, failed or not. */
  idle(): Promise<void> {
    return this.tail.then(() => undefined);
  }
}
