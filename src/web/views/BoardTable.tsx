import type { Board, BoardGroup } from '../ReadModel';
import { prettyCarName } from '../../domain/season/prettyCarName';
import { formatGap, formatLapTime, formatSector } from './format';
import { urls } from '../urls';

export interface BoardTableProps {
  board: Board;
  idOf: (guid: string) => string;
  /** the overlay shows the first rows only, without links */
  top?: number;
  compact?: boolean;
}

function sectorCount(group: BoardGroup): number {
  return Math.max(group.bestSectorsMs.length, ...group.rows.map((r) => r.sectorsMs.length));
}

function GroupTable({ board, group, idOf, top, compact }: BoardTableProps & { group: BoardGroup }) {
  const rows = top === undefined ? group.rows : group.rows.slice(0, top);
  const sectors = compact ? 0 : sectorCount(group);
  return (
    <div class="table-wrap">
      <table class="board">
        <thead>
          <tr>
            <th class="num">#</th>
            <th>Driver</th>
            {!compact && <th class="wide">Car</th>}
            <th class="num">Time</th>
            <th class="num">Gap</th>
            {Array.from({ length: sectors }, (_, i) => (
              <th class="num wide">{`S${i + 1}`}</th>
            ))}
            {!compact && (
              <th class="num wide" title="Sum of the driver's best sectors">
                Theoretical
              </th>
            )}
            {!compact && <th class="num wide">Laps</th>}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={5 + sectors + (compact ? 0 : 3)} class="empty">
                No valid laps yet.
              </td>
            </tr>
          )}
          {rows.map((r) => (
            <tr data-driver={idOf(r.driverGuid)}>
              <td class="num">{r.position}</td>
              <td class="driver">
                {compact ? (
                  r.driverName
                ) : (
                  <a href={urls.driverInEvent(board.eventId, idOf(r.driverGuid))} title={`${r.driverName}: every lap`}>
                    {r.driverName}
                  </a>
                )}
              </td>
              {!compact && (
                <td class="wide">
                  {prettyCarName(r.carModel)}
                  {r.tyre && <span class="tyre">{r.tyre}</span>}
                </td>
              )}
              <td class="num time">{formatLapTime(r.lapTimeMs)}</td>
              <td class="num">{formatGap(r.gapMs, r.position === 1)}</td>
              {Array.from({ length: sectors }, (_, i) => (
                <td
                  class={
                    r.sectorsMs[i] !== undefined && r.sectorsMs[i] === group.bestSectorsMs[i]
                      ? 'num wide best'
                      : 'num wide'
                  }
                >
                  {formatSector(r.sectorsMs[i])}
                </td>
              ))}
              {!compact && (
                <td class="num wide">{r.theoreticalBestMs === null ? '—' : formatLapTime(r.theoreticalBestMs)}</td>
              )}
              {!compact && <td class="num wide">{r.lapCount}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The leaderboard: one table, or one per car in the per-car view. Also the live fragment. */
export function BoardTable(props: BoardTableProps) {
  const { board } = props;
  return (
    <div class="board-groups">
      {board.groups.map((group) => (
        <section class="board-group">
          {group.carModel !== null && <h3>{prettyCarName(group.carModel)}</h3>}
          <GroupTable {...props} group={group} />
        </section>
      ))}
      {board.groups.length === 0 && <p class="empty">No laps match these filters.</p>}
      {!props.compact && <p class="lap-count">{`${board.lapCount} ${board.lapCount === 1 ? 'lap' : 'laps'} driven`}</p>}
    </div>
  );
}
