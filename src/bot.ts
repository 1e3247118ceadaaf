import type { Config } from './config';
import type { Logger } from './logger';
import type { Store } from './app/ports';
import { systemClock, type Clock } from './app/ports';
import { BotState } from './app/BotState';
import { League } from './app/League';
import { TaskRunner } from './app/TaskRunner';
import { openStore } from './adapters/openStore';
import { SeasonConfigFile } from './adapters/files/SeasonConfigFile';
import { ResultsWatcher } from './adapters/files/resultsWatcher';
import { readCurrentEventId } from './adapters/files/currentEventFile';

export interface RunningBot {
  league: League;
  store: Store;
  state: BotState;
  season: SeasonConfigFile;
  watcher: ResultsWatcher;
  tasks: TaskRunner;
  /** Finish the file being ingested, stop every task, close the store. */
  stop(): Promise<void>;
}

/** Composition root: config -> adapters -> use cases -> background tasks. */
export async function startBot(config: Config, log: Logger, clock: Clock = systemClock): Promise<RunningBot> {
  const store = await openStore(config, log.child({ component: 'store' }));
  const state = new BotState(store);
  const season = await SeasonConfigFile.load(config.seasonConfigPath, log.child({ component: 'season' }));
  const league = new League({
    laps: store,
    state,
    season: () => season.current(),
    readCurrentEventId: () => readCurrentEventId(config.currentEventFile),
    acServerTimeZone: config.AC_SERVER_TZ,
    dataDir: config.dataDir,
    clock,
    log: log.child({ task: 'ingest' }),
  });

  const tasks = new TaskRunner(log.child({ component: 'tasks' }));
  const watcher = new ResultsWatcher({
    dir: config.resultsDir,
    settleMs: config.RESULTS_SETTLE_MS,
    log: log.child({ task: 'ingest' }),
    onFile: (input) => league.onResultsFile(input),
  });
  tasks.add({ name: 'ingest', trigger: `watch ${config.resultsDir}`, start: () => watcher.start(), stop: () => watcher.stop() });
  tasks.add({
    name: 'season-config',
    trigger: `watch ${config.seasonConfigPath}`,
    start: (report) =>
      season.watch({
        onChange: () => {},
        onInvalid: (message) => report(new Error(message), 'season config reload'),
      }),
    stop: () => season.close(),
  });

  if (!config.DISCORD_TOKEN) {
    log.warn(
      'Discord posting is off: DISCORD_TOKEN is not set. Ingest and the output files keep working. To post to Discord, set DISCORD_TOKEN (and LEADERBOARD_CHANNEL_ID) in .env and restart.',
    );
  }

  await tasks.startAll();

  let stopping: Promise<void> | undefined;
  return {
    league,
    store,
    state,
    season,
    watcher,
    tasks,
    stop: () =>
      (stopping ??= (async () => {
        await tasks.stopAll();
        await store.close();
      })()),
  };
}
