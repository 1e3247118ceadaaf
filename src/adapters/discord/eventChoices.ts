import type { ApplicationCommandOptionChoiceData } from 'discord.js';
import type { SeasonConfig } from '../../domain/season/season';
import { allEvents } from '../../domain/season/resolveEvent';
import { eventTitle } from '../../domain/season/eventTitle';

/** Autocomplete choices for an event option: matches id or name, newest first, at most 25. */
export function eventChoices(config: SeasonConfig, typed: string): ApplicationCommandOptionChoiceData<string>[] {
  const q = typed.trim().toLowerCase();
  return allEvents(config)
    .reverse()
    .map((e) => ({ name: eventTitle(config, e.id).slice(0, 100), value: e.id }))
    .filter((c) => !q || c.name.toLowerCase().includes(q) || c.value.toLowerCase().includes(q))
    .slice(0, 25);
}
