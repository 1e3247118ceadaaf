// The API's JSON bodies: the read model's data with GUIDs replaced by driver ids (the GUID only
// when WEB_SHOW_GUIDS allows it) and lap times also as text.
import type { SeasonStandings } from '../domain/standings/types';
import { prettyTrackName } from '../domain/season/prettyTrackName';
import { formatLapTime } from '../domain/leaderboard/formatLapTime';
import type { DriverIds } from './DriverIds';
import type { DriverProfile } from './driverProfile';
import type { Board, DriverInEvent, TrackRecord, WebEvent } from './ReadModel';
import { urls } from './urls';

function who(ids: DriverIds, guid: string): { driverId: string; driverGuid?: string } {
  return ids.showsGuids ? { driverId: ids.idOf(guid), driverGuid: guid } : { driverId: ids.idOf(guid) };
}

export function eventJson(e: WebEvent, currentEventId: string | null) {
  const { id, seasonId, seasonName, name, track, layout, flag, cars, start, timeZone, preseason } = e;
  return {
    id,
    seasonId,
    seasonName,
    name,
    track,
    layout,
    trackName: prettyTrackName(track, layout),
    flag,
    cars,
    start,
    timeZone,
    preseason,
    current: id === currentEventId,
    url: urls.event(id),
  };
}

export function leaderboardJson(board: Board, event: WebEvent, ids: DriverIds) {
  return {
    eventId: event.id,
    eventName: event.name,
    track: event.track,
    layout: event.layout,
    filters: { car: board.query.car ?? null, tyre: board.query.tyre ?? null, view: board.query.view ?? 'overall' },
    lapCount: board.lapCount,
    cars: board.cars,
    tyres: board.tyres,
    sectorBests: board.groups.map((g) => ({ carModel: g.carModel, sectorsMs: g.bestSectorsMs })),
    rows: board.groups.flatMap((g) =>
      g.rows.map((r) => ({
        position: r.position,
        ...who(ids, r.driverGuid),
        driver: r.driverName,
        carModel: r.carModel,
        tyre: r.tyre,
        lapTimeMs: r.lapTimeMs,
        lapTime: formatLapTime(r.lapTimeMs),
        gapMs: r.gapMs,
        sectorsMs: r.sectorsMs,
        theoreticalBestMs: r.theoreticalBestMs,
        lapCount: r.lapCount,
        recordedAt: r.recordedAt,
      })),
    ),
  };
}

export function driverLapsJson(eventId: string, d: DriverInEvent, ids: DriverIds) {
  return {
    eventId,
    ...who(ids, d.driverGuid),
    driver: d.driverName,
    laps: d.laps.map((l) => ({
      carModel: l.carModel,
      lapTimeMs: l.lapTimeMs,
      lapTime: formatLapTime(l.lapTimeMs),
      sectorsMs: l.sectorsMs,
      cuts: l.cuts,
      valid: l.valid,
      invalidReason: l.invalidReason,
      tyre: l.tyre,
      sessionType: l.sessionType,
      recordedAt: l.recordedAt,
      personalBest: l.personalBest,
    })),
  };
}

export function standingsJson(s: SeasonStandings, ids: DriverIds) {
  return {
    seasonId: s.seasonId,
    seasonName: s.seasonName,
    bestOf: s.bestOf,
    events: s.events,
    rows: s.rows.map((r) => ({
      rank: r.rank,
      ...who(ids, r.driverGuid),
      driver: r.driver,
      total: r.total,
      wins: r.wins,
      podiums: r.podiums,
      eventsEntered: r.eventsEntered,
      averagePercent: r.averagePercent,
      results: r.results,
    })),
  };
}

export function recordsJson(
  track: string,
  layout: string | undefined,
  car: string | undefined,
  records: TrackRecord[],
  ids: DriverIds,
) {
  return {
    track,
    layout: layout ?? null,
    car: car ?? null,
    records: records
      .filter((r) => !car || r.carModel === car)
      .map((r) => ({
        layout: r.layout,
        carModel: r.carModel,
        position: r.position,
        ...who(ids, r.driverGuid),
        driver: r.driverName,
        lapTimeMs: r.lapTimeMs,
        lapTime: formatLapTime(r.lapTimeMs),
        sectorsMs: r.sectorsMs,
        tyre: r.tyre,
        eventId: r.eventId,
        recordedAt: r.recordedAt,
      })),
  };
}

export function driverJson(p: DriverProfile, ids: DriverIds) {
  return {
    ...who(ids, p.driverGuid),
    driver: p.driverName,
    events: p.events.map(({ event, overall, perCar }) => ({
      eventId: event.id,
      eventName: event.name,
      position: overall?.position ?? null,
      bests: perCar.map((r) => ({
        carModel: r.carModel,
        lapTimeMs: r.lapTimeMs,
        lapTime: formatLapTime(r.lapTimeMs),
        position: r.position,
      })),
    })),
    seasons: p.seasons,
  };
}
