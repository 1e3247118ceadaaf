// The acServer instances one bot drives (servers.json), as the rest of the code sees them.
// Without servers.json the env-only setup is the one implicit server `default`.

/** The id of the implicit server of the env-only setup; its current event stays in currentEvent.json. */
export const DEFAULT_SERVER_ID = 'default';

/** How rotation restarts an acServer: a systemd unit, a child process the bot runs, or by hand. */
export type ServerControl = { type: 'systemd'; unit: string } | { type: 'child'; command: string } | { type: 'none' };

export interface ServerConfig {
  /** 1-64 letters, digits, - or _ (used in lap keys, file names and /rotate server:<id>) */
  id: string;
  /** shown in Discord when there are several servers */
  name: string;
  /** the acServer folder (has cfg/ and results/), as written in servers.json */
  folder: string;
  /** watched for results files; null = <folder>/results */
  resultsFolder: string | null;
  control: ServerControl;
  /** the UDP plugin link, host:port each; undefined = read from the server's server_cfg.ini */
  plugin: { listen?: string; server?: string };
  /** IANA zone of the acServer machine (results file names are its local time) */
  timeZone: string;
}

/** The servers an event runs on: its own list, else the default server. */
export function eventServerIds(event: { servers?: readonly string[] }, defaultServerId: string): readonly string[] {
  return event.servers && event.servers.length > 0 ? event.servers : [defaultServerId];
}
