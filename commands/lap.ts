import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord.js';
import type { CommandDeps } from '../src/adapters/discord/command';
import type { CommandDefinition } from '../src/adapters/discord/commandOptions';
import { defineCommand } from '../src/adapters/discord/defineCommand';
import { eventChoices } from '../src/adapters/discord/eventChoices';
import { driverChoices } from '../src/adapters/discord/driverChoices';
import { lapChoices, lapFromChoice, struckChoices } from '../src/adapters/discord/lapChoices';
import { actorOf } from '../src/adapters/discord/memberOf';
import { actorMention } from '../src/domain/stewarding/auditText';
import { strikableLaps } from '../src/domain/stewarding/pickLap';
import { escapeMarkdown, inlineCode } from '../src/domain/text/discordText';
import { eventTitle } from '../src/domain/season/eventTitle';
import { formatLapTime } from '../src/domain/leaderboard/formatLapTime';
import type { StruckLap } from '../src/domain/stewarding/types';

const S = ApplicationCommandOptionType;
const event = <const R extends boolean>(required: R) =>
  ({
    type: S.String,
    name: 'event',
    description: required ? 'The event' : 'The event (default: the current one)',
    required,
    autocomplete: true,
  }) as const;
const reason = <const R extends boolean>(required: R) =>
  ({
    type: S.String,
    name: 'reason',
    description: required ? 'Why (kept in the audit trail)' : 'Why (optional, kept in the audit trail)',
    required,
    max_length: 300,
  }) as const;

/** Stewarding of laps: strike one so it no longer counts, restore it, list what is struck. */
const data = {
  name: 'lap',
  description: 'Strike a lap so it stops counting, restore it, list struck laps (admins)',
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  dm_permission: false,
  options: [
    {
      type: S.Subcommand,
      name: 'strike',
      description: "Make a lap stop counting (it stays stored); the driver's next best lap takes its place",
      options: [
        event(true),
        {
          type: S.String,
          name: 'driver',
          description: 'A driver of that event',
          required: true,
          autocomplete: true,
          max_length: 100,
        },
        reason(true),
        {
          type: S.String,
          name: 'lap',
          description: 'Which lap (default: their best)',
          required: false,
          autocomplete: true,
          max_length: 100,
        },
      ],
    },
    {
      type: S.Subcommand,
      name: 'restore',
      description: 'Make a struck lap count again',
      options: [
        event(true),
        {
          type: S.String,
          name: 'lap',
          description: 'The struck lap',
          required: true,
          autocomplete: true,
          max_length: 100,
        },
        reason(false),
      ],
    },
    {
      type: S.Subcommand,
      name: 'list',
      description: "An event's struck laps and excluded drivers",
      options: [event(false)],
    },
  ],
} as const satisfies CommandDefinition;

export const lap = defineCommand(data, {
  admin: true,
  ephemeral: true,
  async execute(interaction, deps, options) {
    const { stewarding, league, season } = deps;
    const eventId = options.event ?? (await league.currentEventId());
    if (!eventId || !league.event(eventId))
      return {
        content: eventId
          ? `Unknown event ${inlineCode(eventId)}. Pick one from the list as you type.`
          : 'No event is running: pick one.',
      };
    const title = escapeMarkdown(eventTitle(season(), eventId));
    if (options.subcommand === 'list') return { content: await listDecisions(deps, eventId, title) };
    if (options.subcommand === 'strike') {
      const driver = options.driver;
      const typed = options.lap;
      const keys = (await league.storedLaps(eventId)).map((l) => l.lapKey);
      const out = await stewarding.strike({
        eventId,
        driver,
        lap: typed ? lapFromChoice(typed, keys) : undefined,
        reason: options.reason,
        by: actorOf(interaction),
      });
      if (out.status === 'refused') return { content: `Nothing struck: ${out.message}.` };
      if (out.status === 'already') return { content: `That lap is already struck (${described(out.value)}).` };
      return {
        content: `Struck ${lapText(out.value)} in ${title}: it no longer counts, their next best lap takes its place. Reason: ${escapeMarkdown(out.value.reason)}`,
      };
    }
    const struck = await stewarding.decisions(eventId);
    const lapKey = lapFromChoice(
      options.lap,
      struck.struck.map((s) => s.lapKey),
    );
    const out = await stewarding.restore({
      eventId,
      lapKey,
      reason: options.reason,
      by: actorOf(interaction),
    });
    if (out.status !== 'done')
      return { content: `Nothing restored: ${out.status === 'refused' ? out.message : 'already restored'}.` };
    return { content: `Restored ${lapText(out.value)} in ${title}: it counts again.` };
  },
  async autocomplete(_interaction, { league, season, stewarding }, { options, focused }) {
    const typed = focused.value;
    if (focused.name === 'event') return eventChoices(season(), typed);
    const eventId = options.event;
    if (!eventId || !league.event(eventId)) return [];
    if (focused.name === 'driver') return driverChoices(await league.eventDrivers(eventId), typed);
    const decisions = await stewarding.decisions(eventId);
    if (options.subcommand === 'restore') return struckChoices(decisions.struck, typed);
    const driver = options.subcommand === 'strike' ? options.driver : undefined;
    if (!driver) return [];
    const struck = new Set(decisions.struck.map((s) => s.lapKey));
    return lapChoices(strikableLaps(await league.storedLaps(eventId), driver), struck, typed);
  },
});

function lapText(s: StruckLap): string {
  return `**${escapeMarkdown(s.driverName || s.driverGuid)}**'s ${formatLapTime(s.lapTimeMs)} (${inlineCode(s.lapKey)})`;
}

function described(s: StruckLap): string {
  return `by ${actorMention(s.by)} at ${s.at.slice(0, 16).replace('T', ' ')} UTC: ${escapeMarkdown(s.reason)}`;
}

async function listDecisions(deps: CommandDeps, eventId: string, title: string): Promise<string> {
  const { struck, excluded } = await deps.stewarding.decisions(eventId);
  const lines = [`**Stewarding in ${title}**`];
  if (struck.length === 0 && excluded.length === 0) lines.push('Nothing struck, nobody excluded.');
  for (const s of struck) lines.push(`🚩 ${lapText(s)} ${described(s)}`);
  for (const e of excluded)
    lines.push(
      `⛔ **${escapeMarkdown(e.driverName || e.driverGuid)}** (${inlineCode(e.driverGuid)}) excluded from the ${e.scope.kind} by ${actorMention(e.by)}: ${escapeMarkdown(e.reason)}`,
    );
  let out = '';
  for (const [i, line] of lines.entries()) {
    if (out.length + line.length + 40 > 2000)
      return `${out}\n…and ${lines.length - i} more (npm run cli -- struck ${eventId})`;
    out = out ? `${out}\n${line}` : line;
  }
  return out;
}
