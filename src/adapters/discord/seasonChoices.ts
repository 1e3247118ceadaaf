import type { ApplicationCommandOptionChoiceData } from 'discord.js';
import type { SeasonConfig } from '../../domain/season/season';

/** Autocomplete choices for a season option: matches id or name, newest (last in the config) first, at most 25. */
export function seasonChoices(config: SeasonConfig, typed: string): ApplicationCommandOptionChoiceData<string>[] {
  const q = typed.trim().toLowerCase();
  return [...config.seasons]
    .reverse()
    .map((s) => ({ name: s.name.slice(0, 100) || s.id, value: s.id }))
    .filter((c) => !q || c.name.toLowerCase().includes(q) || c.value.toLowerCase().includes(q))
    .slice(0, 25);
}
