import os from 'node:os';
import type { CliContext, CliIo } from './runCli';
import type { StewardOutcome } from '../app/stewarding/Stewarding';
import type { Actor, ExclusionScope } from '../domain/stewarding/types';
import { auditText } from '../domain/stewarding/auditText';
import { eventTitle } from '../domain/season/eventTitle';
import { formatLapTime } from '../domain/leaderboard/formatLapTime';
import { signalChangedEvents } from '../adapters/files/changeSignal';

export interface StewardOpts {
  json: boolean;
  event?: string;
  season?: string;
  reason?: string;
  lap?: string;
  limit?: string;
  /** Who is at the terminal (cliUser). */
  by: string;
}

/** The person at the terminal, as the audit trail names them: $USER (or $LOGNAME), else the OS account. */
export function cliUser(env: NodeJS.ProcessEnv): string {
  const named = env.USER?.trim() || env.LOGNAME?.trim();
  if (named) return named;
  try {
    return os.userInfo().username || 'cli';
  } catch {
    return 'cli'; // no passwd entry (some containers)
  }
}

function cliActor(opts: StewardOpts): Actor {
  return { kind: 'cli', id: opts.by, name: opts.by };
}

/** `strike <eventId> <driver> --reason TEXT [--lap KEY|m:ss.mmm]` */
export async function strikeCommand(ctx: CliContext, args: string[], opts: StewardOpts, io: CliIo): Promise<number> {
  const [eventId, driver] = args;
  if (!eventId || !driver) return usage(io, 'strike <eventId> <driver> --reason TEXT [--lap KEY|m:ss.mmm]');
  const out = await ctx.stewarding.strike({
    eventId,
    driver,
    lap: opts.lap,
    reason: opts.reason ?? '',
    by: cliActor(opts),
  });
  return report(
    ctx,
    out,
    [eventId],
    opts,
    io,
    (s) => `${formatLapTime(s.lapTimeMs)} of ${s.driverName} (${s.lapKey}) in ${eventId}`,
  );
}

/** `restore <eventId> <lapKey|driver> [--reason TEXT]` */
export async function restoreCommand(ctx: CliContext, args: string[], opts: StewardOpts, io: CliIo): Promise<number> {
  const [eventId, what] = args;
  if (!eventId || !what) return usage(io, 'restore <eventId> <lapKey|driver> [--reason TEXT]');
  const struck = await ctx.stewarding.decisions(eventId);
  const isKey = struck.struck.some((s) => s.lapKey === what);
  const out = await ctx.stewarding.restore({
    eventId,
    ...(isKey ? { lapKey: what } : { driver: what }),
    reason: opts.reason,
    by: cliActor(opts),
  });
  return report(
    ctx,
    out,
    [eventId],
    opts,
    io,
    (s) => `${formatLapTime(s.lapTimeMs)} of ${s.driverName} (${s.lapKey}) in ${eventId}`,
  );
}

/** `exclude <driver> (--event ID | --season ID) --reason TEXT` and `include <driver> (--event ID | --season ID)` */
export async function exclusionCommand(
  ctx: CliContext,
  kind: 'exclude' | 'include',
  args: string[],
  opts: StewardOpts,
  io: CliIo,
): Promise<number> {
  const [driver] = args;
  if (!driver || !opts.event === !opts.season)
    return usage(
      io,
      `${kind} <driver> (--event ID | --season ID)${kind === 'exclude' ? ' --reason TEXT' : ' [--reason TEXT]'}`,
    );
  const scope: ExclusionScope = opts.event
    ? { kind: 'event', eventId: opts.event }
    : { kind: 'season', seasonId: opts.season! };
  const input = { scope, driver, reason: opts.reason ?? '', by: cliActor(opts) };
  const out = kind === 'exclude' ? await ctx.stewarding.exclude(input) : await ctx.stewarding.include(input);
  const events = opts.event
    ? [opts.event]
    : (ctx.season
        .current()
        .seasons.find((s) => s.id === opts.season)
        ?.events.map((e) => e.id) ?? []);
  return report(
    ctx,
    out,
    events,
    opts,
    io,
    (e) => `${e.driverName || e.driverGuid} (${e.driverGuid}) in ${scope.kind} ${opts.event ?? opts.season}`,
  );
}

