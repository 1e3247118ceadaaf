import type { DriverInEvent, WebEvent, WebSeason } from '../../ReadModel';
import { prettyCarName } from '../../../domain/season/prettyCarName';
import { Layout } from '../Layout';
import { EventHeading, LocalTime } from '../EventParts';
import { formatLapTime, formatSector } from '../format';
import { urls } from '../../urls';

export interface DriverEventPageProps {
  seasons: WebSeason[];
  event: WebEvent;
  driver: DriverInEvent;
  driverId: string;
}

/** Every lap of one driver in one event, valid or not, personal bests marked. */
export function DriverEventPage({ seasons, event, driver, driverId }: DriverEventPageProps) {
  const sectors = Math.max(0, ...driver.laps.map((l) => l.sectorsMs.length));
  return (
    <Layout title={`${driver.driverName} · ${event.name}`} seasons={seasons} scripts={['local-time.js']}>
      <EventHeading event={event} />
      <h2>
        <a href={urls.driver(driverId)}>{driver.driverName}</a>
      </h2>
      <p>
        <a href={urls.event(event.id)}>Back to the leaderboard</a>
      </p>
      <div class="table-wrap">
        <table class="laps">
          <thead>
            <tr>
              <th class="num">Lap</th>
              <th class="num">Time</th>
              {Array.from({ length: sectors }, (_, i) => (
                <th class="num">{`S${i + 1}`}</th>
              ))}
              <th>Valid</th>
              <th class="wide">Car</th>
              <th>Tyre</th>
              <th class="wide">Session</th>
              <th class="wide">Date</th>
            </tr>
          </thead>
          <tbody>
            {driver.laps.map((lap, n) => (
              <tr class={lap.personalBest ? 'pb' : lap.valid ? '' : 'invalid'}>
                <td class="num">{n + 1}</td>
                <td class="num time">
                  {formatLapTime(lap.lapTimeMs)}
                  {lap.personalBest && <span class="badge">PB</span>}
                </td>
                {Array.from({ length: sectors }, (_, i) => (
                  <td class={lap.bestSectors[i] ? 'num best' : 'num'}>{formatSector(lap.sectorsMs[i])}</td>
                ))}
                <td>{lap.valid ? 'yes' : `no: ${lap.invalidReason}`}</td>
                <td class="wide">{prettyCarName(lap.carModel)}</td>
                <td>{lap.tyre ?? '—'}</td>
                <td class="wide">{lap.sessionType.toLowerCase()}</td>
                <td class="wide">
                  <LocalTime iso={lap.recordedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
