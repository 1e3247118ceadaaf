import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CliContext, CliIo } from './runCli';
import type { IngestOutcome } from '../app/ingestResultsFile';
import { signalChangedEvents } from '../adapters/files/changeSignal';

/**
 * `ingest <file|dir>... [--event ID] [--reread]`: a forced event, or --reread, reads files already
 * processed again (idempotent; it restores laps an older version let a colliding lap overwrite).
 */
export async function ingestCommand(
  ctx: CliContext,
  args: string[],
  opts: { json: boolean; event?: string; reread?: boolean },
  io: CliIo,
): Promise<number> {
  if (args.length === 0) {
    io.err('ingest needs at least one results file or folder');
    return 1;
  }
  if (opts.event && !ctx.league.event(opts.event)) {
    io.err(`unknown event "${opts.event}": run \`npm run cli -- events\` to list the event ids in ${ctx.season.file}`);
    return 1;
  }
  const files = (await Promise.all(args.map(expand))).flat();
  const outcomes: IngestOutcome[] = [];
  for (const file of files) {
    const [bytes, stat] = await Promise.all([fs.readFile(file), fs.stat(file)]);
    const outcome = await ctx.league.onResultsFile({ path: file, bytes, mtime: stat.mtime }, { forcedEventId: opts.event, reingest: opts.reread });
    outcomes.push(outcome);
    if (!opts.json) (outcome.status === 'failed' ? io.err : io.out)(describe(outcome));
  }
  await ctx.league.flush();
  await ctx.standings.flush();
  // Tell a running bot, so its leaderboards, files and posts include these laps.
  const changed = outcomes.flatMap((o) => ('eventId' in o ? [o.eventId, ...(o.movedFrom ? [o.movedFrom] : [])] : []));
  await signalChangedEvents(ctx.config.dataDir, changed, new Date());
  if (opts.json) io.out(JSON.stringify(outcomes, null, 2));
  return outcomes.some((o) => o.status === 'failed') ? 1 : 0;
}

async function expand(arg: string): Promise<string[]> {
  const stat = await fs.stat(arg).catch(() => {
    throw new Error(`no such file or folder: ${arg}`);
  });
  if (!stat.isDirectory()) return [path.resolve(arg)];
  const names = (await fs.readdir(arg)).filter((n) => n.toLowerCase().endsWith('.json')).sort();
  return names.map((n) => path.resolve(arg, n));
}

function describe(o: IngestOutcome): string {
  switch (o.status) {
    case 'skipped':
      return `skipped     ${o.file}: ${o.reason}`;
    case 'failed':
      return `failed      ${o.file}: ${o.error}`;
    case 'unattributed':
      return `unattributed ${o.file}: ${o.lapCount} laps kept, not counted: ${o.reason}`;
    case 'ingested':
      return `ingested    ${o.file}: ${o.lapCount} laps (${o.validLapCount} valid) -> ${o.eventId}`;
  }
}
