import type { Clock } from '../ports';

/** The same alert at most once per window: a problem that repeats each minute must not flood the channel. */
export function throttledAlerts(
  send: (text: string) => void,
  clock: Clock,
  windowMs = 30 * 60_000,
): (text: string) => void {
  const lastSent = new Map<string, number>();
  return (text) => {
    const now = clock.now().getTime();
    if (now - (lastSent.get(text) ?? -Infinity) < windowMs) return;
    lastSent.set(text, now);
    send(text);
  };
}
