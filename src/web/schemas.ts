// JSON Schemas of the API: fastify validates requests and serialises responses with them (fields
// not listed never leave the server), and /api/v1/openapi.json publishes the same objects.
const str = { type: 'string' } as const;
const int = { type: 'integer' } as const;
const ms = { type: 'integer', description: 'milliseconds' } as const;
const nullable = (t: 'string' | 'integer' | 'number') => ({ type: [t, 'null'] }) as const;
const obj = (properties: Record<string, unknown>, required = Object.keys(properties)) =>
  ({ type: 'object', properties, required, additionalProperties: false }) as const;
const list = (items: unknown) => ({ type: 'array', items }) as const;

const driverGuid = {
  type: 'string',
  description: 'Steam GUID; only when the league publishes them (WEB_SHOW_GUIDS=true)',
} as const;
const driverId = { type: 'string', description: 'stable id used in driver URLs' } as const;
const optional = (o: { properties: Record<string, unknown>; required: readonly string[] }, ...names: string[]) => ({
  ...o,
  required: o.required.filter((r) => !names.includes(r)),
});

export const errorSchema = obj({ error: str, message: str });

export const eventSchema = obj({
  id: str,
  seasonId: str,
  seasonName: str,
  name: str,
  track: str,
  layout: str,
  trackName: str,
  flag: str,
  cars: list(str),
  start: { type: 'string', format: 'date-time' },
  timeZone: str,
  preseason: { type: 'boolean' },
  current: { type: 'boolean' },
  url: str,
});
export const eventsSchema = obj({ events: list(eventSchema) });

const boardRowSchema = optional(
  obj({
    position: int,
    driverId,
    driverGuid,
    driver: str,
    carModel: str,
    tyre: nullable('string'),
    lapTimeMs: ms,
    lapTime: str,
    gapMs: ms,
    sectorsMs: list(int),
    theoreticalBestMs: nullable('integer'),
    lapCount: int,
    recordedAt: str,
  }),
  'driverGuid',
);
export const leaderboardSchema = obj({
  eventId: str,
  eventName: str,
  track: str,
  layout: str,
  filters: obj({
    car: nullable('string'),
    tyre: nullable('string'),
    view: { type: 'string', enum: ['overall', 'car'] },
  }),
  lapCount: int,
  cars: list(str),
  tyres: list(str),
  sectorBests: list(obj({ carModel: nullable('string'), sectorsMs: list(int) })),
  rows: list(boardRowSchema),
});

export const driverLapsSchema = optional(
  obj({
    eventId: str,
    driverId,
    driverGuid,
    driver: str,
    laps: list(
      obj({
        carModel: str,
        lapTimeMs: ms,
        lapTime: str,
        sectorsMs: list(int),
        cuts: int,
        valid: { type: 'boolean' },
        invalidReason: nullable('string'),
        tyre: nullable('string'),
        sessionType: str,
        recordedAt: str,
        personalBest: { type: 'boolean' },
      }),
    ),
  }),
  'driverGuid',
);

export const standingsSchema = obj({
  seasonId: str,
  seasonName: str,
  bestOf: nullable('integer'),
  events: list(obj({ eventId: str, name: str, fastestLapMs: nullable('integer'), driverCount: int })),
  rows: list(
    optional(
      obj({
        rank: int,
        driverId,
        driverGuid,
        driver: str,
        total: { type: 'number' },
        wins: int,
        podiums: int,
        eventsEntered: int,
        averagePercent: nullable('number'),
        results: list(
          obj({
            eventId: str,
            position: nullable('integer'),
            points: { type: 'number' },
            lapTimeMs: nullable('integer'),
            dropped: { type: 'boolean' },
          }),
        ),
      }),
      'driverGuid',
    ),
  ),
});

export const recordsSchema = obj({
  track: str,
  layout: nullable('string'),
  car: nullable('string'),
  records: list(
    optional(
      obj({
        layout: str,
        carModel: str,
        position: int,
        driverId,
        driverGuid,
        driver: str,
        lapTimeMs: ms,
        lapTime: str,
        sectorsMs: list(int),
        tyre: nullable('string'),
        eventId: str,
        recordedAt: str,
      }),
      'driverGuid',
    ),
  ),
});

export const driverSchema = optional(
  obj({
    driverId,
    driverGuid,
    driver: str,
    events: list(
      obj({
        eventId: str,
        eventName: str,
        position: nullable('integer'),
        bests: list(obj({ carModel: str, lapTimeMs: ms, lapTime: str, position: int })),
      }),
    ),
    seasons: list(obj({ seasonId: str, seasonName: str, rank: int, total: { type: 'number' }, eventsEntered: int })),
  }),
  'driverGuid',
);

const text = (maxLength: number, description: string) => ({ type: 'string', maxLength, description }) as const;
export const params = {
  event: obj({ eventId: text(200, 'event id, e.g. season1%23event2 (the # URL-encoded)') }),
  eventDriver: obj({
    eventId: text(200, 'event id, # URL-encoded'),
    driverId: text(100, 'driver id from a leaderboard'),
  }),
  season: obj({ seasonId: text(100, 'season id') }),
  track: obj({ track: text(200, 'track folder, e.g. ks_red_bull_ring') }),
  trackLayout: obj({ track: text(200, 'track folder'), layout: text(200, 'layout folder') }),
  driver: obj({ driverId: text(100, 'driver id') }),
  overlay: obj({ eventId: text(200, 'event id, # URL-encoded') }),
};
export const boardQuery = obj(
  {
    car: text(100, 'only this car (folder name)'),
    tyre: text(20, 'only this tyre, e.g. SM'),
    view: { type: 'string', enum: ['overall', 'car'], description: "'car': one ranking per car" },
  },
  [],
);
export const recordsQuery = obj({ layout: text(200, 'only this layout'), car: text(100, 'only this car') }, []);
export const overlayQuery = obj(
  { top: { type: 'integer', minimum: 1, maximum: 50, default: 10, description: 'rows shown' } },
  [],
);
