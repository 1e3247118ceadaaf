import type { Config } from '../config';
import type { BackgroundTask } from '../app/runtime/TaskRunner';
import type { SharedContext } from './server';
import { AcPluginClient } from '../adapters/acserver/AcPluginClient';
import { formatHostPort, resolvePluginEndpoints } from '../adapters/acserver/pluginEndpoints';
import { LiveLaps } from '../app/liveLaps/LiveLaps';
import { PluginResultsFlusher } from '../app/liveLaps/PluginResultsFlusher';
import { kickAllCars } from '../app/liveLaps/kickAllCars';
import { eventTitle } from '../domain/season/eventTitle';

export interface AcPluginWiring {
  /** The UDP plugin client; undefined when the link is off or could not start. */
  link?: AcPluginClient;
  liveLaps?: LiveLaps;
  /** For the rotation: NEXT_SESSION and wait for the results file to be ingested. */
  flusher?: PluginResultsFlusher;
  /** For the rotation: kick every driver; resolves with how many were kicked. */
  kicker?: { kickAll(): Promise<number> };
  /** Closes the socket; add it after the ingest task so it stops first (no lap after the store closes). */
  task?: BackgroundTask;
}

export type AcPluginContext = Pick<
  SharedContext,
  'league' | 'state' | 'season' | 'clock' | 'log' | 'tasks' | 'announce'
>;

/**
 * The live link to acServer (UDP plugin): live laps, /kickall and the results flush before a
 * rotation. Off when AC_PLUGIN_ENABLED=false or no address is known; a socket that cannot be
 * bound is reported and the rest of the bot runs on (results files still bring every lap).
 */
export async function wireAcPlugin(config: Config, ctx: AcPluginContext): Promise<AcPluginWiring> {
  const log = ctx.log.child({ task: 'ac-plugin' });
  const needs = 'live laps, /kickall and the results flush before a rotation need it';
  if (!config.AC_PLUGIN_ENABLED) {
    log.info(`acServer UDP plugin link off (AC_PLUGIN_ENABLED=false); ${needs}`);
    return {};
  }
  const resolved = await resolvePluginEndpoints(config);
  if (!resolved.ok) {
    log.info(`acServer UDP plugin link off: ${resolved.reason}; ${needs}`);
    return {};
  }
  let link: AcPluginClient;
  try {
    link = await AcPluginClient.start({ ...resolved.endpoints, log, clock: ctx.clock });
  } catch (err) {
    ctx.tasks.report('ac-plugin', err, 'start');
    return {};
  }
  const liveLaps = config.LIVE_LAPS_ENABLED
    ? new LiveLaps({
        league: ctx.league,
        link,
        log,
        announce: {
          mode: config.ANNOUNCE_PERSONAL_BESTS,
          inGame: config.ANNOUNCE_IN_GAME,
          discord: ctx.announce,
          eventTitle: (eventId) => eventTitle(ctx.season(), eventId),
        },
      })
    : undefined;
  if (!liveLaps) log.info('LIVE_LAPS_ENABLED=false: laps count when the results file arrives');
  const flusher = new PluginResultsFlusher({
    link,
    processedFile: (file) => ctx.state.processedFile(file),
    resultsDir: config.resultsDir,
    timeoutMs: config.AC_PLUGIN_FLUSH_TIMEOUT_MS,
    kickFallback: config.KICK_BEFORE_ROTATE,
    log,
  });
  const task: BackgroundTask = {
    name: 'ac-plugin',
    trigger: `UDP ${formatHostPort(resolved.endpoints.listen)}`,
    start: async () => {},
    stop: async () => {
      await link.close();
      await liveLaps?.idle();
    },
  };
  return { link, liveLaps, flusher, kicker: { kickAll: async () => (await kickAllCars(link)).kicked.length }, task };
}
