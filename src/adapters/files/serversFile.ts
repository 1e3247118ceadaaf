import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config';
import { DEFAULT_SERVER_ID, type ServerConfig } from '../../domain/servers/server';
import { parseServersConfig } from '../../domain/servers/serversSchema';
import type { KnownServers } from '../../domain/servers/checkEventServers';

/** A server with its folders resolved to absolute paths and its own current-event file. */
export interface HostedServer extends ServerConfig {
  dir: string;
  resultsDir: string;
  /** currentEvent.json for the default server, currentEvent.<id>.json beside it for the others */
  currentEventFile: string;
}

export interface Servers {
  /** In servers.json order; the first is the default server (events naming no server run there). */
  all: HostedServer[];
  /** false: no servers.json, the one implicit server `default` from the AC_SERVER_* variables */
  declared: boolean;
  /** For the season config check; undefined without servers.json (the old rules apply). */
  known: KnownServers | undefined;
}

/**
 * servers.json when it exists (relative folders are read from the file's own folder), else the
 * env-only setup as the implicit server `default`. An invalid file throws SeasonConfigError.
 */
export async function loadServers(config: Config): Promise<Servers> {
  let text: string;
  try {
    text = await fs.readFile(config.serversConfigPath, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    return { all: [implicitServer(config)], declared: false, known: undefined };
  }
  const base = path.dirname(config.serversConfigPath);
  const all = parseServersConfig(text, config.serversConfigPath).map((s, i): HostedServer => {
    const dir = path.resolve(base, s.folder);
    return {
      ...s,
      dir,
      resultsDir: s.resultsFolder === null ? path.join(dir, 'results') : path.resolve(base, s.resultsFolder),
      currentEventFile: i === 0 ? config.currentEventFile : currentEventFileOf(config.currentEventFile, s.id),
    };
  });
  return { all, declared: true, known: { ids: all.map((s) => s.id) } };
}

/** `currentEvent.json` -> `currentEvent.<id>.json` in the same folder. */
export function currentEventFileOf(defaultFile: string, serverId: string): string {
  const ext = path.extname(defaultFile);
  return path.join(path.dirname(defaultFile), `${path.basename(defaultFile, ext)}.${serverId}${ext || '.json'}`);
}

function implicitServer(config: Config): HostedServer {
  return {
    id: DEFAULT_SERVER_ID,
    name: 'acServer',
    folder: config.AC_SERVER_DIR,
    resultsFolder: config.RESULTS_DIR ?? null,
    control:
      config.AC_SERVER_CONTROL === 'systemd'
        ? { type: 'systemd', unit: config.AC_SERVER_UNIT }
        : config.AC_SERVER_CONTROL === 'child'
          ? { type: 'child', command: config.AC_SERVER_COMMAND }
          : { type: 'none' },
    plugin: {
      ...(config.AC_PLUGIN_LISTEN ? { listen: config.AC_PLUGIN_LISTEN } : {}),
      ...(config.AC_PLUGIN_SERVER ? { server: config.AC_PLUGIN_SERVER } : {}),
    },
    timeZone: config.AC_SERVER_TZ,
    dir: config.AC_SERVER_DIR,
    resultsDir: config.resultsDir,
    currentEventFile: config.currentEventFile,
  };
}
