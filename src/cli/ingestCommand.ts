import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CliContext, CliIo } from './runCli';
import type { IngestOutcome } from '../app/results/ingestResultsFile';
import { signalChangedEvents } from '../adapters/files/changeSignal';
import { readResultsFile } from '../adapters/files/readResultsFile';
import { escapeFileName, isUtf8, nonUtf8Names } from '../adapters/files/nonUtf8Names';

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
  const limits = { maxBytes: ctx.config.RESULTS_MAX_MB * 1024 * 1024, folder: path.parse(process.cwd()).root };
  const outcomes: IngestOutcome[] = [];
  let refused = 0;
  for (const file of files) {
    const read = await readResultsFile(file.path, limits);
    if (read.kind !== 'read') {
      refused++;
      io.err(
        `refused     ${path.basename(file.name)}: ${read.kind === 'refused' ? `it ${read.reason}` : 'it changed while being read; run the command again'}`,
      );
      continue;
    }
    const outcome = await ctx.league.onResultsFile(
      { path: file.name, bytes: read.bytes, mtime: read.mtime, stamp: read.stamp },
      { forcedEventId: opts.event, reingest: opts.reread },
    );
    outcomes.push(outcome);
    if (!opts.json) (outcome.status === 'failed' ? io.err : io.out)(describe(outcome));
  }
  await ctx.league.flush();
  await ctx.standings.flush();
  // Tell a running bot, so its leaderboards, files and posts include these laps.
  const changed = outcomes.flatMap((o) => ('eventId' in o ? [o.eventId, ...(o.movedFrom ? [o.movedFrom] : [])] : []));
  await signalChangedEvents(ctx.config.dataDir, changed, ctx.clock.now());
  if (opts.json) io.out(JSON.stringify(outcomes, null, 2));
  return refused > 0 || outcomes.some((o) => o.status === 'failed') ? 1 : 0;
}

/** A file to read: `path` opens it (bytes when its name is not valid UTF-8), `name` shows and records it. */
interface CliFile {
  path: string | Buffer;
  name: string;
}

async function expand(arg: string): Promise<CliFile[]> {
  const stat = await fs.stat(arg).catch(() => undefined);
  if (!stat) {
    const odd = await nonUtf8Match(path.resolve(arg));
    if (odd) return [odd];
    throw new Error(`no such file or folder: ${arg}`);
  }
  if (!stat.isDirectory()) return [{ path: path.resolve(arg), name: path.resolve(arg) }];
  const names = (await fs.readdir(arg)).filter((n) => n.toLowerCase().endsWith('.json') && !n.includes('\uFFFD'));
  const files: CliFile[] = names.map((n) => ({ path: path.resolve(arg, n), name: path.resolve(arg, n) }));
  for (const odd of await nonUtf8Names(path.resolve(arg)))
    files.push({ path: odd.path, name: path.resolve(arg, odd.name) });
  return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The shell hands a non-UTF-8 name over as U+FFFD: the one file of its folder that reads so. */
async function nonUtf8Match(file: string): Promise<CliFile | undefined> {
  if (!file.includes('\uFFFD')) return undefined;
  const dir = path.dirname(file);
  const matches = (await fs.readdir(dir, { encoding: 'buffer' }).catch(() => [])).filter(
    (n) => !isUtf8(n) && n.toString('utf8') === path.basename(file),
  );
  if (matches.length !== 1) return undefined;
  return {
    path: Buffer.concat([Buffer.from(dir + path.sep), matches[0]!]),
    name: path.join(dir, escapeFileName(matches[0]!)),
  };
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
