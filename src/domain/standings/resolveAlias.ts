import type { Alias } from '../types';

/**
 * The alias for a driver: one keyed by the GUID wins over one keyed by the name
 * (a GUID is the identity; a name can be shared or changed). First match wins.
 * Private to standings because src/domain/aliases.ts was not written yet; it
 * follows the same rule as LeaderboardRow.driverName.
 */
export function resolveAlias(guid: string, name: string, aliases: readonly Alias[]): string | null {
  const byGuid = aliases.find((a) => a.key === guid);
  if (byGuid !== undefined) return byGuid.name;
  const byName = aliases.find((a) => a.key === name);
  return byName === undefined ? null : byName.name;
}
