import type { EventConfig } from '../../../../src/domain/season/season';

export function makeEvent(overrides: Partial<EventConfig> = {}): EventConfig {
  return {
    id: 'season1#event2',
    localId: 'event2',
    seasonId: 'season1',
    name: 'Event 2',
    track: 'ks_red_bull_ring',
    layout: 'layout_national',
    cars: [
      { model: 'ks_mazda_mx5_cup', skins: ['00_official', '01_red'], slots: 3 },
      { model: 'tatuusfa1', skins: [], slots: 2 },
    ],
    start: '2025-03-01T18:00:00.000Z',
    timeZone: 'Europe/Berlin',
    preseason: false,
    ...overrides,
  };
}
