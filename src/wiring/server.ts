import { existsSync } from 'node:fs';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Clock } from '../app/ports';
import type { League, ServerFeed } from '../app/League';
import type { BotState } from '../app/runtime/BotState';
import type { BackgroundTask, TaskRunner } from '../app/runtime/TaskRunner';
import type { SeasonConfig } from '../domain/season/season';
import { RetryingStart } from '../app/runtime/RetryingStart';
import { eventAnnouncer } from '../app/posts/eventAnnouncements';
import { ResultsWatcher } from '../adapters/files/ResultsWatcher';
import { WatchedFile } from '../adapters/files/WatchedFile';
import type { QuietCollector } from '../lib/QuietCollector';
import { wireAcPlugin, type AcPluginWiring } from './acPlugin';
import { wireRotation, type RotationWiring } from './rotation';

/** What every acServer instance shares: the league (one store), the season, the channels. */
export interface SharedContext {
  league: League;
  state: BotState;
  season: () => SeasonConfig;
  clock: Clock;
  log: Logger;
  tasks: TaskRunner;
  /** currentEvent.json as the last rotation wrote it. */
  currentEventFile: () => Promise<string | null>;
  alertAdmins(text: string): void;
  /** A one-off message in the announcement channel; undefined without one. */
  announce: ((content: string) => Promise<void>) | undefined;
  /** Every output follows (files, standings, posts). */
  refreshAll: () => void;
  /** ROLE=agent: a new current event goes to the bot (change log) instead of being announced here. */
  currentEventChanged?: (eventId: string | null) => Promise<void>;
  /** servers.json: whose results these are (its events, its current event, its clock). */
  feed?: ServerFeed;
  /** Several servers: this one, named in announcements; its state and files are kept apart. */
  server?: { id: string; name: string; isDefault: boolean };
  /** One for every server's ingest: a backlog's garbage goes back to the system once all are quiet. */
  afterBurst: QuietCollector;
}

export interface ServerWiring {
  /** The results folder watcher (ingest). */
  watcher: ResultsWatcher;
  /** The UDP plugin link (live laps, /kickall, results flush); empty when off. */
  acPlugin: AcPluginWiring;
  /** /rotate's service, the rotation cron and the acServer control. */
  rotation: RotationWiring;
  /** Tasks in start order, by when they must run relative to the league's own tasks. */
  tasks: {
    /** Before every other task. */
    first: BackgroundTask[];
    /** After the league's files and standings: the event watcher, ingest, then the plugin link. */
    feeds: BackgroundTask[];
    /** After every other task (they stop first): acServer itself and the rotation. */
    last: BackgroundTask[];
  };
}

/** One acServer instance: its results folder, its current event, its plugin link and its rotation. */
export async function wireServer(config: Config, shared: SharedContext): Promise<ServerWiring> {
  const { league, log } = shared;
  if (config.acServerDirSet && !existsSync(config.AC_SERVER_DIR)) {
    log.warn(
      { dir: config.AC_SERVER_DIR },
      `AC_SERVER_DIR=${config.AC_SERVER_DIR} does not exist: the rotation cannot write acServer's cfg files there${config.RESULTS_DIR ? '' : ' and no results are read'}. Fix AC_SERVER_DIR in .env.`,
    );
  }
  const acPlugin = await wireAcPlugin(config, shared);
  const rotation = wireRotation(config, {
    ...shared,
    flusher: acPlugin.flusher,
    kicker: acPlugin.kicker,
    serverKey: shared.server && !shared.server.isDefault ? shared.server.id : undefined,
  });

  const eventLog = log.child({ task: 'event-watcher' });
  const announce =
    shared.currentEventChanged ??
    eventAnnouncer({
      state: shared.state,
      send: shared.announce,
      season: shared.season,
      refreshPosts: shared.refreshAll,
      log: eventLog,
      server: shared.server,
    });
  const currentEvent = new WatchedFile(config.currentEventFile, eventLog, async () =>
    announce(await shared.currentEventFile()),
  );
  const eventWatcher: BackgroundTask = {
    name: 'event-watcher',
    trigger: `watch ${config.currentEventFile}`,
    start: async () => {
      await currentEvent.start();
      // It may have changed while the bot was down; an unreadable file is logged by the watcher's reader.
      await announce(await shared.currentEventFile().catch(() => null));
    },
    stop: () => currentEvent.stop(),
  };

  const ingestLog = log.child({ task: 'ingest' });
  const watcher = new ResultsWatcher({
    dir: config.resultsDir,
    settleMs: config.RESULTS_SETTLE_MS,
    maxBytes: config.RESULTS_MAX_MB * 1024 * 1024,
    configuredBy: config.resultsDirSetBy,
    log: ingestLog,
    readBefore: (file, stat) => league.readBefore(file, stat, shared.feed),
    onFiles: (inputs) =>
      shared.afterBurst.around(() => league.onResultsFiles(inputs, shared.feed ? { feed: shared.feed } : {})),
  });
  // A missing or unreadable results folder is retried and reported, never left dead.
  const ingestStart = new RetryingStart('watch the results folder', () => watcher.start(), ingestLog);
  const ingest: BackgroundTask = {
    name: 'ingest',
    trigger: `watch ${config.resultsDir}`,
    start: (report) => ingestStart.start(report),
    stop: async () => {
      await ingestStart.stop();
      await watcher.stop();
      shared.afterBurst.stop();
      await league.flush();
    },
  };

  return {
    watcher,
    acPlugin,
    rotation,
    tasks: {
      first: [rotation.recovery],
      // The plugin link after ingest, so its socket closes first and no live lap arrives once the store closes.
      feeds: [eventWatcher, ingest, ...(acPlugin.task ? [acPlugin.task] : [])],
      // The start-up rotation finds ingest and the plugin link up (its results flush needs them).
      last: rotation.tasks,
    },
  };
}
