import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config';
import { getKey, parseIniDocument } from '../../domain/rotation/ini';

export interface HostPort {
  host: string;
  port: number;
}

export interface PluginEndpoints {
  /** Where the bot listens: acServer's UDP_PLUGIN_ADDRESS. */
  listen: HostPort;
  /** Where acServer takes commands: its UDP_PLUGIN_LOCAL_PORT. */
  server: HostPort;
  relay?: HostPort;
  /** Slots to ask CAR_INFO for at start (MAX_CLIENTS). */
  maxClients: number;
}

export type EndpointsResult = { ok: true; endpoints: PluginEndpoints } | { ok: false; reason: string };

/** `host:port`, `:port` or `port`; null when there is no usable port. */
export function parseHostPort(text: string | undefined, defaultHost = '127.0.0.1'): HostPort | null {
  const m = /^(?:([^\s:]*):)?(\d{1,5})$/.exec((text ?? '').trim());
  if (!m) return null;
  const port = Number(m[2]);
  if (port < 1 || port > 65535) return null;
  return { host: m[1] || defaultHost, port };
}

export const formatHostPort = (hp: HostPort) => `${hp.host}:${hp.port}`;

/** When MAX_CLIENTS is unknown: more slots than any entry list we have seen. */
const DEFAULT_SLOTS = 64;

/**
 * The plugin addresses from the env (AC_PLUGIN_*) or else from server_cfg.ini's
 * UDP_PLUGIN_ADDRESS / UDP_PLUGIN_LOCAL_PORT. Pure: the caller reads the file.
 */
export function pluginEndpoints(
  env: Pick<Config, 'AC_PLUGIN_LISTEN' | 'AC_PLUGIN_SERVER' | 'AC_PLUGIN_RELAY'>,
  serverCfg: string | null,
  cfgPath: string,
): EndpointsResult {
  const doc = serverCfg === null ? null : parseIniDocument(serverCfg);
  const ini = (key: string) => (doc ? getKey(doc, 'SERVER', key)?.trim() : undefined);
  const listen = parseHostPort(env.AC_PLUGIN_LISTEN ?? ini('UDP_PLUGIN_ADDRESS'));
  const server = parseHostPort(env.AC_PLUGIN_SERVER ?? ini('UDP_PLUGIN_LOCAL_PORT'));
  const where =
    serverCfg === null
      ? `${cfgPath} does not exist`
      : `${cfgPath} has no usable UDP_PLUGIN_ADDRESS / UDP_PLUGIN_LOCAL_PORT`;
  if (!listen || !server) {
    return { ok: false, reason: `AC_PLUGIN_LISTEN / AC_PLUGIN_SERVER are not set and ${where}` };
  }
  const relay = env.AC_PLUGIN_RELAY ? parseHostPort(env.AC_PLUGIN_RELAY) : null;
  const key = (hp: HostPort) => `${hp.host}:${hp.port}`;
  if (key(listen) === key(server) || (relay && (key(relay) === key(listen) || key(relay) === key(server)))) {
    return { ok: false, reason: 'the plugin addresses must all differ (listen, acServer, relay)' };
  }
  const slots = Number(ini('MAX_CLIENTS'));
  return {
    ok: true,
    endpoints: {
      listen,
      server,
      ...(relay ? { relay } : {}),
      maxClients: Number.isInteger(slots) && slots > 0 ? Math.min(slots, 255) : DEFAULT_SLOTS,
    },
  };
}

/** Reads AC_SERVER_DIR/cfg/server_cfg.ini (if any) and resolves the plugin addresses. */
export async function resolvePluginEndpoints(
  config: Pick<Config, 'AC_SERVER_DIR' | 'AC_PLUGIN_LISTEN' | 'AC_PLUGIN_SERVER' | 'AC_PLUGIN_RELAY'>,
): Promise<EndpointsResult> {
  const cfgPath = path.join(config.AC_SERVER_DIR, 'cfg', 'server_cfg.ini');
  const text = await fs.readFile(cfgPath, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
  return pluginEndpoints(config, text, cfgPath);
}
