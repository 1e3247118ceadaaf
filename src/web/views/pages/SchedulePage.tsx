import type { WebSeason } from '../../ReadModel';
import { prettyCarName } from '../../../domain/season/prettyCarName';
import { prettyTrackName } from '../../../domain/season/prettyTrackName';
import { Layout } from '../Layout';
import { LocalTime } from '../EventParts';
import { urls } from '../../urls';

/** Every event with its flag, cars and start (shown in the reader's own time zone by local-time.js). */
export function SchedulePage({ seasons, currentEventId }: { seasons: WebSeason[]; currentEventId: string | null }) {
  return (
    <Layout title="Schedule" seasons={seasons} scripts={['local-time.js']}>
      <h1>Schedule</h1>
      {seasons.map((s) => (
        <section>
          <h2>
            <a href={urls.season(s.id)}>{s.name}</a>
          </h2>
          <div class="table-wrap">
            <table class="schedule">
              <thead>
                <tr>
                  <th>Event</th>
                  <th>Track</th>
                  <th class="wide">Cars</th>
                  <th>Start</th>
                </tr>
              </thead>
              <tbody>
                {s.events.map((e) => (
                  <tr class={e.id === currentEventId ? 'current' : ''} data-event={e.id}>
                    <td>
                      <a href={urls.event(e.id)}>{e.name}</a>
                      {e.preseason && <span class="badge">preseason</span>}
                      {e.id === currentEventId && <span class="badge">running</span>}
                    </td>
                    <td>
                      <span class="flag">{e.flag}</span>{' '}
                      <a href={urls.track(e.track, e.layout || undefined)}>{prettyTrackName(e.track, e.layout)}</a>
                    </td>
                    <td class="wide">{e.cars.map(prettyCarName).join(', ')}</td>
                    <td>
                      <LocalTime iso={e.start} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </Layout>
  );
}
