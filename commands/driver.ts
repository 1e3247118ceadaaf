import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord.js';
import type { CommandDefinition } from '../src/adapters/discord/commandOptions';
import { defineCommand } from '../src/adapters/discord/defineCommand';
import { eventChoices } from '../src/adapters/discord/eventChoices';
import { seasonChoices } from '../src/adapters/discord/seasonChoices';
import { driverChoices } from '../src/adapters/discord/driverChoices';
import { actorOf } from '../src/adapters/discord/memberOf';
import { actorMention } from '../src/domain/stewarding/auditText';
import { escapeMarkdown, inlineCode } from '../src/domain/text/discordText';
import { eventTitle } from '../src/domain/season/eventTitle';
import type { ExclusionScope } from '../src/domain/stewarding/types';

const S = ApplicationCommandOptionType;
const str = <const N extends string, const R extends boolean>(
  name: N,
  description: string,
  required: R,
  more: { autocomplete?: true; max_length?: number } = {},
) => ({ type: S.String, name, description, required, ...more }) as const;
const driverOption = str('driver', 'Steam GUID or the name acServer shows', true, {
  autocomplete: true,
  max_length: 100,
});
const eventOption = str('event', 'Only this event', false, { autocomplete: true });
const seasonOption = str('season', 'The whole season', false, { autocomplete: true });

const data = {
  name: 'driver',
  description: 'Exclude a driver from an event or a season, or include them again (admins)',
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  dm_permission: false,
  options: [
    {
      type: S.Subcommand,
      name: 'exclude',
      description: 'None of their laps count in the event or season (they stay stored)',
      // Discord wants required options first: exclude needs a reason, include takes one if given.
      options: [
        driverOption,
        str('reason', 'Why (kept in the audit trail)', true, { max_length: 300 }),
        eventOption,
        seasonOption,
      ],
    },
    {
      type: S.Subcommand,
      name: 'include',
      description: 'Their laps count again',
      options: [
        driverOption,
        eventOption,
        seasonOption,
        str('reason', 'Why (optional, kept in the audit trail)', false, { max_length: 300 }),
      ],
    },
  ],
} as const satisfies CommandDefinition;

/** Exclude a driver from an event or a season (none of their laps count), or include them again. */
export const driver = defineCommand(data, {
  admin: true,
  ephemeral: true,
  async execute(interaction, { stewarding, season }, options) {
    const eventId = options.event;
    const seasonId = options.season;
    if (!eventId === !seasonId) return { content: 'Pick either an `event` or a `season` (one of the two).' };
    const scope: ExclusionScope = eventId ? { kind: 'event', eventId } : { kind: 'season', seasonId: seasonId! };
    const where = eventId
      ? escapeMarkdown(eventTitle(season(), eventId))
      : `season ${escapeMarkdown(season().seasons.find((s) => s.id === seasonId)?.name ?? seasonId!)}`;
    const input = {
      scope,
      driver: options.driver,
      reason: options.reason ?? '',
      by: actorOf(interaction),
    };
    const exclude = options.subcommand === 'exclude';
    const out = exclude ? await stewarding.exclude(input) : await stewarding.include(input);
    if (out.status === 'refused') return { content: `Nothing changed: ${out.message}.` };
    const who = `**${escapeMarkdown(out.value.driverName || out.value.driverGuid)}** (${inlineCode(out.value.driverGuid)})`;
    if (out.status === 'already')
      return {
        content: `${who} is already excluded from ${where} (by ${actorMention(out.value.by)}: ${escapeMarkdown(out.value.reason)}).`,
      };
    return {
      content: exclude
        ? `${who} is excluded from ${where}: none of their laps count there. Reason: ${escapeMarkdown(out.value.reason)}`
        : `${who} counts again in ${where}.`,
    };
  },
  async autocomplete(_interaction, { season, league, stewarding }, { options, focused }) {
    const typed = focused.value;
    if (focused.name === 'event') return eventChoices(season(), typed);
    if (focused.name === 'season') return seasonChoices(season(), typed);
    const eventId = options.event ?? (await league.currentEventId());
    const seasonId = options.season;
    if (options.subcommand === 'include') {
      const scope: ExclusionScope | undefined = seasonId
        ? { kind: 'season', seasonId }
        : eventId
          ? { kind: 'event', eventId }
          : undefined;
      return driverChoices(scope ? await stewarding.excluded(scope) : [], typed);
    }
    const events = seasonId
      ? (season()
          .seasons.find((s) => s.id === seasonId)
          ?.events.map((e) => e.id) ?? [])
      : eventId
        ? [eventId]
        : [];
    return driverChoices((await Promise.all(events.map((id) => league.eventDrivers(id)))).flat(), typed);
  },
});
