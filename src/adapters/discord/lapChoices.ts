import { createHash } from 'node:crypto';
import type { ApplicationCommandOptionChoiceData } from 'discord.js';
import type { Lap } from '../../domain/types';
import type { StruckLap } from '../../domain/stewarding/types';
import { lapLabel } from '../../domain/stewarding/pickLap';
import { formatLapTime } from '../../domain/leaderboard/formatLapTime';

// A choice value holds at most 100 characters; a lap key with a long file suffix may not fit.
const TOKEN = 'key:';

function choiceValue(lapKey: string): string {
  return lapKey.length <= 100 ? lapKey : `${TOKEN}${createHash('sha1').update(lapKey).digest('hex')}`;
}

/** The lap key a chosen value stands for (a long key travels as its hash); other text is passed on as typed (a lap time). */
export function lapFromChoice(value: string, keys: readonly string[]): string {
  return value.startsWith(TOKEN) ? (keys.find((k) => choiceValue(k) === value) ?? value) : value;
}

function matches(label: string, typed: string): boolean {
  return !typed || label.toLowerCase().includes(typed.trim().toLowerCase());
}

/** A driver's laps to strike, fastest first; laps already struck say so. */
export function lapChoices(
  laps: readonly Lap[],
  struck: ReadonlySet<string>,
  typed: string,
): ApplicationCommandOptionChoiceData<string>[] {
  return laps
    .map((l) => ({
      name: `${lapLabel(l)}${struck.has(l.lapKey) ? ' · struck' : ''}`.slice(0, 100),
      value: choiceValue(l.lapKey),
    }))
    .filter((c) => matches(c.name, typed))
    .slice(0, 25);
}

/** An event's struck laps, to restore one. */
export function struckChoices(
  struck: readonly StruckLap[],
  typed: string,
): ApplicationCommandOptionChoiceData<string>[] {
  return struck
    .map((s) => ({
      name: `${s.driverName} ${formatLapTime(s.lapTimeMs)} · ${s.reason}`.slice(0, 100),
      value: choiceValue(s.lapKey),
    }))
    .filter((c) => matches(c.name, typed))
    .slice(0, 25);
}
