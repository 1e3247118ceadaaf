import { readdirSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { BotState } from '../src/app/runtime/BotState';
import { League } from '../src/app/League';
import { Standings } from '../src/app/standings/Standings';
import { OutputFiles } from '../src/adapters/files/OutputFiles';
import type { Store } from '../src/app/ports';
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
    readCurrentEventId: async () => null,
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

/** Every file of `dir` in name order through the league, as the watcher hands them over; each must be ingested. */
export async function ingestFolder(league: League, dir: string): Promise<number> {
  const names = readdirSync(dir).sort();
  for (const name of names) {
    const file = path.join(dir, name);
    const [bytes, stat] = await Promise.all([fs.readFile(file), fs.stat(file)]);
    const outcome = await league.onResultsFile({ path: file, bytes, mtime: stat.mtime });
    if (outcome.status !== 'ingested') throw new Error(`${name}: ${JSON.stringify(outcome)}`);
  }
  return names.length;
}
