import type { Config } from '../config';
import type { HostedServer } from '../adapters/files/serversFile';

/**
 * The settings one server's wiring reads, as if it were the only server: its folders, current
 * event file, control, plugin ports and time zone replace the AC_SERVER_* and AC_PLUGIN_* ones.
 * The implicit server of the env-only setup gives the config back unchanged.
 */
export function configForServer(config: Config, server: HostedServer, declared: boolean): Config {
  if (!declared) return config;
  const control = server.control;
  return {
    ...config,
    AC_SERVER_DIR: server.dir,
    RESULTS_DIR: server.resultsDir,
    resultsDir: server.resultsDir,
    currentEventFile: server.currentEventFile,
    AC_SERVER_TZ: server.timeZone,
    AC_SERVER_CONTROL: control.type,
    AC_SERVER_UNIT: control.type === 'systemd' ? control.unit : config.AC_SERVER_UNIT,
    AC_SERVER_COMMAND: control.type === 'child' ? control.command : config.AC_SERVER_COMMAND,
    AC_PLUGIN_LISTEN: server.plugin.listen,
    AC_PLUGIN_SERVER: server.plugin.server,
    // Declared in servers.json: a missing folder is a mistake worth reporting, never created.
    acServerDirSet: true,
    resultsDirSetBy: 'RESULTS_DIR',
  };
}
