// What the website reads, and nothing else: the web layer sees the league only through this port.
// Names here are display names (aliases applied); GUIDs are identities, never shown unless the
// admin allows it (WEB_SHOW_GUIDS).
import type { SeasonStandings } from '../domain/standings/types';
import type { SessionType } from '../domain/types';

export interface WebEvent {
  id: string;
  seasonId: string;
  seasonName: string;
  name: string;
  track: string;
  layout: string;
  cars: string[];
  /** ISO instant */
  start: string;
  /** zone the start was written in */
  timeZone: string;
  preseason: boolean;
  flag: string;
}

export interface WebSeason {
  id: string;
  name: string;
  events: WebEvent[];
}

export interface BoardQuery {
  car?: string;
  tyre?: string;
  /** 'car': one ranking per car, a driver's best in each car kept apart */
  view?: 'overall' | 'car';
}

export interface BoardRow {
  /** rank inside its group (the whole board, or its car in the per-car view) */
  position: number;
  driverGuid: string;
  driverName: string;
  carModel: string;
  tyre: string | null;
  lapTimeMs: number;
  /** behind the leader of its group */
  gapMs: number;
  sectorsMs: number[];
  /** sum of the driver's best sectors over valid laps; null without sector times */
  theoreticalBestMs: number | null;
  /** laps driven (valid or not) that match the filter */
  lapCount: number;
  recordedAt: string;
}

export interface BoardGroup {
  /** the car of a per-car group; null for the overall board */
  carModel: string | null;
  rows: BoardRow[];
  /** fastest valid time of each sector in the group */
  bestSectorsMs: number[];
}

export interface Board {
  eventId: string;
  query: BoardQuery;
  groups: BoardGroup[];
  /** cars and tyres seen in the event's laps, for the filters */
  cars: string[];
  tyres: string[];
  /** laps that match the filter, valid or not */
  lapCount: number;
}

export interface DriverLap {
  carModel: string;
  lapTimeMs: number;
  sectorsMs: number[];
  cuts: number;
  valid: boolean;
  /** why the lap does not count; null for a valid lap */
  invalidReason: string | null;
  tyre: string | null;
  sessionType: SessionType;
  recordedAt: string;
  /** the driver's best valid lap in this car */
  personalBest: boolean;
  /** per sector: the driver's best valid time of that sector in this car */
  bestSectors: boolean[];
}

export interface DriverInEvent {
  driverGuid: string;
  driverName: string;
  laps: DriverLap[];
}

export interface TrackRecord {
  layout: string;
  carModel: string;
  position: number;
  driverGuid: string;
  driverName: string;
  lapTimeMs: number;
  sectorsMs: number[];
  tyre: string | null;
  eventId: string;
  recordedAt: string;
}

export interface ReadModel {
  seasons(): WebSeason[];
  event(eventId: string): WebEvent | undefined;
  /** The event acServer runs now (currentEvent.json, else the schedule). */
  currentEventId(): Promise<string | null>;
  leaderboard(eventId: string, query: BoardQuery): Promise<Board>;
  /** Every driver with a lap in the event (valid or not), aliases applied. */
  eventDrivers(eventId: string): Promise<Array<{ driverGuid: string; driverName: string }>>;
  driverLaps(eventId: string, driverGuid: string): Promise<DriverInEvent | undefined>;
  standings(seasonId: string): Promise<SeasonStandings | undefined>;
  trackRecords(track: string, layout?: string): Promise<TrackRecord[]>;
  /** Bumped on every change that can alter what is shown (laps, names, schedule). */
  version(): number;
  /** Laps of an event changed (ingest, live lap); returns the unsubscribe. */
  onChange(listener: (eventId: string) => void): () => void;
}
