// Small builders for standings tests: laps and seasons with only the fields a test cares about.
import type { EventConfig, SeasonConfigSeason } from '../../../src/domain/season/season';
import type { Lap } from '../../../src/domain/types';

let counter = 0;

export interface LapSpec {
  event: string;
  guid: string;
  ms: number;
  name?: string;
  valid?: boolean;
  /** recordedAt */
  at?: string;
  /** lapTimestamp (server uptime ms) */
  ts?: number;
}

export function lap(spec: LapSpec): Lap {
  counter += 1;
  const ts = spec.ts ?? counter * 1000;
  return {
    eventId: spec.event,
    lapKey: `${spec.guid}#${ts}`,
    driverGuid: spec.guid,
    driverName: spec.name ?? `Driver ${spec.guid}`,
    carModel: 'ks_mazda_mx5_cup',
    lapTimeMs: spec.ms,
    sectorsMs: [spec.ms],
    cuts: spec.valid === false ? 1 : 0,
    valid: spec.valid ?? true,
    tyre: 'SM',
    sessionType: 'PRACTICE',
    track: 'ks_vallelunga',
    trackConfig: '',
    resultFile: '2024_1_1_10_0_PRACTICE.json',
    lapTimestamp: ts,
    sessionTime: spec.at ?? '2024-01-01T10:00:00.000Z',
    recordedAt: spec.at ?? '2024-01-01T10:00:00.000Z',
  };
}

export interface EventSpec {
  id: string;
  name?: string;
  preseason?: boolean;
}

export function season(
  events: Array<string | EventSpec>,
  rules: Partial<Omit<SeasonConfigSeason, 'events'>> = {},
): SeasonConfigSeason {
  return {
    id: 's1',
    name: 'Season 1',
    pointsTable: [25, 18, 15, 12, 10, 8, 6, 4, 2, 1],
    participationPoints: 0,
    fastestLapBonus: 0,
    bestOf: null,
    ...rules,
    events: events.map((e) => eventConfig(typeof e === 'string' ? { id: e } : e)),
  };
}

function eventConfig(spec: EventSpec): EventConfig {
  const localId = spec.id.split('#')[1] ?? spec.id;
  return {
    id: spec.id,
    localId,
    seasonId: 's1',
    name: spec.name ?? `Round ${localId}`,
    track: 'ks_vallelunga',
    layout: '',
    cars: [{ model: 'ks_mazda_mx5_cup', skins: [], slots: 10 }],
    start: '2024-01-01T00:00:00.000Z',
    timeZone: 'UTC',
    preseason: spec.preseason ?? false,
  };
}

export function byEvent(laps: Lap[]): Map<string, Lap[]> {
  const map = new Map<string, Lap[]>();
  for (const l of laps) map.set(l.eventId, [...(map.get(l.eventId) ?? []), l]);
  return map;
}
