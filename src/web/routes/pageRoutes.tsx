import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WebContext } from '../WebContext';
import { boardKey, boardQuery, notFound, requireDriverInEvent, requireEvent } from '../WebContext';
import * as s from '../schemas';
import { renderPage } from '../views/Layout';
import { EventPage, HomePage } from '../views/pages/EventPage';
import { DriverEventPage } from '../views/pages/DriverEventPage';
import { SeasonPage } from '../views/pages/SeasonPage';
import { SchedulePage } from '../views/pages/SchedulePage';
import { TrackPage } from '../views/pages/TrackPage';
import { DriverPage } from '../views/pages/DriverPage';
import { OverlayPage } from '../views/pages/OverlayPage';
import { driverProfile } from '../driverProfile';
import { urls } from '../urls';

type Params = Record<string, string>;
type Query = Record<string, string | undefined>;

function html(reply: FastifyReply, body: Buffer): FastifyReply {
  return reply.type('text/html; charset=utf-8').send(body);
}

/** Every page: rendered once per data version and URL (see ResponseCache). */
export function registerPages(app: FastifyInstance, ctx: WebContext): void {
  const { model, cache, ids } = ctx;
  const idOf = (guid: string) => ids.idOf(guid);
  const page = (
    url: string,
    schema: object,
    render: (req: FastifyRequest) => Promise<{ key: string; html: () => Promise<string> }>,
  ) =>
    app.get(url, { schema }, async (req, reply) => {
      const { key, html: produce } = await render(req);
      // Kept encoded: a busy page is sent many times per render.
      return html(reply, await cache.get(`page:${key}`, async () => Buffer.from(await produce())));
    });

  page('/', {}, async () => {
    const now = ctx.clock.now().toISOString();
    const events = model.seasons().flatMap((se) => se.events);
    const next = events.filter((e) => e.start > now).sort((a, b) => (a.start < b.start ? -1 : 1))[0] ?? null;
    const currentId = await model.currentEventId();
    const event = currentId ? (model.event(currentId) ?? null) : null;
    return {
      key: `home\u0000${event?.id}\u0000${next?.id}`,
      html: async () => {
        const current = event ? { event, board: await model.leaderboard(event.id, {}) } : null;
        return renderPage(<HomePage seasons={model.seasons()} current={current} next={next} idOf={idOf} />);
      },
    };
  });

  page('/events/:eventId', { params: s.params.event, querystring: s.boardQuery }, async (req) => {
    const event = requireEvent(ctx, (req.params as Params).eventId!);
    const query = boardQuery(req.query as Query);
    return {
      key: `event\u0000${boardKey(event.id, query)}`,
      html: async () =>
        renderPage(
          <EventPage
            seasons={model.seasons()}
            event={event}
            board={await model.leaderboard(event.id, query)}
            query={query}
            idOf={idOf}
          />,
        ),
    };
  });

  page('/events/:eventId/drivers/:driverId', { params: s.params.eventDriver }, async (req) => {
    const { eventId, driverId } = req.params as { eventId: string; driverId: string };
    const event = requireEvent(ctx, eventId);
    const guid = await requireDriverInEvent(ctx, eventId, driverId);
    return {
      key: `laps\u0000${eventId}\u0000${driverId}`,
      html: async () =>
        renderPage(
          <DriverEventPage
            seasons={model.seasons()}
            event={event}
            driver={(await model.driverLaps(eventId, guid))!}
            driverId={driverId}
          />,
        ),
    };
  });

  page('/seasons/:seasonId', { params: s.params.season }, async (req) => {
    const { seasonId } = req.params as Params;
    const standings = await model.standings(seasonId!);
    if (!standings) throw notFound(`There is no season "${seasonId}".`);
    return {
      key: `season\u0000${seasonId}`,
      html: async () => renderPage(<SeasonPage seasons={model.seasons()} standings={standings} idOf={idOf} />),
    };
  });

  page('/schedule', {}, async () => {
    const current = await model.currentEventId();
    return {
      key: `schedule\u0000${current}`,
      html: async () => renderPage(<SchedulePage seasons={model.seasons()} currentEventId={current} />),
    };
  });

  const track = async (req: FastifyRequest) => {
    const { track: name, layout } = req.params as { track: string; layout?: string };
    const car = (req.query as Query).car || undefined;
    const events = model.seasons().flatMap((se) => se.events);
    if (!events.some((e) => e.track === name && (layout === undefined || e.layout === layout)))
      throw notFound(`No event of the schedule is on "${name}"${layout ? ` (${layout})` : ''}.`);
    const eventName = (id: string) => model.event(id)?.name ?? id;
    return {
      key: `track\u0000${name}\u0000${layout}\u0000${car}`,
      html: async () =>
        renderPage(
          <TrackPage
            seasons={model.seasons()}
            track={name}
            layout={layout}
            car={car}
            records={await model.trackRecords(name, layout)}
            idOf={idOf}
            eventName={eventName}
          />,
        ),
    };
  };
  page('/tracks/:track', { params: s.params.track, querystring: s.recordsQuery }, track);
  page('/tracks/:track/:layout', { params: s.params.trackLayout, querystring: s.recordsQuery }, track);

  page('/drivers/:driverId', { params: s.params.driver }, async (req) => {
    const { driverId } = req.params as { driverId: string };
    return {
      key: `driver\u0000${driverId}`,
      html: async () => {
        const profile = await driverProfile(model, ids, driverId);
        if (!profile) throw notFound(`No driver "${driverId}" has a lap in a scheduled event.`);
        return renderPage(<DriverPage seasons={model.seasons()} profile={profile} driverId={driverId} />);
      },
    };
  });

  page('/overlay/:eventId', { params: s.params.overlay, querystring: s.overlayQuery }, async (req) => {
    const event = requireEvent(ctx, (req.params as Params).eventId!);
    const top = Number((req.query as Query).top ?? 10);
    return {
      key: `overlay\u0000${event.id}\u0000${top}`,
      html: async () =>
        renderPage(
          <OverlayPage
            event={event}
            board={await model.leaderboard(event.id, {})}
            top={top}
            streamUrl={`${urls.overlayLive(event.id)}?top=${top}`}
          />,
        ),
    };
  });
}
