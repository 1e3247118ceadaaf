import type { Config } from '../config';
import type { BackgroundTask } from '../app/runtime/TaskRunner';
import type { Servers, HostedServer } from '../adapters/files/serversFile';
import { readCurrentEventId } from '../adapters/files/currentEventFile';
import { seasonForServer } from '../domain/servers/seasonForServer';
import { eventServerIds } from '../domain/servers/server';
import { activeEvent } from '../domain/season/resolveEvent';
import type { SeasonConfig } from '../domain/season/season';
import type { Clock } from '../app/ports';
import type { PostServers } from './posts';
import { configForServer } from './serverConfig';
import { wireServer, type ServerWiring, type SharedContext } from './server';

export interface HostedServerWiring extends ServerWiring {
  server: HostedServer;
}

export interface ServersWiring {
  /** In servers.json order; the first is the default server. */
  all: HostedServerWiring[];
  /** Every server's tasks, in the same three groups as one server's. */
  tasks: ServerWiring['tasks'];
}

/**
 * Every acServer of this host (servers.json, else the one of AC_SERVER_DIR): each has its own
 * results watcher, current event, rotation, acServer control and plugin link, over one league.
 */
export async function wireServers(config: Config, servers: Servers, shared: SharedContext): Promise<ServersWiring> {
  const several = servers.all.length > 1;
  const defaultId = servers.all[0]!.id;
  const all: HostedServerWiring[] = [];
  for (const [i, server] of servers.all.entries()) {
    const isDefault = i === 0;
    const log = several ? shared.log.child({ server: server.id }) : shared.log;
    const season = servers.declared ? () => seasonForServer(shared.season(), server.id, defaultId) : shared.season;
    const currentEventFile = isDefault ? shared.currentEventFile : () => readCurrentEventId(server.currentEventFile);
    const own: SharedContext = {
      ...shared,
      log,
      season,
      currentEventFile,
      ...(servers.declared
        ? {
            feed: {
              server: { id: server.id, inKey: !isDefault },
              season,
              // Unreadable: the schedule decides meanwhile (the event watcher logs why).
              readCurrentEventId: () => currentEventFile().catch(() => null),
              timeZone: server.timeZone,
            },
          }
        : {}),
      ...(several ? { server: { id: server.id, name: server.name, isDefault } } : {}),
    };
    const wiring = await wireServer(configForServer(config, server, servers.declared), own);
    all.push({ ...wiring, server, tasks: isDefault ? wiring.tasks : renamed(wiring.tasks, server.id) });
  }
  return {
    all,
    tasks: {
      first: all.flatMap((s) => s.tasks.first),
      feeds: all.flatMap((s) => s.tasks.feeds),
      last: all.flatMap((s) => s.tasks.last),
    },
  };
}

/** `ingest@b`: task names say which server their errors are about. */
function renamed(tasks: ServerWiring['tasks'], id: string): ServerWiring['tasks'] {
  const one = (t: BackgroundTask): BackgroundTask => ({
    name: `${t.name}@${id}`,
    trigger: t.trigger,
    start: (report) => t.start(report),
    stop: () => t.stop(),
  });
  return { first: tasks.first.map(one), feeds: tasks.feeds.map(one), last: tasks.last.map(one) };
}

/** What the posts need to name the servers; undefined with one server (posts stay as they were). */
export function postServers(servers: Servers, season: () => SeasonConfig, clock: Clock): PostServers | undefined {
  if (servers.all.length < 2) return undefined;
  const defaultId = servers.all[0]!.id;
  const names = new Map(servers.all.map((s) => [s.id, s.name]));
  const name = (id: string | undefined) => names.get(id ?? defaultId) ?? id ?? defaultId;
  return {
    name,
    ofEvent: (event) => eventServerIds(event, defaultId).map((id) => name(id)),
    currentEventIds: async () => {
      const ids = await Promise.all(
        servers.all.map(
          async (s) =>
            (await readCurrentEventId(s.currentEventFile).catch(() => null)) ??
            activeEvent(seasonForServer(season(), s.id, defaultId), clock.now())?.id ??
            null,
        ),
      );
      return [...new Set(ids.filter((id): id is string => id !== null))];
    },
  };
}
