import type { Command } from '../src/adapters/discord/command';
import { assertCommand } from '../src/adapters/discord/command';
import { leaderboard } from './leaderboard';
import { alias } from './alias';
import { schedule } from './schedule';
import { standings } from './standings';
import { rotate } from './rotate';
import { kickall } from './kickall';

/** Every slash command, validated once at load. Add new command files here. */
const modules: Record<string, unknown> = { leaderboard, alias, schedule, standings, rotate, kickall };

export function loadCommands(): Map<string, Command> {
  const map = new Map<string, Command>();
  for (const [file, mod] of Object.entries(modules)) {
    assertCommand(file, mod);
    map.set(mod.data.name, mod);
  }
  return map;
}