/** `struck [eventId]`: an event's struck laps and excluded drivers (default: the current event). */
export async function struckCommand(ctx: CliContext, args: string[], opts: StewardOpts, io: CliIo): Promise<number> {
  const eventId = args[0] ?? (await ctx.league.currentEventId());
  if (!eventId || !ctx.league.event(eventId)) {
    io.err(
      eventId
        ? `unknown event "${eventId}": run \`npm run cli -- events\` to list the event ids`
        : 'no event given and no current event',
    );
    return 1;
  }
  const d = await ctx.stewarding.decisions(eventId);
  if (opts.json) io.out(JSON.stringify({ eventId, ...d }, null, 2));
  else {
    if (d.struck.length === 0 && d.excluded.length === 0) io.out(`${eventId}: nothing struck, nobody excluded`);
    for (const s of d.struck)
      io.out(
        `struck    ${s.lapKey}  ${s.driverName}  ${formatLapTime(s.lapTimeMs)}  by ${s.by.kind}:${s.by.id} at ${s.at}: ${s.reason}`,
      );
    for (const e of d.excluded)
      io.out(
        `excluded  ${e.driverGuid}  ${e.driverName}  (${e.scope.kind})  by ${e.by.kind}:${e.by.id} at ${e.at}: ${e.reason}`,
      );
  }
  return 0;
}

/** `audit [--event ID] [--season ID] [--limit N]`: the audit trail, oldest first. */
export async function auditCommand(ctx: CliContext, opts: StewardOpts, io: CliIo): Promise<number> {
  const limit = opts.limit === undefined ? Infinity : Number(opts.limit);
  if (!(limit > 0)) return usage(io, 'audit [--event ID] [--season ID] [--limit N] [--json]');
  const entries = (await ctx.stewarding.audit())
    .filter(
      (e) =>
        (!opts.event || e.eventId === opts.event) &&
        (!opts.season || e.seasonId === opts.season || ctx.league.event(e.eventId ?? '')?.seasonId === opts.season),
    )
    .slice(-limit);
  if (opts.json) {
    io.out(JSON.stringify(entries, null, 2));
    return 0;
  }
  const config = ctx.season.current();
  const names = {
    eventTitle: (id: string) => eventTitle(config, id),
    seasonName: (id: string) => config.seasons.find((s) => s.id === id)?.name ?? id,
    who: (a: Actor) => `${a.kind}:${a.id}${a.name && a.name !== a.id ? ` (${a.name})` : ''}`,
    member: (id: string) => id,
  };
  if (entries.length === 0) io.out('the audit trail is empty');
  for (const e of entries) io.out(`${e.at}  ${auditText(e, names).replace(/\*\*|`/g, '')}`);
  return 0;
}

async function report<T>(
  ctx: CliContext,
  out: StewardOutcome<T>,
  eventIds: string[],
  opts: StewardOpts,
  io: CliIo,
  what: (v: T) => string,
): Promise<number> {
  if (out.status === 'done') {
    // Files here, then the running bot (its posts, website, and the audit line in the admin channel).
    await ctx.league.flush();
    await ctx.standings.flush();
    await signalChangedEvents(ctx.config.dataDir, eventIds, ctx.clock.now());
  }
  if (opts.json) io.out(JSON.stringify(out, null, 2));
  else if (out.status === 'refused') io.err(`nothing changed: ${out.message}`);
  else io.out(`${out.status === 'done' ? out.entry.action : 'already'}: ${what(out.value)}`);
  return out.status === 'refused' ? 1 : 0;
}

function usage(io: CliIo, text: string): number {
  io.err(`usage: npm run cli -- ${text}`);
  return 1;
}
