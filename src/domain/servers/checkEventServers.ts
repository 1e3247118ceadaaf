import type { SeasonConfig } from '../season/season';
import type { SeasonConfigProblem } from '../season/seasonConfigError';
import { show } from '../text/schemaKit';
import { DEFAULT_SERVER_ID, eventServerIds } from './server';

/** The servers declared in servers.json (the first one is the default for events that name none). */
export interface KnownServers {
  ids: readonly string[];
}

/**
 * Problems with where events run: a server id servers.json does not declare, or two events
 * starting at the same instant on one server (only one of them could ever run there).
 * Without servers.json only `default` exists, and equal starts keep their old meaning.
 */
export function checkEventServers(config: SeasonConfig, known: KnownServers | undefined): SeasonConfigProblem[] {
  const ids = known?.ids ?? [DEFAULT_SERVER_ID];
  const defaultId = ids[0] ?? DEFAULT_SERVER_ID;
  const problems: SeasonConfigProblem[] = [];
  const startedOn = new Map<string, { path: string; id: string }>();
  config.seasons.forEach((season, si) =>
    season.events.forEach((event, ei) => {
      const path = `seasons[${si}].events[${ei}]`;
      for (const serverId of eventServerIds(event, defaultId)) {
        if (!ids.includes(serverId)) {
          problems.push({ path: `${path}.servers`, message: unknownServer(serverId, ids, known !== undefined) });
          continue;
        }
        if (known === undefined) continue;
        const slot = `${serverId}@${Date.parse(event.start)}`;
        const first = startedOn.get(slot);
        if (first === undefined) startedOn.set(slot, { path, id: event.id });
        else
          problems.push({
            path: `${path}.start`,
            message: `starts at the same time as ${first.path} (${first.id}) on server ${show(serverId)}: one server runs one event at a time; move a start or put one event on another server`,
          });
      }
    }),
  );
  return problems;
}

function unknownServer(id: string, ids: readonly string[], declared: boolean): string {
  if (!declared)
    return `${show(id)} is not a server: without servers.json the only server is "default" (declare servers in servers.json, see docs/multi-server.md)`;
  return `${show(id)} is not a server declared in servers.json (declared: ${ids.join(', ')})`;
}
