import type { WebSeason } from '../../ReadModel';
import type { DriverProfile } from '../../driverProfile';
import { prettyCarName } from '../../../domain/season/prettyCarName';
import { Layout } from '../Layout';
import { formatLapTime } from '../format';
import { urls } from '../../urls';

/** A driver's events (position and best in each car) and season results. */
export function DriverPage({
  seasons,
  profile,
  driverId,
}: {
  seasons: WebSeason[];
  profile: DriverProfile;
  driverId: string;
}) {
  return (
    <Layout title={profile.driverName} seasons={seasons}>
      <h1>{profile.driverName}</h1>
      <h2>Seasons</h2>
      {profile.seasons.length === 0 && <p class="empty">No season results yet.</p>}
      <ul>
        {profile.seasons.map((s) => (
          <li>
            <a href={urls.season(s.seasonId)}>{s.seasonName}</a>
            {`: P${s.rank}, ${s.total} points from ${s.eventsEntered} ${s.eventsEntered === 1 ? 'event' : 'events'}`}
          </li>
        ))}
      </ul>
      <h2>Events</h2>
      <div class="table-wrap">
        <table class="driver-events">
          <thead>
            <tr>
              <th>Event</th>
              <th class="num">Pos</th>
              <th>Best per car</th>
            </tr>
          </thead>
          <tbody>
            {profile.events.map(({ event, overall, perCar }) => (
              <tr>
                <td>
                  <span class="flag">{event.flag}</span>{' '}
                  <a href={urls.driverInEvent(event.id, driverId)}>{event.name}</a>
                </td>
                <td class="num">{overall ? `P${overall.position}` : '—'}</td>
                <td>
                  {perCar.length === 0
                    ? 'no valid lap'
                    : perCar
                        .map((r) => `${prettyCarName(r.carModel)} ${formatLapTime(r.lapTimeMs)} (P${r.position})`)
                        .join(' · ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
