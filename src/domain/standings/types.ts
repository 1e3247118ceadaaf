// The season standings as computed from laps. This object is written as-is to
// seasonStandings.json; docs/standings.md documents every field and rule.

/** The deepest rule needed to place a driver against the drivers next to them. */
export type DecidedBy = 'points' | 'averagePercent' | 'wins' | 'podiums' | 'firstSet' | 'tied';

export interface StandingEvent {
  /** full event id `<seasonId>#<eventId>` */
  eventId: string;
  name: string;
  /** the winning lap; null when nobody set a valid lap */
  fastestLapMs: number | null;
  driverCount: number;
}

export interface StandingResult {
  eventId: string;
  /** null when the driver set no valid lap in that event */
  position: number | null;
  points: number;
  lapTimeMs: number | null;
  /** true when a bestOf season leaves this score out of the total */
  dropped: boolean;
}

export interface TieBreak {
  averagePercent: number | null;
  wins: number;
  podiums: number;
  firstSetAt: string | null;
  decidedBy: DecidedBy;
}

export interface StandingRow {
  /** shared by drivers equal on every rule (1, 2, 2, 4) */
  rank: number;
  driverGuid: string;
  /** display name after aliases */
  driver: string;
  /** the alias that gave `driver`, null when the name is the one on the lap */
  alias: string | null;
  total: number;
  wins: number;
  podiums: number;
  eventsEntered: number;
  averagePercent: number | null;
  /** one per scoring event, in season order */
  results: StandingResult[];
  tieBreak: TieBreak;
}

export interface SeasonStandings {
  seasonId: string;
  seasonName: string;
  /** count only a driver's best N event scores; null = all count */
  bestOf: number | null;
  /** scoring (non-preseason) events in season order */
  events: StandingEvent[];
  rows: StandingRow[];
  generatedFrom: { lapCount: number };
}
