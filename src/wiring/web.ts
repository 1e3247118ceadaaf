import type { Config } from '../config';
import type { Logger } from '../logger';
import type { BackgroundTask } from '../app/runtime/TaskRunner';
import type { League } from '../app/League';
import type { Standings } from '../app/standings/Standings';
import type { BotState } from '../app/runtime/BotState';
import type { Clock, Store } from '../app/ports';
import type { SeasonConfig } from '../domain/season/season';
import type { WebServer } from '../web/startWebServer';

export interface WebTaskDeps {
  league: League;
  standings: Standings;
  season: () => SeasonConfig;
  store: Store;
  state: BotState;
  clock: Clock;
  log: Logger;
}

/**
 * The website as one background task. Its code (Fastify, the templates) is loaded only when the
 * task starts, so a bot with WEB_ENABLED=false never compiles or runs it (in the one-file build its
 * source text, under 1 MB, is in memory either way).
 */
export function webTask(config: Config, deps: WebTaskDeps): { task: BackgroundTask; url: () => string | undefined } {
  let server: WebServer | undefined;
  const task: BackgroundTask = {
    name: 'web',
    trigger: `http ${config.WEB_HOST}:${config.WEB_PORT}`,
    async start() {
      const [{ startWebServer }, { leagueReadModel }, { DriverIds }] = await Promise.all([
        import('../web/startWebServer'),
        import('../web/leagueReadModel'),
        import('../web/DriverIds'),
      ]);
      const ids = await DriverIds.load(deps.store, config.WEB_SHOW_GUIDS);
      const model = leagueReadModel({
        league: deps.league,
        standings: deps.standings,
        season: deps.season,
        state: deps.state,
      });
      server = await startWebServer({
        model,
        ids,
        clock: deps.clock,
        log: deps.log,
        maxStreams: config.WEB_SSE_MAX_CLIENTS,
        host: config.WEB_HOST,
        port: config.WEB_PORT,
        publicUrl: config.WEB_PUBLIC_URL,
      });
    },
    stop: async () => server?.close(),
  };
  return { task, url: () => server?.url };
}
