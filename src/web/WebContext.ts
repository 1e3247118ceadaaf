import type { Logger } from '../logger';
import type { Clock } from '../app/ports';
import type { DriverIds } from './DriverIds';
import type { LiveHub } from './LiveHub';
import type { BoardQuery, ReadModel, WebEvent } from './ReadModel';
import type { ResponseCache } from './ResponseCache';

/** What every route gets. */
export interface WebContext {
  model: ReadModel;
  ids: DriverIds;
  cache: ResponseCache;
  hub: LiveHub;
  clock: Clock;
  log: Logger;
}

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

export function notFound(message: string): HttpError {
  return new HttpError(404, message);
}

export function requireEvent(ctx: WebContext, eventId: string): WebEvent {
  const event = ctx.model.event(eventId);
  if (!event) throw notFound(`There is no event "${eventId}". The schedule lists every event.`);
  return event;
}

/** The event's driver whose URL id this is (any driver with a lap there, valid or not). */
export async function requireDriverInEvent(ctx: WebContext, eventId: string, driverId: string): Promise<string> {
  const guid = ctx.ids.resolve(
    driverId,
    (await ctx.model.eventDrivers(eventId)).map((d) => d.driverGuid),
  );
  if (!guid) throw notFound(`No driver "${driverId}" has a lap in this event.`);
  return guid;
}

export function boardQuery(q: { car?: string; tyre?: string; view?: string }): BoardQuery {
  return { car: q.car || undefined, tyre: q.tyre || undefined, view: q.view === 'car' ? 'car' : undefined };
}

export function boardKey(eventId: string, q: BoardQuery): string {
  return `${eventId}\u0000${q.car ?? ''}\u0000${q.tyre ?? ''}\u0000${q.view ?? ''}`;
}
