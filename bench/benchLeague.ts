import { readdirSync } from 'node:fs';
import path from 'node:path';
import { BotState } from '../src/app/runtime/BotState';
import { League } from '../src/app/League';
import { Standings } from '../src/app/standings/Standings';
import { OutputFiles } from '../src/adapters/files/OutputFiles';
import type { Store } from '../src/app/ports';
import type { IngestOutcome } from '../src/app/results/ingestResultsFile';
import { ResultsWatcher } from '../src/adapters/files/ResultsWatcher';
import { readCurrentEventId } from '../src/adapters/files/currentEventFile';
import type { SeasonConfig } from '../src/domain/season/season';
import { silentLogger } from '../src/logger';

/** League and standings over `store` as the bot wires them, silent, with a fixed or real clock. */
export function benchLeague(store: Store, config: SeasonConfig, dataDir: string, now?: Date) {
  const state = new BotState(store);
  const outputs = new OutputFiles(dataDir, state);
  const league = new League({
    laps: store,
    state,
    season: () => config,
    // As the bot: DATA_DIR/currentEvent.json, read from disk (the benches write none: the schedule decides).
    readCurrentEventId: () => readCurrentEventId(path.join(dataDir, 'currentEvent.json')),
    acServerTimeZone: 'UTC',
    dataDir,
    outputs,
    clock: { now: () => now ?? new Date() },
    log: silentLogger,
  });
  return {
    league,
    standings: () => new Standings({ league, state, season: () => config, dataDir, outputs, log: silentLogger }),
  };
}

/**
 * Every file of `dir` through the league as the bot takes a backlog: the results watcher finds them
 * at start-up, looks each up (read before?) and hands them over in batches. Each must be ingested.
 */
export async function ingestFolder(league: League, dir: string): Promise<number> {
  const count = readdirSync(dir).filter((name) => name.endsWith('.json')).length;
  const outcomes: IngestOutcome[] = [];
  let allIn!: () => void;
  const done = new Promise<void>((resolve) => (allIn = resolve));
  const watcher = new ResultsWatcher({
    dir,
    settleMs: 200,
    log: silentLogger,
    // As the bot: a file listed at start is first looked up (new ones all are, here).
    readBefore: (file, stat) => league.readBefore(file, stat),
    onFiles: async (inputs) => {
      const batch = await league.onResultsFiles(inputs);
      outcomes.push(...batch);
      if (outcomes.length >= count) allIn();
      return batch;
    },
  });
  await watcher.start();
  await done;
  await watcher.stop();
  const wrong = outcomes.find((o) => o.status !== 'ingested');
  if (wrong) throw new Error(`${wrong.file}: ${JSON.stringify(wrong)}`);
  return count;
}
