import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Clock, OutputFileWriter, Store } from '../app/ports';
import { BotState } from '../app/runtime/BotState';
import { League } from '../app/League';
import { openStore } from '../adapters/openStore';
import { OutputFiles } from '../adapters/files/OutputFiles';
import { SeasonConfigFile } from '../adapters/files/SeasonConfigFile';
import { loadServers, type Servers } from '../adapters/files/serversFile';
import { readCurrentEventId } from '../adapters/files/currentEventFile';
import { StewardingState } from '../app/stewarding/StewardingState';
import { IdentityState } from '../app/identity/IdentityState';

/** The store, state, season config and League, as both the bot and the CLI need them. */
export interface OpenLeague {
  store: Store;
  state: BotState;
  season: SeasonConfigFile;
  league: League;
  /** Struck laps, exclusions and the audit trail (same store). */
  stewarding: StewardingState;
  /** Linked Discord members and their notification choice (same store). */
  identity: IdentityState;
  /** The files other tools read (leaderboards, standings), written only when missing or stale. */
  outputs: OutputFileWriter;
  /** currentEvent.json as the rotation wrote it (throws when unreadable); League falls back to the schedule. */
  currentEventFile: () => Promise<string | null>;
  /** The acServers this bot drives (servers.json, else the one of AC_SERVER_DIR). */
  servers: Servers;
}

export async function openLeague(config: Config, log: Logger, clock: Clock): Promise<OpenLeague> {
  const store = await openStore(config, log.child({ component: 'store' }));
  try {
    const state = new BotState(store, { linkedNames: config.DRIVER_NAMES === 'discord' });
    const stewarding = new StewardingState(store);
    const outputs = new OutputFiles(config.dataDir, state);
    const servers = await loadServers(config);
    const season = await SeasonConfigFile.load(
      config.seasonConfigPath,
      log.child({ component: 'season' }),
      servers.known,
    );
    const currentEventFile = () => readCurrentEventId(config.currentEventFile);
    const league = new League({
      laps: store,
      state,
      season: () => season.current(),
      // Ingest and posts fall back to the schedule when the file is unreadable; the log says why.
      readCurrentEventId: () =>
        currentEventFile().catch((err: Error) => {
          log.error({ file: config.currentEventFile }, `${err.message}; using the schedule's event meanwhile`);
          return null;
        }),
      acServerTimeZone: config.AC_SERVER_TZ,
      dataDir: config.dataDir,
      outputs,
      clock,
      log: log.child({ task: 'ingest' }),
      stewarding,
    });
    return {
      store,
      state,
      season,
      league,
      stewarding,
      identity: new IdentityState(store),
      outputs,
      currentEventFile,
      servers,
    };
  } catch (err) {
    await store.close(); // an invalid season config must not leave the database open
    throw err;
  }
}
