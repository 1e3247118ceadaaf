import type { AcPluginLink, LiveCar } from './acPluginLink';

export interface KickAllResult {
  /** Cars a KICK_USER was sent for: those acServer said were on. */
  kicked: LiveCar[];
  /** Of those, still connected when the wait ended. */
  stillConnected: LiveCar[];
  /** Everyone connected when the wait ended, as acServer answered (a newcomer included). */
  connected: LiveCar[];
}

/** How long each question round to acServer (session + every slot) may take. */
export const REFRESH_MS = 1500;

/** Resolves true once `done()` holds (checked on every change of connected cars), false after `ms`. */
export function waitForCars(
  link: Pick<AcPluginLink, 'onCarsChanged'>,
  done: () => boolean,
  ms: number,
): Promise<boolean> {
  if (done()) return Promise.resolve(true);
  return new Promise((resolve) => {
    const finish = (ok: boolean) => {
      clearTimeout(timer);
      off();
      resolve(ok);
    };
    const timer = setTimeout(() => finish(false), ms);
    const off = link.onCarsChanged(() => done() && finish(true));
  });
}

/**
 * Asks acServer who is on, KICK_USER for each, waits (bounded) until acServer reports them gone,
 * then asks again: the result is what acServer answered, not what the bot remembered (a lost
 * NEW_CONNECTION or CONNECTION_CLOSED must not leave a driver on or count a ghost). A car whose
 * slot was taken by another driver meanwhile counts as gone.
 */
export async function kickAllCars(
  link: Pick<AcPluginLink, 'cars' | 'kick' | 'onCarsChanged' | 'refresh'>,
  waitMs = 3000,
): Promise<KickAllResult> {
  await link.refresh(REFRESH_MS);
  const kicked = link.cars();
  const connected = (car: LiveCar) => link.cars().some((c) => c.carId === car.carId && c.driverGuid === car.driverGuid);
  for (const car of kicked) link.kick(car.carId);
  await waitForCars(link, () => !kicked.some(connected), waitMs);
  await link.refresh(REFRESH_MS);
  return { kicked, stillConnected: kicked.filter(connected), connected: link.cars() };
}
