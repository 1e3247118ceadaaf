import type { Command } from '../src/adapters/discord/command';
import { assertCommand } from '../src/adapters/discord/command';
import { leaderboard } from './leaderboard';
import { alias } from './alias';
import { schedule } from './schedule';
import { standings } from './standings';
import { rotate } from './rotate';
import { kickall } from './kickall';
import { lap } from './lap';
import { driver } from './driver';
import { link } from './link';
import { unlink } from './unlink';
import { me } from './me';
import { notify } from './notify';

/** Every slash command, validated once at load. Add new command files here. */
const modules: Record<string, unknown> = {
  leaderboard,
  alias,
  schedule,
  standings,
  rotate,
  kickall,
  lap,
  driver,
  link,
  unlink,
  me,
  notify,
};

export function loadCommands(): Map<string, Command> {
  const map = new Map<string, Command>();
  for (const [file, mod] of Object.entries(modules)) {
    assertCommand(file, mod);
    map.set(mod.data.name, mod);
  }
  return map;
}
