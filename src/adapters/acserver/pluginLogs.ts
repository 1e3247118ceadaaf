import type { Logger } from '../../logger';
import { FailureLog } from './FailureLog';

export type PluginLogs = Record<'undecodable' | 'sendErrors' | 'strangers' | 'rejected' | 'lapsDropped', FailureLog>;

/**
 * The plugin link's logs a flood could fill: each writes at most one line per window with the
 * count since the last, and says what the admin can do.
 */
export function pluginLogs(log: Logger, serverAt: string, windowMs?: number): PluginLogs {
  const make = (what: string) => new FailureLog(log, what, windowMs);
  return {
    undecodable: make('undecodable datagrams from acServer were ignored'),
    sendErrors: make('datagrams to acServer could not be sent'),
    strangers: make(
      `datagrams from an address other than acServer (${serverAt}) were dropped; if acServer really sends from there, set AC_PLUGIN_SERVER to that address`,
    ),
    rejected: make(
      'messages from acServer with impossible values were ignored; the last valid session is kept and asked for again',
    ),
    lapsDropped: make(
      'laps of cars acServer has not named were dropped (no CAR_INFO in time, or the slot is empty); the results file still brings them',
    ),
  };
}
