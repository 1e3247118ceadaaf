import type { TrackRecord, WebSeason } from '../../ReadModel';
import { prettyCarName } from '../../../domain/season/prettyCarName';
import { prettyTrackName } from '../../../domain/season/prettyTrackName';
import { Layout } from '../Layout';
import { formatLapTime, formatSector } from '../format';
import { query as qs, urls } from '../../urls';

export interface TrackPageProps {
  seasons: WebSeason[];
  track: string;
  layout?: string;
  records: TrackRecord[];
  car?: string;
  idOf: (guid: string) => string;
  eventName: (eventId: string) => string;
}

/** All-time records on a track: per layout and car, every driver's best across seasons. */
export function TrackPage({ seasons, track, layout, records, car, idOf, eventName }: TrackPageProps) {
  const cars = [...new Set(records.map((r) => r.carModel))].sort();
  const shown = car ? records.filter((r) => r.carModel === car) : records;
  const sections = [...new Set(shown.map((r) => `${r.layout}\u0000${r.carModel}`))];
  return (
    <Layout title={prettyTrackName(track, layout)} seasons={seasons}>
      <h1>{`Records: ${prettyTrackName(track, layout)}`}</h1>
      <form method="get" action={urls.track(track, layout)} class="filters" data-auto-submit="">
        <label>
          Car{' '}
          <select name="car">
            <option value="">All cars</option>
            {cars.map((c) => (
              <option value={c} selected={car === c}>
                {prettyCarName(c)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Show</button>
      </form>
      {sections.length === 0 && <p class="empty">No valid laps on this track yet.</p>}
      {sections.map((key) => {
        const rows = shown.filter((r) => `${r.layout}\u0000${r.carModel}` === key);
        const first = rows[0]!;
        const sectors = Math.max(0, ...rows.map((r) => r.sectorsMs.length));
        return (
          <section>
            <h2>{`${prettyTrackName(track, first.layout)} · ${prettyCarName(first.carModel)}`}</h2>
            <div class="table-wrap">
              <table class="records">
                <thead>
                  <tr>
                    <th class="num">#</th>
                    <th>Driver</th>
                    <th class="num">Time</th>
                    {Array.from({ length: sectors }, (_, i) => (
                      <th class="num wide">{`S${i + 1}`}</th>
                    ))}
                    <th class="wide">Tyre</th>
                    <th>Event</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr>
                      <td class="num">{r.position}</td>
                      <td class="driver">
                        <a href={urls.driver(idOf(r.driverGuid))}>{r.driverName}</a>
                      </td>
                      <td class="num time">{formatLapTime(r.lapTimeMs)}</td>
                      {Array.from({ length: sectors }, (_, i) => (
                        <td class="num wide">{formatSector(r.sectorsMs[i])}</td>
                      ))}
                      <td class="wide">{r.tyre ?? '—'}</td>
                      <td>
                        <a href={urls.event(r.eventId)}>{eventName(r.eventId)}</a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
      <p class="more">
        <a href={`/api/v1/tracks/${encodeURIComponent(track)}/records${qs({ layout, car })}`}>JSON</a>
      </p>
    </Layout>
  );
}
