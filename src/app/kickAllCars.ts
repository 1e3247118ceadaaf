import type { AcPluginLink, LiveCar } from './acPluginLink';

export interface KickAllResult {
  /** Cars a KICK_USER was sent for. */
  kicked: LiveCar[];
  /** Of those, still connected when the wait ended. */
  stillConnected: LiveCar[];
}

/** Resolves true once `done()` holds (checked on every change of connected cars), false after `ms`. */
export function waitForCars(link: Pick<AcPluginLink, 'onCarsChanged'>, done: () => boolean, ms: number): Promise<boolean> {
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
 * KICK_USER for every connected car, then waits (bounded) until acServer reports them gone.
 * A car whose slot was taken by another driver meanwhile counts as gone.
 */
export async function kickAllCars(link: Pick<AcPluginLink, 'cars' | 'kick' | 'onCarsChanged'>, waitMs = 3000): Promise<KickAllResult> {
  const kicked = link.cars();
  const connected = (car: LiveCar) => link.cars().some((c) => c.carId === car.carId && c.driverGuid === car.driverGuid);
  for (const car of kicked) link.kick(car.carId);
  await waitForCars(link, () => !kicked.some(connected), waitMs);
  return { kicked, stillConnected: kicked.filter(connected) };
}
