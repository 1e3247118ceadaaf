import { existsSync } from 'node:fs';
import type { Config } from './config';
import type { Logger } from './logger';
import type { Store } from './app/ports';
import { systemClock, type Clock } from './app/ports';
import type { BotState } from './app/runtime/BotState';
import type { League } from './app/League';
import { TaskRunner } from './app/runtime/TaskRunner';
import { wireLeaderboardPosts } from './app/posts/leaderboardPosts';
import { wireSchedulePost } from './app/posts/schedulePost';
import { Standings } from './app/standings/standings';
import { wireStandingsPosts } from './app/posts/standingsPosts';
import { eventAnnouncer } from './app/posts/eventAnnouncements';
import { WatchedFile } from './adapters/files/WatchedFile';
import { changeSignalPath, readChangedEvents } from './adapters/files/changeSignal';
import { openLeague } from './openLeague';
import { secureDataDir } from './adapters/files/secureDataDir';
import type { SeasonConfigFile } from './adapters/files/SeasonConfigFile';
import { ResultsWatcher } from './adapters/files/resultsWatcher';
import { RetryingStart } from './app/runtime/RetryingStart';
import { outputFilesTask } from './outputFilesTask';
import { readCurrentEventId } from './adapters/files/currentEventFile';
import { DiscordBot } from './adapters/discord/DiscordBot';
import type { RotationService } from './app/rotation/RotationService';
import { loadCommands } from '../commands';
import { wireRotation, type RotationWiring } from './wireRotation';
import { wireAcPlugin, type AcPluginWiring } from './wireAcPlugin';
import type { AcPluginLink } from './app/liveLaps/acPluginLink';
import { webTask } from './web/webTask';
import { eventPageUrl } from './web/urls';
import { wireStewarding, type StewardingWiring } from './wireStewarding';

export interface RunningBot {
  league: League;
  store: Store;
  state: BotState;
  season: SeasonConfigFile;
  watcher: ResultsWatcher;
  tasks: TaskRunner;
  discord: DiscordBot | undefined;
  standings: Standings;
  /** /rotate's service, the rotation cron task and the acServer control. */
  rotation: RotationWiring;
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
  onFatal?: (err: Error) => void;
}

