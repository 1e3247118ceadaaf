import type { Board, BoardQuery, WebEvent, WebSeason } from '../../ReadModel';
import { Layout } from '../Layout';
import { EventHeading, Filters, LiveBoard } from '../EventParts';
import { LocalTime } from '../EventParts';
import { prettyTrackName } from '../../../domain/season/prettyTrackName';
import { query as qs, urls } from '../../urls';

export interface EventPageProps {
  seasons: WebSeason[];
  event: WebEvent;
  board: Board;
  query: BoardQuery;
  idOf: (guid: string) => string;
}

export function EventPage({ seasons, event, board, query, idOf }: EventPageProps) {
  const q = qs({ car: query.car, tyre: query.tyre, view: query.view });
  return (
    <Layout title={event.name} seasons={seasons} scripts={['live.js', 'local-time.js', 'filters.js']}>
      <EventHeading event={event} />
      <Filters event={event} board={board} query={query} />
      <LiveBoard board={board} idOf={idOf} streamUrl={`${urls.eventLive(event.id)}${q}`} />
      <p class="more">
        <a href={`${urls.api.leaderboard(event.id)}${q}`}>JSON</a> · <a href={urls.overlay(event.id)}>Stream overlay</a>
      </p>
    </Layout>
  );
}

export interface HomePageProps {
  seasons: WebSeason[];
  current: { event: WebEvent; board: Board } | null;
  next: WebEvent | null;
  idOf: (guid: string) => string;
}

/** The running event's live board, the next event, and the way to everything else. */
export function HomePage({ seasons, current, next, idOf }: HomePageProps) {
  const tracks = [...new Map(seasons.flatMap((s) => s.events).map((e) => [`${e.track}/${e.layout}`, e])).values()];
  return (
    <Layout title="Live" seasons={seasons} scripts={['live.js', 'local-time.js']}>
      {current ? (
        <>
          <EventHeading event={current.event} />
          <LiveBoard board={current.board} idOf={idOf} streamUrl={urls.eventLive(current.event.id)} />
          <p class="more">
            <a href={urls.event(current.event.id)}>Filters, per-car boards and sectors</a>
          </p>
        </>
      ) : (
        <h1>No event is running</h1>
      )}
      {next && (
        <section class="next">
          <h2>Next event</h2>
          <p>
            <span class="flag">{next.flag}</span> <a href={urls.event(next.id)}>{next.name}</a> ·{' '}
            <LocalTime iso={next.start} />
          </p>
        </section>
      )}
      <section class="index">
        <h2>Everything else</h2>
        <ul>
          <li>
            <a href={urls.schedule()}>Schedule: every event</a>
          </li>
          {seasons.map((s) => (
            <li>
              <a href={urls.season(s.id)}>{`${s.name}: standings`}</a>
            </li>
          ))}
          {tracks.map((e) => (
            <li>
              <a
                href={urls.track(e.track, e.layout || undefined)}
              >{`Track records: ${prettyTrackName(e.track, e.layout)}`}</a>
            </li>
          ))}
        </ul>
      </section>
    </Layout>
  );
}
