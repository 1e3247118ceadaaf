import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Clock } from '../app/ports';
import type { League } from '../app/League';
import type { SeasonConfig } from '../domain/season/season';
import type { BackgroundTask } from '../app/runtime/TaskRunner';
import type { StewardingState } from '../app/stewarding/StewardingState';
import type { IdentityState } from '../app/identity/IdentityState';
import type { DiscordBot } from '../adapters/discord/DiscordBot';
import { Stewarding } from '../app/stewarding/Stewarding';
import { AuditPublisher } from '../app/stewarding/AuditPublisher';
import { DriverLinks } from '../app/identity/DriverLinks';
import { Notifier } from '../app/identity/Notifier';
import { actorMention, auditText, stewardingAnnouncement } from '../domain/stewarding/auditText';
import { escapeMarkdown } from '../domain/text/discordText';
import { eventTitle } from '../domain/season/eventTitle';

export interface StewardingWiring {
  stewarding: Stewarding;
  links: DriverLinks;
  /** With Discord: DMs to opted-in members. */
  notifier: Notifier | undefined;
  /** Post what is new in the audit trail (after the CLI changed something). */
  publish: () => void;
  /** With Discord: the audit trail to the admin channel, notifications by DM. Start after Discord. */
  tasks: BackgroundTask[];
}

export interface StewardingContext {
  league: League;
  stewardingState: StewardingState;
  identity: IdentityState;
  season: () => SeasonConfig;
  clock: Clock;
  log: Logger;
  /** Undefined without DISCORD_TOKEN: decisions are recorded, nothing is posted. */
  discord: DiscordBot | undefined;
  /** Linked names changed (DRIVER_NAMES=discord): every output follows. */
  namesChanged(): void;
}

/** Stewarding and driver identity: the use cases, and how they reach Discord. */
export function wireStewarding(config: Config, ctx: StewardingContext): StewardingWiring {
  const log = ctx.log.child({ task: 'stewarding' });
  const audit = ctx.discord ? auditPublisher(config, ctx, ctx.discord, log) : undefined;
  const recorded = () => void audit?.publish();
  const stewarding = new Stewarding({
    league: ctx.league,
    state: ctx.stewardingState,
    season: ctx.season,
    clock: ctx.clock,
    log,
    recorded,
  });
  const links = new DriverLinks({
    identity: ctx.identity,
    audit: ctx.stewardingState,
    clock: ctx.clock,
    log,
    recorded,
    namesChanged: () => {
      if (config.DRIVER_NAMES === 'discord') ctx.namesChanged();
    },
  });
  const tasks: BackgroundTask[] = [];
  if (audit) {
    tasks.push({
      name: 'audit-trail',
      trigger: 'stewarding and link actions',
      start: () => audit.start(),
      stop: () => audit.publish(),
    });
  }
  const discord = ctx.discord;
  const notifier = discord
    ? new Notifier({
        league: ctx.league,
        season: ctx.season,
        links,
        clock: ctx.clock,
        log: ctx.log.child({ task: 'notifications' }),
        dm: (userId, content) => discord.dm(userId, content),
        intervalMs: config.NOTIFY_INTERVAL_S * 1000,
      })
    : undefined;
  if (notifier) {
    tasks.push({
      name: 'notifications',
      trigger: 'leaderboard changes of the running event',
      start: () => notifier.start(),
      stop: () => notifier.stop(),
    });
  }
  return { stewarding, links, notifier, publish: recorded, tasks };
}

/** The audit trail in ADMIN_CHANNEL_ID (and stewarding news in the public one); none without that channel. */
function auditPublisher(
  config: Config,
  ctx: StewardingContext,
  discord: DiscordBot,
  log: Logger,
): AuditPublisher | undefined {
  const adminChannel = config.ADMIN_CHANNEL_ID;
  if (!adminChannel) {
    log.warn(
      'ADMIN_CHANNEL_ID is not set: stewarding actions are recorded (npm run cli -- audit) but not posted, and members cannot ask for /link',
    );
    return undefined;
  }
  const names = {
    eventTitle: (id: string) => eventTitle(ctx.season(), id),
    seasonName: (id: string) => ctx.season().seasons.find((s) => s.id === id)?.name ?? id,
  };
  const publicChannel = config.ANNOUNCE_STEWARDING ? config.ANNOUNCE_CHANNEL_ID : undefined;
  return new AuditPublisher({
    state: ctx.stewardingState,
    log,
    toAdmins: (e) => discord.send(adminChannel, auditText(e, { ...names, who: actorMention, text: escapeMarkdown })),
    toPublic: publicChannel
      ? (e) => discord.send(publicChannel, stewardingAnnouncement(e, names.eventTitle, names.seasonName))
      : undefined,
  });
}
