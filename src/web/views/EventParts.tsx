import type { Board, BoardQuery, WebEvent } from '../ReadModel';
import { prettyCarName } from '../../domain/season/prettyCarName';
import { prettyTrackName } from '../../domain/season/prettyTrackName';
import { BoardTable } from './BoardTable';
import { utcText } from './format';
import { urls } from '../urls';

/** Start time: UTC in the HTML, the reader's own zone once local-time.js ran. */
export function LocalTime({ iso }: { iso: string }) {
  return (
    <time datetime={iso} data-local-time="">
      {utcText(iso)}
    </time>
  );
}

export function EventHeading({ event }: { event: WebEvent }) {
  return (
    <header class="event-heading">
      <h1>
        <span class="flag">{event.flag}</span> {event.name}
      </h1>
      <p>
        <a href={urls.season(event.seasonId)}>{event.seasonName}</a> ·{' '}
        <a href={urls.track(event.track, event.layout || undefined)}>{prettyTrackName(event.track, event.layout)}</a> ·{' '}
        {event.cars.map(prettyCarName).join(', ')} · <LocalTime iso={event.start} />
      </p>
    </header>
  );
}

export function Filters({ event, board, query }: { event: WebEvent; board: Board; query: BoardQuery }) {
  const cars = [...new Set([...event.cars, ...board.cars])].sort();
  return (
    <form method="get" action={urls.event(event.id)} class="filters" data-auto-submit="">
      <label>
        Car{' '}
        <select name="car">
          <option value="">All cars</option>
          {cars.map((c) => (
            <option value={c} selected={query.car === c}>
              {prettyCarName(c)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Tyre{' '}
        <select name="tyre">
          <option value="">All tyres</option>
          {board.tyres.map((t) => (
            <option value={t} selected={query.tyre === t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      {cars.length > 1 && (
        <label>
          View{' '}
          <select name="view">
            <option value="overall">Best per driver</option>
            <option value="car" selected={query.view === 'car'}>
              Per car
            </option>
          </select>
        </label>
      )}
      <button type="submit">Show</button>
    </form>
  );
}

/** The board, replaced in place by live.js from the page's stream. */
export function LiveBoard({
  board,
  idOf,
  streamUrl,
}: {
  board: Board;
  idOf: (guid: string) => string;
  streamUrl: string;
}) {
  return (
    <section class="live">
      <p class="live-status" data-live-status="" />
      <div id="board" data-live={streamUrl}>
        <BoardTable board={board} idOf={idOf} />
      </div>
    </section>
  );
}
