import { z } from 'zod';
import { arrayWithUniqueKey, strictObject } from '../text/schemaKit';
import { SeasonConfigError, parseConfigJson } from '../season/seasonConfigError';
import { singleLine, timeZone } from '../season/seasonFields';
import { show } from '../text/schemaKit';
import type { ServerConfig } from './server';

// servers.json: the file format is documented in docs/multi-server.md.

const path = singleLine(4096);
// The id goes into lap keys, file names (currentEvent.<id>.json) and /rotate server:<id>.
const id = z.string().refine(
  (s) => /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(s),
  (s) => ({
    message: `${show(s)} is not a valid server id: use 1-64 letters, digits, - or _, starting with a letter or digit`,
  }),
);
const hostPort = z
  .string()
  .refine(
    (v) => /^[^\s:]+:\d{1,5}$/.test(v) && Number(v.split(':')[1]) <= 65535,
    'must be host:port, e.g. 127.0.0.1:12000',
  );
const unit = z
  .string()
  .regex(/^[A-Za-z0-9:_.@\\][A-Za-z0-9:_.@\\-]*$/, 'must be a systemd unit name such as acserver-eu');

const control = z.preprocess(
  (v) => (v === 'none' ? { type: 'none' } : v),
  z.discriminatedUnion(
    'type',
    [
      z.object({ type: z.literal('systemd'), unit }).strict(),
      z.object({ type: z.literal('child'), command: singleLine(4096) }).strict(),
      z.object({ type: z.literal('none') }).strict(),
    ],
    {
      errorMap: () => ({
        message:
          'must be "none", { "type": "systemd", "unit": "acserver-eu" } or { "type": "child", "command": "./acServer" }',
      }),
    },
  ),
);

const server = strictObject({
  id,
  name: singleLine(100),
  folder: path,
  resultsFolder: path.optional(),
  control: control.default({ type: 'none' }),
  plugin: strictObject({ listen: hostPort.optional(), server: hostPort.optional() }).default({}),
  timeZone: timeZone.default('UTC'),
});

const file = strictObject({
  servers: arrayWithUniqueKey(server, 'id', 'server ids must be unique').refine(
    (list) => list.length > 0,
    'must list at least one server (without servers.json the bot drives the one server of AC_SERVER_DIR)',
  ),
});

/** Parses and validates servers.json text. Throws SeasonConfigError listing every problem. */
export function parseServersConfig(text: string, source: string): ServerConfig[] {
  const servers = parseConfigJson(text, source, file).servers;
  const problems = listenClashes(servers);
  if (problems.length > 0) throw new SeasonConfigError(source, problems);
  return servers.map((s) => ({
    id: s.id,
    name: s.name.trim(),
    folder: s.folder,
    resultsFolder: s.resultsFolder ?? null,
    control: s.control,
    plugin: s.plugin,
    timeZone: s.timeZone,
  }));
}

/** Two servers cannot share a plugin listen address (only one socket can bind it). */
function listenClashes(servers: ReadonlyArray<{ plugin: { listen?: string } }>) {
  const seen = new Map<string, number>();
  const problems: Array<{ path: string; message: string }> = [];
  servers.forEach((s, i) => {
    const listen = s.plugin.listen;
    if (listen === undefined) return;
    const first = seen.get(listen);
    if (first === undefined) seen.set(listen, i);
    else
      problems.push({
        path: `servers[${i}].plugin.listen`,
        message: `${listen} is already used by servers[${first}]: each server needs its own UDP plugin port`,
      });
  });
  return problems;
}
