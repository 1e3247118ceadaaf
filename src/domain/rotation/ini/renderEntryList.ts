import type { EventConfig } from '../../season/season';
import { parseIniDocument } from './parseIniDocument';
import { assertSafeIniValue } from './safeIniValue';
import { eventCarModels, totalSlots } from './eventCars';

// The entry list belongs to the event as a whole: one open slot (empty GUID, no driver) per
// entry, the way a time-attack server takes anyone. Of an existing file only the line-ending
// style is kept; reserved slots from a previous event would not fit the new cars anyway.
export function renderEntryList(event: EventConfig, existing?: string): { text: string } {
  eventCarModels(event);
  totalSlots(event);
  const eol = existing === undefined ? '\n' : parseIniDocument(existing).eol;
  const out: string[] = [];
  let index = 0;
  event.cars.forEach((car, c) => {
    car.skins.forEach((skin, s) => assertSafeIniValue(`cars[${c}].skins[${s}]`, skin, 'optionalId'));
    for (let slot = 0; slot < car.slots; slot++) {
      const skin = car.skins.length === 0 ? '' : car.skins[slot % car.skins.length];
      if (index > 0) out.push('');
      out.push(
        `[CAR_${index}]`,
        `MODEL=${car.model}`,
        `SKIN=${skin}`,
        'SPECTATOR_MODE=0',
        'DRIVERNAME=',
        'TEAM=',
        'GUID=',
        'BALLAST=0',
        'RESTRICTOR=0',
        'FIXED_SETUP=',
      );
      index++;
    }
  });
  return { text: out.join(eol) + eol };
}
