import type { StewardingState } from './StewardingState';

export type KeyMoves = ReadonlyArray<{ from: string; to: string }>;

/**
 * Laps get new keys (a live lap replaced by its results file's copy, a file filed under another
 * event): their strikes move with them, inside `rewrite` (the ranking cache's turn), so no ranking
 * sees the lap without its strike. Returns how many strikes moved.
 */
export async function carryStrikes(
  stewarding: Pick<StewardingState, 'struckLap' | 'strike' | 'restore'>,
  rewrite: (eventIds: string[], write: () => Promise<void>) => Promise<void>,
  fromEvent: string,
  toEvent: string,
  keys: KeyMoves,
): Promise<number> {
  const moves = keys.filter((k) => fromEvent !== toEvent || k.from !== k.to);
  const found = await Promise.all(moves.map(async (k) => ({ k, s: await stewarding.struckLap(fromEvent, k.from) })));
  const struck = found.flatMap(({ k, s }) => (s ? [{ k, s }] : []));
  if (struck.length === 0) return 0;
  await rewrite([fromEvent, toEvent], async () => {
    for (const { k, s } of struck) {
      await stewarding.strike({ ...s, eventId: toEvent, lapKey: k.to });
      await stewarding.restore(fromEvent, k.from);
    }
  });
  return struck.length;
}
