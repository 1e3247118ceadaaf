// Builds acServer results JSON the way acServer (and managers re-saving it) write it, for the
// project's own test data. Only makeAcResults.ts uses it; tests read the written files.

export const KICKED = '$#@@!$kicked';
export const NO_LAP = 999999999;


/** One entry-list slot as the Cars array shows it; an open slot has empty name and GUID. */
export interface Slot {
  carId: number;
  model: string;
  skin: string;
  name?: string;
  guid?: string;
  team?: string;
  nation?: string;
  /** GuidsList as written; default [guid]. */
  guidsList?: string[];
}

export interface Lap {
  name: string;
  guid: string;
  carId: number;
  model: string;
  ts: number;
  time: number;
  sectors: number[];
  cuts: number;
  tyre: string;
}

/** A run of consecutive laps by one driver in one slot, starting at uptime `start` ms. */
export function stint(
  r: () => number,
  o: { slot: Slot; name?: string; guid?: string; start: number; laps: number; pace: number; cutRate?: number; cutLaps?: number[]; sectors: 2 | 3; tyre?: string },
): Lap[] {
  const out: Lap[] = [];
  let ts = o.start;
  for (let i = 0; i < o.laps; i++) {
    const roll = r();
    const cut = o.cutLaps ? o.cutLaps.includes(i) : roll < (o.cutRate ?? 0);
    // A cut lap is often the quickest one: cutting a corner saves time. Ranking must ignore it.
    const time = Math.round(cut ? o.pace - 400 - r() * 1500 : o.pace + r() * 2500 + (i === 0 ? 900 : 0));
    ts += time + Math.round(r() * 40);
    const s1 = Math.round(time * (o.sectors === 2 ? 0.58 : 0.34));
    const s2 = o.sectors === 2 ? time - s1 : Math.round(time * 0.37);
    out.push({
      name: o.name ?? o.slot.name ?? '', guid: o.guid ?? o.slot.guid ?? '', carId: o.slot.carId, model: o.slot.model,
      ts, time, sectors: o.sectors === 2 ? [s1, s2] : [s1, s2, time - s1 - s2], cuts: cut ? 1 + Math.floor(r() * 3) : 0, tyre: o.tyre ?? 'SM',
    });
  }
  return out;
}

export type Style = 'raw' | 'raw2015' | 'manager';

export interface Session {
  track: string;
  config: string;
  type: 'PRACTICE' | 'QUALIFY' | 'RACE';
  style: Style;
  durationSecs?: number;
  raceLaps?: number;
  slots: Slot[];
  laps: Lap[];
  /** null writes `"Events": null`, as acServer does when nothing happened. */
  events: Array<{ type: 'COLLISION_WITH_ENV' | 'COLLISION_WITH_CAR'; carId: number; otherCarId?: number; speed: number }> | null;
  /** Result rows, one per slot and driver; default: one per slot for its driver. */
  results?: Slot[];
  /** Result rows to write with BestLap 0 (a manager's "no lap"), by car id. */
  bestLapZero?: number[];
  /** Extra keys a manager adds when re-saving. */
  extra?: Record<string, unknown>;
}

function driverOf(s: Slot, style: Style): Record<string, unknown> {
  const d: Record<string, unknown> = { Name: s.name ?? '', Team: s.team ?? '' };
  if (style === 'raw2015') return { ...d, Guid: s.guid ?? '' };
  return { ...d, Nation: s.nation ?? '', Guid: s.guid ?? '', GuidsList: s.guidsList ?? [s.guid ?? ''] };
}

