import type { SeasonConfig } from '../season/season';
import { eventServerIds } from './server';

/**
 * The season config as one server sees it: only the events it hosts. An event runs on a server
 * from its start until the next event there starts, so attribution, rotation and "which event
 * is on" work per server unchanged on this view.
 */
export function seasonForServer(config: SeasonConfig, serverId: string, defaultServerId: string): SeasonConfig {
  return {
    ...config,
    seasons: config.seasons.map((s) => ({
      ...s,
      events: s.events.filter((e) => eventServerIds(e, defaultServerId).includes(serverId)),
    })),
  };
}
