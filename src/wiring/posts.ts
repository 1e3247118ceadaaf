import type { Config } from '../config';
import type { Logger } from '../logger';
import type { League } from '../app/League';
import type { Standings } from '../app/standings/Standings';
import type { TaskRunner } from '../app/runtime/TaskRunner';
import type { PostKeeper } from '../app/posts/PostKeeper';
import type { EventConfig, SeasonConfig } from '../domain/season/season';
import type { SeasonStandings } from '../domain/standings/types';
import { eventTitle } from '../domain/season/eventTitle';
import { renderLeaderboard, pageLink } from '../domain/leaderboard/renderLeaderboard';
import { renderSchedule } from '../domain/season/renderSchedule';
import { prettyCarName } from '../domain/season/prettyCarName';
import type { ChartRenderer } from '../app/ports';
import { standingsMessage } from '../app/posts/standingsMessage';
import { eventPageUrl } from '../web/urls';

export interface PostsContext {
  league: League;
  standings: Standings;
  season: () => SeasonConfig;
  tasks: TaskRunner;
  chart: ChartRenderer;
  log: Logger;
  /** Undefined without Discord: only the files follow. */
  posts: PostKeeper | undefined;
  /** Several servers: posts name them (where each best lap was set, which servers run an event). */
  servers?: PostServers;
}

export interface PostServers {
  /** A lap's server id (undefined = the default server) -> its name. */
  name: (serverId: string | undefined) => string;
  /** The names of the servers an event runs on. */
  ofEvent: (event: EventConfig) => string[];
  /** The event each server runs now (currentEvent files, else the schedule). */
  currentEventIds: () => Promise<string[]>;
}

/**
 * The bot-owned posts (live leaderboard per event, schedule, standings per season) and the one
 * "refresh everything" path: names, the schedule or the current event changed, every output follows.
 */
export function wirePosts(config: Config, ctx: PostsContext): { refreshAll: () => void } {
  const log = ctx.log.child({ task: 'discord' });
  const refreshers: Array<() => Promise<void>> = [];
  if (ctx.posts && config.LEADERBOARD_CHANNEL_ID) {
    refreshers.push(leaderboardPosts(config, ctx, ctx.posts, config.LEADERBOARD_CHANNEL_ID));
  } else if (ctx.posts) {
    log.warn('LEADERBOARD_CHANNEL_ID is not set: the live leaderboard is not posted (slash commands still work)');
  }
  if (ctx.posts && config.SCHEDULE_CHANNEL_ID) {
    refreshers.push(schedulePost(config, ctx, ctx.posts, config.SCHEDULE_CHANNEL_ID));
  }
  if (ctx.posts && config.STANDINGS_CHANNEL_ID) {
    standingsPosts(ctx, ctx.posts, config.STANDINGS_CHANNEL_ID);
  } else if (ctx.posts) {
    log.warn(
      'STANDINGS_CHANNEL_ID is not set: the season standings are not posted (/standings and seasonStandings.json still work)',
    );
  }
  return {
    refreshAll: () => {
      void ctx.league.refreshFiles().catch((err) => ctx.tasks.report('ingest', err, 'rewrite leaderboard files'));
      ctx.standings.refreshAll(); // standings posts follow when their files are written
      for (const r of refreshers) r().catch((err) => ctx.tasks.report('discord', err, 'refresh posts'));
    },
  };
}

/** One live message per event, edited in place as its leaderboard changes (bursts coalesce). */
function leaderboardPosts(config: Config, ctx: PostsContext, posts: PostKeeper, channelId: string) {
  const known = new Set<string>();
  const request = (eventId: string) => {
    known.add(eventId);
    posts.request(`leaderboard:${eventId}`, channelId, async () => ({
      content: renderLeaderboard(await ctx.league.leaderboard(eventId), {
        title: eventTitle(ctx.season(), eventId),
        carName: prettyCarName,
        footer: pageLink(eventPageUrl(config.WEB_PUBLIC_URL, eventId)),
        ...(ctx.servers ? { serverName: ctx.servers.name } : {}),
      }),
    }));
  };
  ctx.league.onLeaderboardChanged({ leaderboardChanged: request });
  // The current event's post and every post touched since start.
  return async () => {
    const current = await ctx.league.currentEventId();
    if (current) known.add(current);
    for (const id of (await ctx.servers?.currentEventIds()) ?? []) known.add(id);
    for (const eventId of known) request(eventId);
  };
}

/** The season schedule: one message, edited when the season config or the current event changes. */
function schedulePost(config: Config, ctx: PostsContext, posts: PostKeeper, channelId: string) {
  return async () =>
    posts.request('schedule', channelId, async () => ({
      content: renderSchedule(ctx.season(), {
        skipPreseason: config.SKIP_PRESEASON,
        activeEventId: await ctx.league.currentEventId(),
        ...(ctx.servers
          ? { activeEventIds: await ctx.servers.currentEventIds(), serverNames: ctx.servers.ofEvent }
          : {}),
      }),
    }));
}

/**
 * One standings message per season, posted once and edited in place (key `standings:<seasonId>`).
 * A season gets a post once it has a result, or while it is the current season, so seasons that
 * have not started do not clutter the channel.
 */
function standingsPosts(ctx: PostsContext, posts: PostKeeper, channelId: string): void {
  const request = (seasonId: string) =>
    posts.request(`standings:${seasonId}`, channelId, async () => {
      const now = await ctx.standings.compute(seasonId);
      return now
        ? await standingsMessage(now, ctx.chart)
        : { content: `Season \`${seasonId}\` is no longer in the season config.` };
    });
  ctx.standings.onChanged((s: SeasonStandings, current: boolean) => {
    if (s.rows.length > 0 || current) request(s.seasonId);
  });
}
