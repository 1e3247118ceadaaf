import type { Exclusion, StewardingRules, StruckLap } from './types';

/** The rules of one event from its struck laps and the exclusions that reach it (the event's and its season's). */
export function stewardingRules(struck: readonly StruckLap[], exclusions: readonly Exclusion[]): StewardingRules {
  const excluded = new Map<string, string>();
  // An event exclusion is the more specific decision, so its reason is the one shown.
  for (const e of [...exclusions].sort((a, b) =>
    a.scope.kind === b.scope.kind ? 0 : a.scope.kind === 'season' ? -1 : 1,
  )) {
    excluded.set(e.driverGuid, `driver excluded from the ${e.scope.kind} by the stewards: ${e.reason}`);
  }
  return { struck: new Map(struck.map((s) => [s.lapKey, `struck by the stewards: ${s.reason}`])), excluded };
}
