import type { Config } from '../config';
import type { Logger } from '../logger';
import type { League } from '../app/League';
import type { Standings } from '../app/standings/Standings';
import type { BackgroundTask } from '../app/runtime/TaskRunner';
import type { SeasonConfigFile } from '../adapters/files/SeasonConfigFile';
import { WatchedFile } from '../adapters/files/WatchedFile';
import { changeSignalPath, readChangedEvents } from '../adapters/files/changeSignal';

/** The season config file: a valid edit applies at once and every output follows. */
export function seasonConfigTask(config: Config, season: SeasonConfigFile, refreshAll: () => void): BackgroundTask {
  return {
    name: 'season-config',
    trigger: `watch ${config.seasonConfigPath}`,
    start: (report) =>
      season.watch({
        onChange: () => refreshAll(),
        onInvalid: (message) => report(new Error(message), 'season config reload'),
      }),
    stop: () => season.close(),
  };
}

/** Standings files and posts follow the laps; it stops after ingest and writes the standings of the last files. */
export function standingsTask(standings: Standings): BackgroundTask {
  return {
    name: 'standings',
    trigger: 'laps changed, aliases, season config',
    start: (report) => standings.start(report),
    stop: () => standings.flush(),
  };
}

/** What the CLI changed in the same store (an ingest, a stewarding action) reaches the bot's outputs. */
export function cliChangesTask(
  config: Config,
  deps: { league: League; publishAudit: () => void; log: Logger },
): BackgroundTask {
  const cliChanges = new WatchedFile(changeSignalPath(config.dataDir), deps.log, async () => {
    deps.league.changedElsewhere(await readChangedEvents(config.dataDir));
    deps.publishAudit(); // a stewarding action from the CLI reaches the admin channel too
  });
  return {
    name: 'cli-changes',
    trigger: `watch ${cliChanges.file}`,
    start: () => cliChanges.start(),
    stop: () => cliChanges.stop(),
  };
}
