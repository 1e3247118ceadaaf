import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SqliteStore } from '../../src/adapters/sqlite/SqliteStore';
import type { Store } from '../../src/app/ports';
import { BotState } from '../../src/app/runtime/BotState';
import { League } from '../../src/app/League';
import { parseSeasonConfig } from '../../src/domain/season/seasonSchema';
import { silentLogger, type Logger } from '../../src/logger';
import { readCurrentEventId } from '../../src/adapters/files/currentEventFile';
import { StewardingState } from '../../src/app/stewarding/StewardingState';
import { OutputFiles } from '../../src/adapters/files/OutputFiles';

/**
 * A season built around the results files of test/data: event1 at Red Bull Ring National on
 * 2019-02-15 (the files of that evening), event2 at Suzuka GP from 2019-03-02, and a
 * Gilles-Villeneuve event used through currentEvent.json.
 */
export const FIXTURE_SEASON = JSON.stringify({
  timeZone: 'UTC',
  seasons: [
    {
      id: 'season1',
      name: 'Season 1',
      events: [
        { id: 'preseason1', name: 'Preseason 1', track: 'monza', cars: ['lotus_exos_125'], start: '2015-10-01T00:00' },
        {
          id: 'event1',
          name: 'Event 1',
          track: 'ks_red_bull_ring',
          layout: 'layout_national',
          cars: ['ks_mazda_mx5_cup'],
          start: '2019-02-15T00:00',
        },
        {
          id: 'event2',
          name: 'Event 2',
          track: 'suzuka',
          layout: 'suzukagp',
          cars: ['ks_mazda_mx5_cup'],
          start: '2019-03-02T00:00',
        },
        {
          id: 'event3',
          name: 'Event 3',
          track: 'gilles-villeneuve',
          cars: ['ks_mazda_mx5_cup'],
          start: '2030-01-01T00:00',
        },
      ],
    },
  ],
});

/** A League over a SQLite file in `dir`, or over `opts.store` (any backend; closed by close()). */
export async function makeLeague(
  opts: {
    dir?: string;
    season?: string;
    store?: Store;
    log?: Logger;
    /** Wraps the read of currentEvent.json (to count or fail reads). */
    currentEventReads?: (read: () => Promise<string | null>) => () => Promise<string | null>;
  } = {},
) {
  const dir = opts.dir ?? mkdtempSync(path.join(tmpdir(), 'league-'));
  const store = opts.store ?? SqliteStore.open(path.join(dir, 'league.db'), silentLogger);
  const state = new BotState(store);
  const stewarding = new StewardingState(store);
  const config = parseSeasonConfig(opts.season ?? FIXTURE_SEASON, 'seasonConfig.json');
  const currentEventFile = path.join(dir, 'currentEvent.json');
  const league = new League({
    laps: store,
    state,
    season: () => config,
    readCurrentEventId: (opts.currentEventReads ?? ((read) => read))(() => readCurrentEventId(currentEventFile)),
    acServerTimeZone: 'UTC',
    dataDir: dir,
    outputs: new OutputFiles(dir, state),
    clock: { now: () => new Date('2019-03-03T12:00:00Z') },
    log: opts.log ?? silentLogger,
    stewarding,
  });
  // Pending leaderboard-file writes read the store: let them finish before it closes.
  const close = async () => {
    await league.flush();
    await store.close();
  };
  return { dir, store, state, stewarding, league, config, currentEventFile, close };
}
