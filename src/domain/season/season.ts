// The season config (seasonConfig.json) as the rest of the code sees it after validation.
// The zod schema that produces these lives in seasonSchema.ts.

export interface CarEntry {
  /** car folder name, e.g. ks_mazda_mx5_cup */
  model: string;
  /** skin folder names used round-robin over the slots; empty = acServer picks */
  skins: string[];
  /** number of entry-list slots for this car */
  slots: number;
}

export interface SessionSettings {
  /** minutes */
  time: number;
  laps?: number;
  waitTime?: number;
  isOpen?: number;
}

export interface EventConfig {
  /** full id `<seasonId>#<eventId>` e.g. season1#event2 */
  id: string;
  /** id inside the season, e.g. event2 */
  localId: string;
  seasonId: string;
  name: string;
  track: string;
  /** track layout (CONFIG_TRACK); '' when none */
  layout: string;
  cars: CarEntry[];
  /** instant the event starts (ISO 8601 with offset, normalised to UTC) */
  start: string;
  /** IANA zone the start was written in (for display) */
  timeZone: string;
  preseason: boolean;
  /** server ids hosting it (its own list, else its season's); absent = the default server */
  servers?: string[];
  sessions?: {
    practice?: SessionSettings;
    qualify?: SessionSettings;
    race?: SessionSettings;
  };
}

export interface SeasonConfigSeason {
  id: string;
  name: string;
  /** points for P1, P2, ... */
  pointsTable: number[];
  participationPoints: number;
  fastestLapBonus: number;
  /** count only a driver's best N events; null = all */
  bestOf: number | null;
  events: EventConfig[];
}

export interface SeasonConfig {
  timeZone: string;
  seasons: SeasonConfigSeason[];
  /** track folder -> flag emoji, extends the built-in table */
  trackFlags: Record<string, string>;
  /** car model -> emoji (custom guild emoji allowed) */
  carEmoji: Record<string, string>;
}