/** Composition root: config -> adapters -> use cases -> background tasks. */
export async function startBot(config: Config, log: Logger, opts: StartOptions = {}): Promise<RunningBot> {
  const clock = opts.clock ?? systemClock;
  const { store, state, season, league, stewarding: stewardingState, identity } = await openLeague(config, log, clock);
  await secureDataDir(config.dataDir, log.child({ component: 'files' }));
  const standings = new Standings({
    league,
    state,
    season: () => season.current(),
    dataDir: config.dataDir,
    log: log.child({ task: 'standings' }),
  });
  // Stopped in reverse order: ingest finishes its file first, then Discord flushes the posts.
  // Task errors also go to the admin channel, when there is one.
  let alertAdmins: (text: string) => void = () => {};
  const tasks = new TaskRunner(log.child({ component: 'tasks' }), (task, message) =>
    alertAdmins(`⚠️ **${task}**: ${message}`),
  );

  let announceLaps: (content: string) => Promise<unknown> = async () => {};
  const acPlugin = await wireAcPlugin(config, {
    league,
    state,
    season: () => season.current(),
    clock,
    log,
    tasks,
    announce: (content) => announceLaps(content),
  });
  const rotation = wireRotation(config, {
    state,
    season: () => season.current(),
    clock,
    log,
    alertAdmins: (text) => alertAdmins(text),
    flusher: acPlugin.flusher,
    kicker: acPlugin.kicker,
  });
  let namesChanged = () => {};
  const steward = wireStewarding(config, {
    league,
    stewardingState,
    identity,
    season: () => season.current(),
    clock,
    log,
    namesChanged: () => namesChanged(),
  });
  const discord = config.DISCORD_TOKEN
    ? createDiscord(
        config,
        log,
        {
          league,
          state,
          season,
          clock,
          tasks,
          standings,
          rotation: rotation.service,
          acPlugin: acPlugin.link,
          steward,
        },
        opts,
      )
    : undefined;
  if (discord && config.ANNOUNCE_CHANNEL_ID) {
    const channelId = config.ANNOUNCE_CHANNEL_ID;
    announceLaps = (content) => discord.send(channelId, content);
  }
  if (discord && config.ADMIN_CHANNEL_ID) {
    const channelId = config.ADMIN_CHANNEL_ID;
    // The same alert at most every 30 minutes: a problem that repeats each minute must not flood the channel.
    const lastSent = new Map<string, number>();
    alertAdmins = (text) => {
      const now = Date.now();
      if (now - (lastSent.get(text) ?? -Infinity) < 30 * 60_000) return;
      lastSent.set(text, now);
      // send() waits for the Discord login: alerts from start-up (an interrupted rotation) or while
      // Discord is unreachable go out once logged in.
      void discord.send(channelId, text);
    };
  }
  // Names, the schedule or the current event changed: every output follows (files, standings, posts).
  const refreshAll = () => {
    void league.refreshFiles().catch((err) => tasks.report('ingest', err, 'rewrite leaderboard files'));
    standings.refreshAll();
    discord?.refreshPosts();
  };
  namesChanged = refreshAll;
  if (config.acServerDirSet && !existsSync(config.AC_SERVER_DIR)) {
    log.warn(
      { dir: config.AC_SERVER_DIR },
      `AC_SERVER_DIR=${config.AC_SERVER_DIR} does not exist: the rotation cannot write acServer's cfg files there${config.RESULTS_DIR ? '' : ' and no results are read'}. Fix AC_SERVER_DIR in .env.`,
    );
  }
  if (!discord) {
    log.warn(
      'Discord posting is off: DISCORD_TOKEN is not set. Ingest and the output files keep working. To post to Discord, set DISCORD_TOKEN (and LEADERBOARD_CHANNEL_ID) in .env and restart.',
    );
  }

  // Before anything else that reads or restarts acServer: finish or undo a rotation a killed bot left.
  tasks.add({
    name: 'rotation-recovery',
    trigger: 'start-up',
    start: async () => void (await rotation.service.recover()),
    stop: async () => {},
  });
  tasks.add({
    name: 'season-config',
    trigger: `watch ${config.seasonConfigPath}`,
    start: (report) =>
      season.watch({
        onChange: () => refreshAll(),
        onInvalid: (message) => report(new Error(message), 'season config reload'),
      }),
    stop: () => season.close(),
  });
  const announce = eventAnnouncer({
    state,
    send:
      discord && config.ANNOUNCE_CHANNEL_ID
        ? (content) => discord.send(config.ANNOUNCE_CHANNEL_ID!, content)
        : undefined,
    season: () => season.current(),
    refreshPosts: () => refreshAll(),
    log: log.child({ task: 'event-watcher' }),
  });
  const currentEvent = new WatchedFile(config.currentEventFile, log.child({ task: 'event-watcher' }), async () =>
    announce(await readCurrentEventId(config.currentEventFile)),
  );
  tasks.add({
    name: 'event-watcher',
    trigger: `watch ${config.currentEventFile}`,
    start: async () => {
      await currentEvent.start();
      // It may have changed while the bot was down; an unreadable file is logged by the watcher's reader.
      await announce(await readCurrentEventId(config.currentEventFile).catch(() => null));
    },
    stop: () => currentEvent.stop(),
  });
  tasks.add(outputFilesTask(config, { league, standings, log: log.child({ task: 'output-files' }) }));
  // Before ingest, so it stops after ingest and writes the standings of the last files.
  tasks.add({
    name: 'standings',
    trigger: 'laps changed, aliases, season config',
    start: (report) => standings.start(report),
    stop: () => standings.flush(),
  });
  const watcher = new ResultsWatcher({
    dir: config.resultsDir,
    settleMs: config.RESULTS_SETTLE_MS,
    maxBytes: config.RESULTS_MAX_MB * 1024 * 1024,
    configuredBy: config.resultsDirSetBy,
    log: log.child({ task: 'ingest' }),
    onFile: (input) => league.onResultsFile(input),
  });
  // A missing or unreadable results folder is retried and reported, never left dead.
  const ingestStart = new RetryingStart(
    'watch the results folder',
    () => watcher.start(),
    log.child({ task: 'ingest' }),
  );
  tasks.add({
    name: 'ingest',
    trigger: `watch ${config.resultsDir}`,
    start: (report) => ingestStart.start(report),
    stop: async () => {
      await ingestStart.stop();
      await watcher.stop();
      await league.flush();
    },
  });
  const cliChanges = new WatchedFile(changeSignalPath(config.dataDir), log.child({ task: 'ingest' }), async () => {
    league.changedElsewhere(await readChangedEvents(config.dataDir));
    steward.publish(); // a stewarding action from the CLI reaches the admin channel too
  });
  tasks.add({
    name: 'cli-changes',
    trigger: `watch ${cliChanges.file}`,
    start: () => cliChanges.start(),
    stop: () => cliChanges.stop(),
  });
  // After ingest, so the plugin socket closes first and no live lap arrives once the store closes.
  if (acPlugin.task) tasks.add(acPlugin.task);
  // The read-only website; stops before ingest and the store, so no page reads a closed store.
  const web = config.WEB_ENABLED
    ? webTask(config, {
        league,
        standings,
        season: () => season.current(),
        store,
        state,
        clock,
        log: log.child({ component: 'web' }),
      })
    : undefined;
  if (web) tasks.add(web.task);
  // Last: the start-up rotation finds ingest and the plugin link up (its results flush needs them),
  // and at shutdown the rotation stops first, waiting for one in progress (also from /rotate).
  for (const task of rotation.tasks) tasks.add(task);
  tasks.add({
    name: 'rotation-guard',
    trigger: '/rotate',
    start: async () => {},
    stop: () => rotation.service.close(),
  });

  await tasks.startAll();

  let stopping: Promise<void> | undefined;
  return {
    league,
    store,
    state,
    season,
    watcher,
    tasks,
    discord,
    standings,
    rotation,
    acPlugin,
    steward,
    webUrl: () => web?.url(),
    stop: () =>
      (stopping ??= (async () => {
        await tasks.stopAll();
        await store.close();
      })()),
  };
}

