import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord.js';
import type { Command } from '../src/adapters/discord/command';
import { eventChoices } from '../src/adapters/discord/eventChoices';
import { seasonChoices } from '../src/adapters/discord/seasonChoices';
import { driverChoices } from '../src/adapters/discord/driverChoices';
import { actorOf } from '../src/adapters/discord/memberOf';
import { actorMention } from '../src/domain/stewarding/auditText';
import { escapeMarkdown, inlineCode } from '../src/domain/text/discordText';
import { eventTitle } from '../src/domain/season/eventTitle';
import type { ExclusionScope } from '../src/domain/stewarding/types';

const S = ApplicationCommandOptionType;
const str = (
  name: string,
  description: string,
  required: boolean,
  more: { autocomplete?: true; max_length?: number } = {},
) => ({ type: ApplicationCommandOptionType.String as const, name, description, required, ...more });
// Discord wants required options first: exclude needs a reason, include takes one if given.
const options = (reasonRequired: boolean) => [
  str('driver', 'Steam GUID or the name acServer shows', true, { autocomplete: true, max_length: 100 }),
  ...(reasonRequired ? [str('reason', 'Why (kept in the audit trail)', true, { max_length: 300 })] : []),
  str('event', 'Only this event', false, { autocomplete: true }),
  str('season', 'The whole season', false, { autocomplete: true }),
  ...(reasonRequired ? [] : [str('reason', 'Why (optional, kept in the audit trail)', false, { max_length: 300 })]),
];

/** Exclude a driver from an event or a season (none of their laps count), or include them again. */
export const driver: Command = {
  data: {
    name: 'driver',
    description: 'Exclude a driver from an event or a season, or include them again (admins)',
    default_member_permissions: String(PermissionFlagsBits.ManageGuild),
    dm_permission: false,
    options: [
      {
        type: S.Subcommand,
        name: 'exclude',
        description: 'None of their laps count in the event or season (they stay stored)',
        options: options(true),
      },
      { type: S.Subcommand, name: 'include', description: 'Their laps count again', options: options(false) },
    ],
  },
  admin: true,
  ephemeral: true,
  async execute(interaction, { stewarding, season }) {
    const eventId = interaction.options.getString('event');
    const seasonId = interaction.options.getString('season');
    if (!eventId === !seasonId) return { content: 'Pick either an `event` or a `season` (one of the two).' };
    const scope: ExclusionScope = eventId ? { kind: 'event', eventId } : { kind: 'season', seasonId: seasonId! };
    const where = eventId
      ? escapeMarkdown(eventTitle(season(), eventId))
      : `season ${escapeMarkdown(season().seasons.find((s) => s.id === seasonId)?.name ?? seasonId!)}`;
    const input = {
      scope,
      driver: interaction.options.getString('driver', true),
      reason: interaction.options.getString('reason') ?? '',
      by: actorOf(interaction),
    };
    const exclude = interaction.options.getSubcommand() === 'exclude';
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
  async autocomplete(interaction, { season, league, stewarding }) {
    const focused = interaction.options.getFocused(true);
    const typed = String(focused.value);
    if (focused.name === 'event') return eventChoices(season(), typed);
    if (focused.name === 'season') return seasonChoices(season(), typed);
    const eventId = interaction.options.getString('event') ?? (await league.currentEventId());
    const seasonId = interaction.options.getString('season');
    if (interaction.options.getSubcommand() === 'include') {
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
};
