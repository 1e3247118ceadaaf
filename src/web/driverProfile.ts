import type { BoardRow, ReadModel, WebEvent } from './ReadModel';
import type { DriverIds } from './DriverIds';

export interface DriverProfile {
  driverGuid: string;
  driverName: string;
  events: Array<{ event: WebEvent; overall: BoardRow | null; perCar: BoardRow[] }>;
  seasons: Array<{ seasonId: string; seasonName: string; rank: number; total: number; eventsEntered: number }>;
}

/** Find a driver (by URL id) among everyone with a lap in a scheduled event: their events, bests and season results. */
export async function driverProfile(
  model: ReadModel,
  ids: DriverIds,
  driverId: string,
): Promise<DriverProfile | undefined> {
  const events = model.seasons().flatMap((s) => s.events);
  const entries = await Promise.all(
    events.map(async (event) => ({ event, drivers: await model.eventDrivers(event.id) })),
  );
  let guid: string | undefined;
  let name = '';
  for (const { drivers } of entries) {
    const found = drivers.find((d) => ids.idOf(d.driverGuid) === driverId);
    if (found) [guid, name] = [found.driverGuid, found.driverName];
  }
  if (!guid) return undefined;
  const driverGuid = guid;
  const mine = entries.filter((e) => e.drivers.some((d) => d.driverGuid === driverGuid));
  const perEvent = await Promise.all(
    mine.map(async ({ event }) => {
      const [overall, perCar] = await Promise.all([
        model.leaderboard(event.id, {}),
        model.leaderboard(event.id, { view: 'car' }),
      ]);
      return {
        event,
        overall: overall.groups.flatMap((g) => g.rows).find((r) => r.driverGuid === driverGuid) ?? null,
        perCar: perCar.groups.flatMap((g) => g.rows).filter((r) => r.driverGuid === driverGuid),
      };
    }),
  );
  const seasons = [];
  for (const s of model.seasons()) {
    const row = (await model.standings(s.id))?.rows.find((r) => r.driverGuid === driverGuid);
    if (row)
      seasons.push({
        seasonId: s.id,
        seasonName: s.name,
        rank: row.rank,
        total: row.total,
        eventsEntered: row.eventsEntered,
      });
  }
  return { driverGuid, driverName: name, events: perEvent, seasons };
}
