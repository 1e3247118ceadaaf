import { z } from 'zod';
import { dateTimeTextToInstant, parseDateTimeText } from '../text/dateTimeText';
import { arrayWithUniqueKey, strictObject } from '../text/schemaKit';
import type { EventConfig, SeasonConfig, SessionSettings } from './season';
import { SeasonConfigError, parseConfigJson } from './seasonConfigError';
import { checkEventServers, type KnownServers } from '../servers/checkEventServers';
import {
  folder,
  id,
  layout,
  MAX_SESSION_VALUE,
  pointValue,
  points,
  regex,
  singleLine,
  start,
  timeZone,
  wholeNumber,
} from './seasonFields';

// seasonConfig.json: the file format is documented in docs/season-config.md.

export { SeasonConfigError } from './seasonConfigError';
export type { SeasonConfigProblem } from './seasonConfigError';

export const DEFAULT_TIME_ZONE = 'UTC';
export const DEFAULT_POINTS_TABLE: readonly number[] = [25, 18, 15, 12, 10, 8, 6, 4, 2, 1];
export const DEFAULT_PRESEASON_PATTERN = '^preseason';

const session = strictObject({
  time: wholeNumber(0, MAX_SESSION_VALUE),
  laps: wholeNumber(0, MAX_SESSION_VALUE).optional(),
  waitTime: wholeNumber(0, MAX_SESSION_VALUE).optional(),
  isOpen: z
    .number()
    .refine(
      (n) => n === 0 || n === 1 || n === 2,
      'must be 0 (closed), 1 (open) or 2 (open until 20 s before the start)',
    )
    .optional(),
});

const carObject = (v: unknown) => (typeof v === 'string' ? { model: v } : v);
const car = z
  .preprocess(
    carObject,
    strictObject(
      { model: folder('car'), skins: z.array(folder('skin')).default([]), slots: wholeNumber(1, 100).optional() },
      'must be a car folder name or { "model": ..., "skins": [...], "slots": n }',
    ),
  )
  .superRefine((c, ctx) => {
    if (c.slots !== undefined && c.slots >= 1 && c.skins.length > c.slots) {
      const message = `is ${c.slots} but ${c.skins.length} skins are listed: raise slots or remove skins (each slot takes the next skin in turn)`;
      ctx.addIssue({ code: 'custom', path: ['slots'], message });
    }
  });

const serverList = z
  .array(id('server'))
  .min(1)
  .refine((ids) => new Set(ids).size === ids.length, 'lists a server twice');

const event = strictObject({
  id: id('event'),
  name: singleLine(100),
  track: folder('track'),
  layout: layout.default(''),
  cars: arrayWithUniqueKey(car, 'model', 'list a car once and give it more slots', carObject).refine(
    (cars) => cars.length > 0,
    'must list at least one car',
  ),
  start,
  timeZone: timeZone.optional(),
  preseason: z.boolean().optional(),
  servers: serverList.optional(),
  sessions: strictObject({
    practice: session.optional(),
    qualify: session.optional(),
    race: session.optional(),
  }).optional(),
});

const season = strictObject({
  id: id('season'),
  name: singleLine(100),
  timeZone: timeZone.optional(),
  pointsTable: points.optional(),
  participationPoints: pointValue.default(0),
  fastestLapBonus: pointValue.default(0),
  bestOf: wholeNumber(1, 1000).nullable().default(null),
  servers: serverList.optional(),
  events: arrayWithUniqueKey(event, 'id', 'event ids must be unique within a season'),
});

const emoji = singleLine(200);

const rawConfig = strictObject({
  timeZone: timeZone.default(DEFAULT_TIME_ZONE),
  pointsTable: points.default([...DEFAULT_POINTS_TABLE]),
  preseasonPattern: regex.default(DEFAULT_PRESEASON_PATTERN),
  defaultSlots: wholeNumber(1, 100).default(1),
  trackFlags: z.record(folder('track'), emoji).default({}),
  carEmoji: z.record(folder('car'), emoji).default({}),
  seasons: arrayWithUniqueKey(season, 'id', 'season ids must be unique'),
});
type RawConfig = z.output<typeof rawConfig>;

/** The zod schema of seasonConfig.json; its output is the validated SeasonConfig. */
export const seasonConfigSchema = rawConfig.transform(toSeasonConfig);

/**
 * Parses and validates seasonConfig.json text. Throws SeasonConfigError listing every problem.
 * `servers` (from servers.json) also checks which servers host each event; without it only the
 * implicit default server exists and events with equal starts keep the old rule (the last one listed wins).
 */
export function parseSeasonConfig(text: string, source: string, servers?: KnownServers): SeasonConfig {
  const config = parseConfigJson(text, source, seasonConfigSchema);
  const problems = checkEventServers(config, servers);
  if (problems.length > 0) throw new SeasonConfigError(source, problems);
  return config;
}

function toSeasonConfig(raw: RawConfig): SeasonConfig {
  const preseason = new RegExp(raw.preseasonPattern, 'i');
  return {
    timeZone: raw.timeZone,
    trackFlags: raw.trackFlags,
    carEmoji: raw.carEmoji,
    seasons: raw.seasons.map((s) => ({
      id: s.id,
      name: s.name.trim(),
      pointsTable: s.pointsTable ?? raw.pointsTable,
      participationPoints: s.participationPoints,
      fastestLapBonus: s.fastestLapBonus,
      bestOf: s.bestOf,
      events: s.events.map((e): EventConfig => {
        const zone = e.timeZone ?? s.timeZone ?? raw.timeZone;
        const out: EventConfig = {
          id: `${s.id}#${e.id}`,
          localId: e.id,
          seasonId: s.id,
          name: e.name.trim(),
          track: e.track,
          layout: e.layout,
          cars: e.cars.map((c) => ({
            model: c.model,
            skins: c.skins,
            slots: c.slots ?? Math.max(raw.defaultSlots, c.skins.length),
          })),
          start: dateTimeTextToInstant(parseDateTimeText(e.start)!, zone).toISOString(),
          timeZone: zone,
          preseason: e.preseason ?? preseason.test(e.id),
        };
        const servers = e.servers ?? s.servers;
        if (servers) out.servers = servers;
        if (e.sessions) out.sessions = sessions(e.sessions);
        return out;
      }),
    })),
  };
}

type RawSession = SessionSettings | undefined;
function sessions(raw: { practice?: RawSession; qualify?: RawSession; race?: RawSession }): EventConfig['sessions'] {
  const out: NonNullable<EventConfig['sessions']> = {};
  for (const key of ['practice', 'qualify', 'race'] as const) {
    const s = raw[key];
    if (s === undefined) continue;
    out[key] = { time: s.time };
    if (s.laps !== undefined) out[key].laps = s.laps;
    if (s.waitTime !== undefined) out[key].waitTime = s.waitTime;
    if (s.isOpen !== undefined) out[key].isOpen = s.isOpen;
  }
  return out;
}
