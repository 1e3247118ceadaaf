import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createDynamoClient } from '../adapters/dynamodb/dynamoClient';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { CliContext, CliIo } from './runCli';
import { allEvents, activeEvent } from '../domain/season/resolveEvent';
import { renderLeaderboardPages } from '../domain/leaderboard/renderLeaderboard';
import { toLeaderboardJson } from '../app/leaderboard/leaderboardFiles';
import { eventTitle } from '../domain/season/eventTitle';
import { prettyCarName } from '../domain/season/prettyCarName';
import { createTables } from '../adapters/dynamodb/createTables';

export async function leaderboardCommand(
  ctx: CliContext,
  args: string[],
  opts: { json: boolean },
  io: CliIo,
): Promise<number> {
  const eventId = args[0] ?? (await ctx.league.currentEventId());
  if (!eventId) {
    io.err('no event given and no current event: pass an event id (see `npm run cli -- events`)');
    return 1;
  }
  const event = ctx.league.event(eventId);
  if (!event && eventId !== 'unattributed') {
    io.err(`unknown event "${eventId}": run \`npm run cli -- events\` to list the event ids`);
    return 1;
  }
  const board = await ctx.league.leaderboard(eventId);
  if (opts.json) io.out(JSON.stringify(toLeaderboardJson(board, event, ctx.clock.now()), null, 2));
  else
    io.out(
      renderLeaderboardPages(board, {
        title: eventTitle(ctx.season.current(), eventId),
        carName: prettyCarName,
        maxLength: 100_000,
      }).join('\n'),
    );
  return 0;
}

export async function eventsCommand(ctx: CliContext, opts: { json: boolean }, io: CliIo): Promise<number> {
  const config = ctx.season.current();
  const active = activeEvent(config, ctx.clock.now());
  const events = allEvents(config);
  if (opts.json) {
    io.out(
      JSON.stringify(
        events.map((e) => ({
          id: e.id,
          name: e.name,
          track: e.track,
          layout: e.layout,
          start: e.start,
          preseason: e.preseason,
          active: e.id === active?.id,
        })),
        null,
        2,
      ),
    );
    return 0;
  }
  for (const e of events) {
    const mark = e.id === active?.id ? '*' : ' ';
    io.out(
      `${mark} ${e.id.padEnd(24)} ${e.start}  ${e.track}${e.layout ? `/${e.layout}` : ''}  ${e.name}${e.preseason ? ' (preseason)' : ''}`,
    );
  }
  if (!active) io.out('(no event is active yet: the first start is in the future)');
  return 0;
}

export async function createTablesCommand(config: Config, log: Logger, io: CliIo): Promise<number> {
  if (config.STORE !== 'dynamodb') {
    io.out(
      `STORE=${config.STORE}: nothing to create (the SQLite store creates its file and tables itself at start, in ${config.sqlitePath}). Tables are only for STORE=dynamodb.`,
    );
    return 0;
  }
  const client = createDynamoClient({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT });
  try {
    await createTables(client, { results: config.DYNAMODB_RESULTS_TABLE, state: config.DYNAMODB_STATE_TABLE }, log);
    io.out(`tables ready: ${config.DYNAMODB_RESULTS_TABLE}, ${config.DYNAMODB_STATE_TABLE}`);
    return 0;
  } finally {
    client.destroy();
  }
}

/**
 * Import the old suite's processed_files.json (a list of file names, or an object keyed by them)
 * so the bot does not re-read them. Files still in the results folder are hashed, so a later
 * change to one is noticed and read again.
 */
export async function importProcessedCommand(ctx: CliContext, args: string[], io: CliIo): Promise<number> {
  if (!args[0]) {
    io.err('import-processed needs the path of processed_files.json');
    return 1;
  }
  const raw: unknown = JSON.parse(await fs.readFile(args[0], 'utf8'));
  const names = processedNames(raw);
  if (!names) {
    io.err(`${args[0]}: expected a JSON list of file names or an object keyed by file name`);
    return 1;
  }
  let imported = 0;
  for (const name of names) {
    const file = path.basename(name);
    if (await ctx.state.processedFile(file)) continue;
    const bytes = await fs.readFile(path.join(ctx.config.resultsDir, file)).catch(() => undefined);
    const hash = bytes ? createHash('sha256').update(bytes).digest('hex') : '';
    await ctx.state.recordProcessedFile({
      file,
      hash,
      status: 'imported',
      eventId: null,
      lapCount: 0,
      at: ctx.clock.now().toISOString(),
    });
    imported++;
  }
  io.out(`imported ${imported} of ${names.length} processed file names`);
  return 0;
}

function processedNames(raw: unknown): string[] | null {
  if (Array.isArray(raw)) return raw.filter((x): x is string => typeof x === 'string');
  if (raw && typeof raw === 'object') {
    const o = raw as Record<string, unknown>;
    for (const k of ['processed', 'processed_files', 'files']) if (Array.isArray(o[k])) return processedNames(o[k]);
    return Object.keys(o);
  }
  return null;
}
