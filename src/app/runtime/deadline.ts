/**
 * A bound on a wait, kept by a timer rather than by reading the wall clock: the Clock port is the
 * league's time (tests set it), while waits and timeouts are real time, like the sleeps between polls.
 */
export interface Deadline {
  readonly passed: boolean;
  /** Resolves when the time is up. */
  readonly reached: Promise<void>;
  clear(): void;
}

export function deadline(ms: number): Deadline {
  let passed = false;
  let timer: NodeJS.Timeout | undefined;
  const reached = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      passed = true;
      resolve();
    }, ms);
    timer.unref?.();
  });
  return {
    get passed() {
      return passed;
    },
    reached,
    clear: () => clearTimeout(timer),
  };
}
