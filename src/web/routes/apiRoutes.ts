import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebContext } from '../WebContext';
import { boardKey, boardQuery, notFound, requireDriverInEvent, requireEvent } from '../WebContext';
import * as s from '../schemas';
import { driverJson, driverLapsJson, eventJson, leaderboardJson, recordsJson, standingsJson } from '../apiJson';
import { driverProfile } from '../driverProfile';

/** One documented GET route of the JSON API (also the source of openapi.json). */
export interface ApiRoute {
  url: string;
  summary: string;
  schema: { params?: object; querystring?: object; response: Record<number, object> };
  handler(ctx: WebContext, req: FastifyRequest): Promise<unknown>;
  /** the handler returns JSON text already (cached bodies) */
  json?: boolean;
}

type Params = Record<string, string>;
type Query = Record<string, string | undefined>;
const p = (req: FastifyRequest) => req.params as Params;
const q = (req: FastifyRequest) => req.query as Query;
const errors = { 404: s.errorSchema, 400: s.errorSchema };

/**
 * The leaderboard as JSON text, shared by the JSON route and the JSON stream: built and serialised
 * once per change (leaderboardJson builds every field explicitly, so nothing else can leak).
 */
export function leaderboardBody(
  ctx: WebContext,
  eventId: string,
  query: ReturnType<typeof boardQuery>,
): Promise<string> {
  const event = requireEvent(ctx, eventId);
  return ctx.cache.get(`api:board:${boardKey(eventId, query)}`, async () =>
    JSON.stringify(leaderboardJson(await ctx.model.leaderboard(eventId, query), event, ctx.ids)),
  );
}

export const apiRoutes: ApiRoute[] = [
  {
    url: '/api/v1/events',
    summary: 'Every event of every season, in schedule order',
    schema: { response: { 200: s.eventsSchema } },
    async handler(ctx) {
      const current = await ctx.model.currentEventId();
      return { events: ctx.model.seasons().flatMap((season) => season.events.map((e) => eventJson(e, current))) };
    },
  },
  {
    url: '/api/v1/events/:eventId/leaderboard',
    summary:
      "An event's leaderboard in rank order (best valid lap per driver), optionally for one car or tyre, or per car",
    schema: { params: s.params.event, querystring: s.boardQuery, response: { 200: s.leaderboardSchema, ...errors } },
    handler: (ctx, req) => leaderboardBody(ctx, p(req).eventId!, boardQuery(q(req))),
    json: true,
  },
  {
    url: '/api/v1/events/:eventId/drivers/:driverId/laps',
    summary: 'Every lap of one driver in an event, valid or not (with the reason), oldest first',
    schema: { params: s.params.eventDriver, response: { 200: s.driverLapsSchema, ...errors } },
    async handler(ctx, req) {
      const { eventId, driverId } = p(req) as { eventId: string; driverId: string };
      requireEvent(ctx, eventId);
      const guid = await requireDriverInEvent(ctx, eventId, driverId);
      return driverLapsJson(eventId, (await ctx.model.driverLaps(eventId, guid))!, ctx.ids);
    },
  },
  {
    url: '/api/v1/seasons/:seasonId/standings',
    summary: "A season's standings: points per event (dropped ones marked), totals, tie-break data",
    schema: { params: s.params.season, response: { 200: s.standingsSchema, ...errors } },
    async handler(ctx, req) {
      const standings = await ctx.model.standings(p(req).seasonId!);
      if (!standings) throw notFound(`There is no season "${p(req).seasonId}".`);
      return standingsJson(standings, ctx.ids);
    },
  },
  {
    url: '/api/v1/tracks/:track/records',
    summary: "All-time records on a track across seasons: per layout and car, every driver's best valid lap",
    schema: { params: s.params.track, querystring: s.recordsQuery, response: { 200: s.recordsSchema, ...errors } },
    async handler(ctx, req) {
      const { track } = p(req) as { track: string };
      const { layout, car } = q(req);
      if (
        !ctx.model
          .seasons()
          .some((se) => se.events.some((e) => e.track === track && (layout === undefined || e.layout === layout)))
      ) {
        throw notFound(
          `No event of the schedule is on track "${track}"${layout === undefined ? '' : ` layout "${layout}"`}.`,
        );
      }
      return recordsJson(track, layout, car || undefined, await ctx.model.trackRecords(track, layout), ctx.ids);
    },
  },
  {
    url: '/api/v1/drivers/:driverId',
    summary: "A driver's events (position, best in each car) and season results",
    schema: { params: s.params.driver, response: { 200: s.driverSchema, ...errors } },
    async handler(ctx, req) {
      const profile = await driverProfile(ctx.model, ctx.ids, p(req).driverId!);
      if (!profile) throw notFound(`No driver "${p(req).driverId}" has a lap in a scheduled event.`);
      return driverJson(profile, ctx.ids);
    },
  },
];

export function registerApi(app: FastifyInstance, ctx: WebContext): void {
  for (const route of apiRoutes) {
    app.get(route.url, { schema: route.schema }, async (req, reply) => {
      const body = await route.handler(ctx, req);
      return route.json ? reply.type('application/json; charset=utf-8').send(body) : body;
    });
  }
}
