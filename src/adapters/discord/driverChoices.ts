import type { ApplicationCommandOptionChoiceData } from 'discord.js';

/** Autocomplete choices for a driver option: "name (GUID)", matching either, at most 25. */
export function driverChoices(
  drivers: ReadonlyArray<{ driverGuid: string; driverName: string }>,
  typed: string,
): ApplicationCommandOptionChoiceData<string>[] {
  const q = typed.trim().toLowerCase();
  const seen = new Map<string, string>();
  for (const d of drivers) seen.set(d.driverGuid, `${d.driverName || '?'} (${d.driverGuid})`);
  return [...seen]
    .filter(([guid, label]) => !q || label.toLowerCase().includes(q) || guid.includes(q))
    .sort((a, b) => a[1].localeCompare(b[1]))
    .slice(0, 25)
    .map(([guid, label]) => ({ name: label.slice(0, 100), value: guid }));
}
