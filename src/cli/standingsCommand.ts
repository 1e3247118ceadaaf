import type { CliContext, CliIo } from './runCli';
import { standingsTable } from './standingsTable';
import { toStandingsFile } from '../domain/standings/standingsFile';

/** `standings [season] [--json]`: a season's standings now (default: the current season). */
export async function standingsCommand(
  ctx: CliContext,
  args: string[],
  opts: { json: boolean },
  io: CliIo,
): Promise<number> {
  const seasonId = args[0] ?? (await ctx.standings.currentSeasonId());
  if (!seasonId) {
    io.err(`${ctx.season.file} has no season yet: add one (see docs/season-config.md)`);
    return 1;
  }
  const standings = await ctx.standings.compute(seasonId);
  if (!standings) {
    const ids = ctx.season.current().seasons.map((s) => s.id);
    io.err(`unknown season "${seasonId}": the seasons in ${ctx.season.file} are ${ids.join(', ') || '(none)'}`);
    return 1;
  }
  // The same object as the standings files hold.
  io.out(opts.json ? JSON.stringify(toStandingsFile(standings), null, 2) : standingsTable(standings).join('\n'));
  return 0;
}
