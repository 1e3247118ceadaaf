// Every link the website and the bot's posts make. Ids go through encodeURIComponent: event ids
// hold '#', which a browser would otherwise take for the start of a fragment.
const seg = encodeURIComponent;

export const urls = {
  home: () => '/',
  schedule: () => '/schedule',
  event: (eventId: string) => `/events/${seg(eventId)}`,
  eventLive: (eventId: string) => `/events/${seg(eventId)}/live`,
  driverInEvent: (eventId: string, driverId: string) => `/events/${seg(eventId)}/drivers/${seg(driverId)}`,
  season: (seasonId: string) => `/seasons/${seg(seasonId)}`,
  track: (track: string, layout?: string) => `/tracks/${seg(track)}${layout ? `/${seg(layout)}` : ''}`,
  driver: (driverId: string) => `/drivers/${seg(driverId)}`,
  overlay: (eventId: string) => `/overlay/${seg(eventId)}`,
  overlayLive: (eventId: string) => `/overlay/${seg(eventId)}/live`,
  api: {
    events: () => '/api/v1/events',
    leaderboard: (eventId: string) => `/api/v1/events/${seg(eventId)}/leaderboard`,
    stream: (eventId: string) => `/api/v1/events/${seg(eventId)}/leaderboard/stream`,
    openapi: () => '/api/v1/openapi.json',
  },
};

/** A query string of the set values only ('' when none). */
export function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The event's page on the public site, for Discord posts: undefined when WEB_PUBLIC_URL is not set. */
export function eventPageUrl(publicUrl: string | undefined, eventId: string): string | undefined {
  return publicUrl ? `${publicUrl.replace(/\/+$/, '')}${urls.event(eventId)}` : undefined;
}