/** Result: one row per slot for its driver; PRACTICE/QUALIFY by BestLap, RACE by laps then total time. */
function resultRows(x: Session): Array<Record<string, unknown>> {
  const rows = (x.results ?? x.slots).map((s) => {
    const mine = x.laps.filter((l) => l.carId === s.carId && l.guid === (s.guid ?? ''));
    const clean = mine.filter((l) => l.cuts === 0).map((l) => l.time);
    const best = x.bestLapZero?.includes(s.carId) ? 0 : s.guid && clean.length ? Math.min(...clean) : NO_LAP;
    const total = x.type === 'RACE' || s.guid ? mine.reduce((t, l) => t + l.time, 0) : 0;
    const row: Record<string, unknown> = { DriverName: s.name ?? '', DriverGuid: s.guid ?? '', CarId: s.carId, CarModel: s.model, BestLap: best, TotalTime: best === NO_LAP && x.type !== 'RACE' ? 0 : total, BallastKG: 0 };
    if (x.style !== 'raw2015') row.Restrictor = 0;
    if (x.style === 'manager') Object.assign(row, { HasPenalty: false, PenaltyTime: 0, LapPenalty: 0, Disqualified: false });
    return { row, laps: mine.length, best: best || NO_LAP, total };
  });
  const order = x.type === 'RACE'
    ? (a: (typeof rows)[0], b: (typeof rows)[0]) => b.laps - a.laps || a.total - b.total
    : (a: (typeof rows)[0], b: (typeof rows)[0]) => a.best - b.best;
  return rows.sort(order).map((r) => r.row);
}

function lapRow(l: Lap, style: Style): Record<string, unknown> {
  const row: Record<string, unknown> = { DriverName: l.name, DriverGuid: l.guid, CarId: l.carId, CarModel: l.model, Timestamp: l.ts, LapTime: l.time, Sectors: l.sectors, Cuts: l.cuts, BallastKG: 0 };
  if (style === 'raw2015') return row;
  return { ...row, Tyre: l.tyre, Restrictor: 0 };
}

function eventRows(x: Session): unknown {
  if (x.events === null) return null;
  const slot = (id: number) => x.slots.find((s) => s.carId === id)!;
  const empty = { Name: '', Team: '', Nation: '', Guid: '', GuidsList: null };
  return x.events.map((e, i) => ({
    Type: e.type, CarId: e.carId, Driver: driverOf(slot(e.carId), x.style),
    OtherCarId: e.otherCarId ?? -1, OtherDriver: e.otherCarId === undefined ? empty : driverOf(slot(e.otherCarId), x.style),
    ImpactSpeed: e.speed, WorldPosition: { X: -120.5 + i * 13.25, Y: 4.5, Z: 310.75 - i * 7.5 }, RelPosition: { X: 0.625, Y: -0.125, Z: 1.875 },
  }));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
}

/**
 * The file's text. raw: acServer's key order, tabs, no final newline. raw2015: the same without
 * Tyre, Restrictor, Nation and GuidsList. manager: re-saved by a manager (keys sorted, no
 * DurationSecs/RaceLaps, extra keys at the end, penalty fields, final newline).
 */
export function render(x: Session): string {
  const cars = x.slots.map((s) => {
    const car: Record<string, unknown> = { CarId: s.carId, Driver: driverOf(s, x.style), Model: s.model, Skin: s.skin, BallastKG: 0 };
    if (x.style !== 'raw2015') car.Restrictor = 0;
    return car;
  });
  const laps = [...x.laps].sort((a, b) => a.ts - b.ts).map((l) => lapRow(l, x.style));
  const body = { Cars: cars, Result: resultRows(x), Laps: laps, Events: eventRows(x) };
  if (x.style === 'manager') {
    const sorted = sortKeys({ ...body, TrackConfig: x.config, TrackName: x.track, Type: x.type }) as Record<string, unknown>;
    return `${JSON.stringify({ ...sorted, ...x.extra }, null, '\t')}\n`;
  }
  const head: Record<string, unknown> = { TrackName: x.track, TrackConfig: x.config, Type: x.type, DurationSecs: x.durationSecs ?? 0, RaceLaps: x.raceLaps ?? 0 };
  return JSON.stringify({ ...head, ...body }, null, '\t');
}
