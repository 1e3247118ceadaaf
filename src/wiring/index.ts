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
import { agentHolder, changePublisher, wireAgent, wireBotFollower } from './hosts';
import { agentHandlers } from './agentHandlers';
import type { RemoteServers } from '../app/hosts/RemoteServers';
import { eventAnnouncer } from '../app/posts/eventAnnouncements';
import { QuietCollector } from '../lib/QuietCollector';

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
  const role = config.ROLE;
  // An agent (ROLE=agent) never talks to Discord: the bot posts what it stores.
  const discord =
    role === 'agent'
      ? undefined
      : wireDiscord(config, { state, clock, log }, { fast: opts.fastDiscord, onFatal: opts.onFatal });
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
  // Several hosts (docs/multi-server.md): agents and the bot meet in DynamoDB, never directly.
  // The AWS SDK is loaded only here and by a DynamoDB store: a single-host SQLite bot never loads it.
  const hostTables = role === 'all' ? undefined : (await import('./hostTables')).openHostTables(config);
  const publisher =
    hostTables && role === 'agent' ? changePublisher(config, hostTables, { league, clock, log }) : undefined;
  const servers =
    role === 'bot'
      ? undefined
      : await wireServers(config, core.servers, {
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
          currentEventChanged: publisher && (async (eventId) => void (eventId && publisher.currentEvent(eventId))),
          afterBurst: new QuietCollector({ log: log.child({ task: 'ingest' }) }),
        });
  // The default server (the first): the single-server fields of RunningBot and CommandDeps.
  const server = servers?.all[0];
  if (role === 'agent' && servers && servers.all.length > 1)
    throw new Error(
      `ROLE=agent runs one acServer (SERVER_ID=${config.SERVER_ID}), but servers.json declares ${servers.all.length}: ` +
        'run one agent per acServer, each with its own SERVER_ID, AC_SERVER_DIR and DATA_DIR (docs/multi-server.md)',
    );
  const agent =
    hostTables && publisher && server
      ? wireAgent(config, hostTables, {
          publisher,
          serverIds: [config.SERVER_ID],
          handlers: agentHandlers({
            serverId: config.SERVER_ID,
            rotation: server.rotation.service,
            acPlugin: server.acPlugin.link,
            season: currentSeason,
          }),
          clock,
          log,
          onLost: (serverId) =>
            opts.onFatal?.(new Error(`another agent took over server "${serverId}": this agent stops driving it`)),
        })
      : undefined;
  const follower =
    hostTables && role === 'bot'
      ? wireBotFollower(config, hostTables, {
          league,
          state: store,
          season: currentSeason,
          clock,
          log,
          announce: eventAnnouncer({
            state,
            send: discord?.announce,
            season: currentSeason,
            refreshPosts: refreshAll,
            log: log.child({ task: 'event-watcher' }),
          }),
        })
      : undefined;
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
        rotation: server?.rotation.service,
        acPlugin: server?.acPlugin.link,
        remoteServers: follower?.remote,
        ...(servers && servers.all.length > 1
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
  for (const task of servers?.tasks.first ?? []) tasks.add(task);
  tasks.add(seasonConfigTask(config, season, refreshAll));
  tasks.add(outputFilesTask(config, { league, standings, log: log.child({ task: 'output-files' }) }));
  // Before ingest, so it stops after ingest and writes the standings of the last files.
  tasks.add(standingsTask(standings));
  // Before ingest: they stop after it, so the last laps reach the change log before the leases go.
  for (const task of agent?.tasks ?? []) tasks.add(task);
  if (follower) tasks.add(follower.task);
  for (const task of servers?.tasks.feeds ?? []) tasks.add(task);
  tasks.add(cliChangesTask(config, { league, publishAudit: steward.publish, log: log.child({ task: 'ingest' }) }));
  // The read-only website stops before ingest and the store, so no page reads a closed store.
  if (web) tasks.add(web.task);
  // Last: at shutdown the rotation stops first, waiting for one in progress.
  for (const task of servers?.tasks.last ?? []) tasks.add(task);

  try {
    await agent?.claim(); // before any task touches the server: a second agent for it stops here
  } catch (err) {
    hostTables?.close();
    await store.close();
    throw err;
  }
  await logRole(config, log, follower?.remote);
  await tasks.startAll();

  let stopping: Promise<void> | undefined;
  return {
    league,
    store,
    state,
    season,
    get watcher() {
      return onThisHost(server).watcher;
    },
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
    get rotation() {
      return onThisHost(server).rotation;
    },
    get acPlugin() {
      return onThisHost(server).acPlugin;
    },
    get servers() {
      return onThisHost(servers);
    },
    steward,
    webUrl: () => web?.url(),
    stop: () =>
      (stopping ??= (async () => {
        await tasks.stopAll();
        await store.close();
      })()),
  };
}

/** The acServer pieces exist only where acServer runs: ROLE=bot has none. */
function onThisHost<T>(server: T | undefined): T {
  if (!server) throw new Error('ROLE=bot runs no acServer: its servers run on the agents');
  return server;
}

/** One line at start-up naming the role and its servers, so a log says at once what the process is. */
async function logRole(config: Config, log: Logger, remote: RemoteServers | undefined): Promise<void> {
  const { ROLE: role, SERVER_ID: serverId } = config;
  if (role === 'all') log.info({ role }, 'role all: one process (ingest, rotation, plugin link, Discord)');
  else if (role === 'agent') {
    const agentId = agentHolder(config).agentId;
    log.info(
      { role, servers: [serverId], agentId },
      `role agent: runs server ${serverId} as agent ${agentId} (ingest, rotation, plugin link; no Discord)`,
    );
  } else {
    const servers = (await remote?.list().catch(() => []))?.map((s) => s.id) ?? [];
    log.info(
      { role, servers },
      `role bot: Discord posts and commands for the servers the agents run (${servers.join(', ') || 'none claimed yet'})`,
    );
  }
}
