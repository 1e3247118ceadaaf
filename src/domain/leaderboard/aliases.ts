import type { Alias } from '../types';

function nameKey(name: string): string {
  return name.normalize('NFC').trim().toLowerCase();
}

/**
 * Builds the lookup once (rankLaps resolves many drivers). A GUID alias beats a name alias, so an
 * admin rename by GUID survives the driver changing their Steam name. When two aliases share a
 * key the later one wins (a later entry is a later decision). Blank keys or names are ignored.
 */
export function aliasResolver(aliases: readonly Alias[]): (guid: string, name: string) => string {
  const byKey = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const alias of aliases) {
    const display = alias.name.trim();
    if (display === '' || alias.key.trim() === '') continue;
    byKey.set(alias.key.trim(), display);
    byName.set(nameKey(alias.key), display);
  }
  return (guid, name) => {
    const key = guid.trim();
    return (key !== '' ? byKey.get(key) : undefined) ?? byName.get(nameKey(name)) ?? name;
  };
}

/** Alias by GUID first, then by exact name (case-insensitive, trimmed), else the name itself. */
export function displayName(guid: string, name: string, aliases: readonly Alias[]): string {
  return aliasResolver(aliases)(guid, name);
}
