import type { Client } from 'discord.js';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { systemClock, type Clock, type Store } from '../app/ports';
import type { BotState } from '../app/runtime/BotState';
import type { League } from '../app/League';
import type { PostKeeper } from '../app/posts/PostKeeper';
import { TaskRunner } from '../app/runtime/TaskRunner';
import { Standings } from '../app/standings/Standings';
import type { SeasonConfigFile } from '../adapters/files/SeasonConfigFile';
import type { ResultsWatcher } from '../adapters/files/ResultsWatcher';
import { secureDataDir } from '../adapters/files/secureDataDir';
import { lazyPointsChart } from '../adapters/chart/lazyPointsChart';
import { eventPageUrl } from '../web/urls';
import { openLeague } from './store';
import { serveCommands, wireDiscord, type DiscordOptions } from './discord';
import { wirePosts } from './posts';
import { wireStewarding, type StewardingWiring } from './stewarding';
import { postServers, wireServers, type ServersWiring } from './servers';
import type { RotationWiring } from './rotation';
import type { AcPluginWiring } from './acPlugin';
import { cliChangesTask, seasonConfigTask, standingsTask } from './tasks';
import { outputFilesTask } from './outputFilesTask';
import { webTask } from './web';

export interface RunningBot {
  league: League;
  store: Store;
  state: BotState;
  season: SeasonConfigFile;
  watcher: ResultsWatcher;
  tasks: TaskRunner;
  /** Undefined without DISCORD_TOKEN. */
  discord: { posts: PostKeeper; refreshPosts(): void; whenReady(): Promise<void>; readonly client: Client } | undefined;
  standings: Standings;
  /** /rotate's service, the rotation cron task and the acServer control (of the default server). */
  rotation: RotationWiring;
  /** Every acServer of this host, each with its own watcher, rotation and plugin link (servers.json). */
  servers: ServersWiring;
  /** The acServer UDP plugin link (live laps, /kickall, results flush); empty when off. */
  acPlugin: AcPluginWiring;
  /** Stewarding (struck laps, exclusions, the audit trail) and driver identity (links, notifications). */
  steward: StewardingWiring;
  /** The website's address once it listens (WEB_ENABLED); undefined when off or not started. */
  webUrl(): string | undefined;
  /** Finish the file being ingested, flush pending posts, stop every task, close the store. */
  stop(): Promise<void>;
}

export interface StartOptions {
  clock?: Clock;
  /** Tests: instant gateway identify, short debounce. */
  fastDiscord?: boolean;
  /** Discord refused the token: the entry point stops the process with an error (see main.ts). */
  onFatal?: DiscordOptions['onFatal'];
}

/**
 * The composition root: every adapter and use case of the bot, built in dependency order, and the
 * background tasks in start order (they stop in reverse). A second acServer instance is one more
 * `wireServer` entry; the website is the `web` task.
 */
export async function startBot(config: Config, log: Logger, opts: StartOptions = {}): Promise<RunningBot> {
  const clock = opts.clock ?? systemClock;
  const core = await openLeague(config, log, clock);
  const { store, state, league, season } = core;
  const currentSeason = () => season.current();
  await secureDataDir(config.dataDir, log.child({ component: 'files' }));
  const discord = wireDiscord(config, { state, clock, log }, { fast: opts.fastDiscord, onFatal: opts.onFatal });
  // Task errors also go to the admin channel, when there is one.
  const alertAdmins = (text: string) => discord?.alertAdmins(text);
  const tasks = new TaskRunner(log.child({ component: 'tasks' }), (task, message) =>
    alertAdmins(`⚠️ **${task}**: ${message}`),
  );
  const standings = new Standings({
    league,
    state,
    season: currentSeason,
    dataDir: config.dataDir,
    outputs: core.outputs,
    log: log.child({ task: 'standings' }),
  });
  const { refreshAll } = wirePosts(config, {
    league,
    standings,
    season: currentSeason,
    tasks,
    chart: lazyPointsChart,
    log,
    posts: discord?.posts,
    servers: postServers(core.servers, currentSeason, clock),
  });
  const steward = wireStewarding(config, {
    league,
    stewardingState: core.stewarding,
    identity: core.identity,
    season: currentSeason,
    clock,
    log,
    discord: discord?.bot,
    namesChanged: refreshAll,
  });
  const servers = await wireServers(config, core.servers, {
    league,
    state,
    season: currentSeason,
    clock,
    log,
    tasks,
    currentEventFile: core.currentEventFile,
    alertAdmins,
    announce: discord?.announce,
    refreshAll,
  });
  // The default server (the first): the single-server fields of RunningBot and CommandDeps.
  const server = servers.all[0]!;
  const web = config.WEB_ENABLED
    ? webTask(config, {
        league,
        standings,
        season: currentSeason,
        store,
        state,
        clock,
        log: log.child({ component: 'web' }),
      })
    : undefined;

  if (discord) {
    const adminChannel = config.ADMIN_CHANNEL_ID;
    serveCommands(
      config,
      discord,
      {
        league,
        state,
        season: currentSeason,
        clock,
        log: log.child({ task: 'discord' }),
        refreshPosts: refreshAll,
        skipPreseason: config.SKIP_PRESEASON,
        standings,
        chart: lazyPointsChart,
        rotation: server.rotation.service,
        acPlugin: server.acPlugin.link,
        ...(servers.all.length > 1
          ? {
              servers: servers.all.map((s) => ({
                id: s.server.id,
                name: s.server.name,
                rotation: s.rotation.service,
                acPlugin: s.acPlugin.link,
              })),
            }
          : {}),
        eventPageUrl: (eventId) => eventPageUrl(config.WEB_PUBLIC_URL, eventId),
        stewarding: steward.stewarding,
        links: steward.links,
        notifyIntervalMs: config.NOTIFY_INTERVAL_S * 1000,
        postToAdmins: adminChannel ? (body) => discord.bot.post(adminChannel, body) : undefined,
      },
      log,
    );
    discord.bot.listen({ ready: refreshAll });
    tasks.add(discord.task);
  }
  // After Discord: they stop first, so their last posts and DMs go out before the client closes.
  for (const task of steward.tasks) tasks.add(task);
  for (const task of servers.tasks.first) tasks.add(task);
  tasks.add(seasonConfigTask(config, season, refreshAll));
  tasks.add(outputFilesTask(config, { league, standings, log: log.child({ task: 'output-files' }) }));
  // Before ingest, so it stops after ingest and writes the standings of the last files.
  tasks.add(standingsTask(standings));
  for (const task of servers.tasks.feeds) tasks.add(task);
  tasks.add(cliChangesTask(config, { league, publishAudit: steward.publish, log: log.child({ task: 'ingest' }) }));
  // The read-only website stops before ingest and the store, so no page reads a closed store.
  if (web) tasks.add(web.task);
  // Last: at shutdown the rotation stops first, waiting for one in progress.
  for (const task of servers.tasks.last) tasks.add(task);

  await tasks.startAll();

  let stopping: Promise<void> | undefined;
  return {
    league,
    store,
    state,
    season,
    watcher: server.watcher,
    tasks,
    discord: discord && {
      posts: discord.posts,
      refreshPosts: refreshAll,
      whenReady: () => discord.bot.whenReady(),
      get client() {
        return discord.bot.client;
      },
    },
    standings,
    rotation: server.rotation,
    acPlugin: server.acPlugin,
    servers,
    steward,
    webUrl: () => web?.url(),
    stop: () =>
      (stopping ??= (async () => {
        await tasks.stopAll();
        await store.close();
      })()),
  };
}