function createDiscord(
  config: Config,
  log: Logger,
  ctx: {
    league: League;
    state: BotState;
    season: SeasonConfigFile;
    clock: Clock;
    tasks: TaskRunner;
    standings: Standings;
    rotation: RotationService;
    acPlugin?: AcPluginLink;
    steward: StewardingWiring;
  },
  opts: StartOptions,
): DiscordBot {
  const discordLog = log.child({ task: 'discord' });
  const refreshers: Array<() => Promise<void>> = [];
  const discord = new DiscordBot({
    config,
    commands: loadCommands(),
    deps: {
      league: ctx.league,
      state: ctx.state,
      season: () => ctx.season.current(),
      clock: ctx.clock,
      log: discordLog,
      skipPreseason: config.SKIP_PRESEASON,
      standings: ctx.standings,
      rotation: ctx.rotation,
      acPlugin: ctx.acPlugin,
      eventPageUrl: (eventId) => eventPageUrl(config.WEB_PUBLIC_URL, eventId),
      stewarding: ctx.steward.stewarding,
      links: ctx.steward.links,
      notifyIntervalMs: config.NOTIFY_INTERVAL_S * 1000,
      postToAdmins: config.ADMIN_CHANNEL_ID
        ? (body): Promise<string | undefined> => discord.post(config.ADMIN_CHANNEL_ID!, body)
        : undefined,
    },
    log: discordLog,
    refreshPosts: () => {
      // Also from /alias: the leaderboard files carry the names too.
      void ctx.league.refreshFiles().catch((err) => ctx.tasks.report('ingest', err, 'rewrite leaderboard files'));
      for (const r of refreshers) r().catch((err) => ctx.tasks.report('discord', err, 'refresh posts'));
    },
    fast: opts.fastDiscord,
    loginRetry: { firstMs: config.DISCORD_LOGIN_RETRY_MS },
    onFatal: opts.onFatal,
  });
  if (config.LEADERBOARD_CHANNEL_ID) {
    const boards = wireLeaderboardPosts(
      ctx.league,
      discord.posts,
      config.LEADERBOARD_CHANNEL_ID,
      () => ctx.season.current(),
      (eventId) => eventPageUrl(config.WEB_PUBLIC_URL, eventId),
    );
    refreshers.push(() => boards.refreshAll());
  } else {
    discordLog.warn(
      'LEADERBOARD_CHANNEL_ID is not set: the live leaderboard is not posted (slash commands still work)',
    );
  }
  if (config.SCHEDULE_CHANNEL_ID) {
    const schedulePost = wireSchedulePost(discord.posts, config.SCHEDULE_CHANNEL_ID, {
      season: () => ctx.season.current(),
      currentEventId: () => ctx.league.currentEventId(),
      skipPreseason: config.SKIP_PRESEASON,
    });
    refreshers.push(() => schedulePost.refresh());
  }
  if (config.STANDINGS_CHANNEL_ID) {
    const standingsPosts = wireStandingsPosts(ctx.standings, discord.posts, config.STANDINGS_CHANNEL_ID);
    refreshers.push(() => standingsPosts.refreshAll());
  } else {
    discordLog.warn(
      'STANDINGS_CHANNEL_ID is not set: the season standings are not posted (/standings and seasonStandings.json still work)',
    );
  }
  ctx.tasks.add({
    name: 'discord',
    trigger: 'gateway',
    start: (report) => discord.start(report),
    stop: () => discord.stop(),
  });
  // After Discord: they stop first, so their last posts and DMs go out before the client closes.
  for (const task of ctx.steward.attach(discord)) ctx.tasks.add(task);
  return discord;
}
