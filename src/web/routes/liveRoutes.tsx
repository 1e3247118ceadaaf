import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { render } from 'preact-render-to-string';
import type { WebContext } from '../WebContext';
import { HttpError, boardKey, boardQuery, requireEvent } from '../WebContext';
import type { LiveView } from '../LiveHub';
import * as s from '../schemas';
import { BoardTable } from '../views/BoardTable';
import { leaderboardBody } from './apiRoutes';
import { SECURITY_HEADERS } from '../securityHeaders';

type Query = Record<string, string | undefined>;

/** Server-Sent Events: the pages' live fragments and the API's JSON stream. */
export function registerLive(app: FastifyInstance, ctx: WebContext): void {
  const { model, cache, hub, ids } = ctx;
  const idOf = (guid: string) => ids.idOf(guid);
  const stream = async (reply: FastifyReply, eventId: string, view: LiveView) => {
    requireEvent(ctx, eventId);
    if (hub.full) {
      ctx.log.warn(
        { clients: hub.clients },
        'live connection refused: WEB_SSE_MAX_CLIENTS reached (raise it if the machine has room)',
      );
      reply.header('retry-after', '30');
      throw new HttpError(503, 'Too many live connections right now; try again in a minute.');
    }
    reply.hijack();
    await hub.add(eventId, view, reply.raw, SECURITY_HEADERS);
  };
  const eventId = (req: FastifyRequest) => (req.params as { eventId: string }).eventId;

  app.get('/events/:eventId/live', { schema: { params: s.params.event, querystring: s.boardQuery } }, (req, reply) => {
    const id = eventId(req);
    const query = boardQuery(req.query as Query);
    const key = `html\u0000${boardKey(id, query)}`;
    return stream(reply, id, {
      key,
      event: 'board',
      render: () =>
        cache.get(`live:${key}`, async () =>
          render(<BoardTable board={await model.leaderboard(id, query)} idOf={idOf} />),
        ),
    });
  });

  app.get(
    '/overlay/:eventId/live',
    { schema: { params: s.params.overlay, querystring: s.overlayQuery } },
    (req, reply) => {
      const id = eventId(req);
      const top = Number((req.query as Query).top ?? 10);
      const key = `overlay\u0000${id}\u0000${top}`;
      return stream(reply, id, {
        key,
        event: 'board',
        render: () =>
          cache.get(`live:${key}`, async () =>
            render(<BoardTable board={await model.leaderboard(id, {})} idOf={() => ''} top={top} compact />),
          ),
      });
    },
  );

  app.get(
    '/api/v1/events/:eventId/leaderboard/stream',
    { schema: { params: s.params.event, querystring: s.boardQuery } },
    (req, reply) => {
      const id = eventId(req);
      const query = boardQuery(req.query as Query);
      const key = `json\u0000${boardKey(id, query)}`;
      return stream(reply, id, { key, event: 'board', render: () => leaderboardBody(ctx, id, query) });
    },
  );
}
