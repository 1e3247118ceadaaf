import type { EventConfig } from '../../season/season';
import { assertSafeIniValue } from './safeIniValue';

/** The event's car models, each once, in the order they first appear (checked for INI safety). */
export function eventCarModels(event: EventConfig): string[] {
  if (event.cars.length === 0) throw new RangeError(`event ${event.id} has no cars`);
  const models: string[] = [];
  event.cars.forEach((car, i) => {
    assertSafeIniValue(`cars[${i}].model`, car.model, 'id');
    if (!models.includes(car.model)) models.push(car.model);
  });
  return models;
}

export function totalSlots(event: EventConfig): number {
  let total = 0;
  event.cars.forEach((car, i) => {
    if (!Number.isSafeInteger(car.slots) || car.slots < 1) {
      throw new RangeError(`event ${event.id}: cars[${i}].slots must be a whole number >= 1, got ${car.slots}`);
    }
    total += car.slots;
  });
  return total;
}
