import { renderAnnouncement } from '../../../src/domain/season/renderAnnouncement';
import { parseSeasonConfig } from '../../../src/domain/season/seasonSchema';
import { findEvent } from '../../../src/domain/season/resolveEvent';

const config = parseSeasonConfig(
  JSON.stringify({
    carEmoji: { bmw_m3_e30: '<:e30:123456789012345678>' },
    seasons: [
      {
        id: 's1',
        name: 'Season 1',
        events: [
          {
            id: 'event1',
            name: 'Event *1*',
            track: 'ks_red_bull_ring',
            layout: 'layout_national',
            cars: ['bmw_m3_e30', 'ks_mazda_mx5_cup'],
            start: '2026-03-09T19:00',
          },
          { id: 'event2', name: 'Event 2', track: 'spa', cars: ['bmw_m3_e30'], start: '2026-03-23T19:00' },
        ],
      },
    ],
  }),
  'test',
);

describe('renderAnnouncement', () => {
  it('when an event starts, then the message names it with flag, cars and until the next event', () => {
    const text = renderAnnouncement(config, findEvent(config, 's1#event1')!);
    expect(text).toContain('Now running: Season 1 - Event \\*1\\*');
    expect(text).toContain('🇦🇹');
    expect(text).toContain('<:e30:123456789012345678>');
    expect(text).toContain(`<t:${Date.parse('2026-03-23T19:00:00Z') / 1000}:F>`);
  });

  it('when it is the last event, then it runs until the end of the season', () => {
    expect(renderAnnouncement(config, findEvent(config, 's1#event2')!)).toContain('Until the end of the season');
  });
});

describe('renderAnnouncement with several servers', () => {
  it('when a server name is given, then the title says which server now runs the event', () => {
    const text = renderAnnouncement(config, findEvent(config, 's1#event1')!, 'GT3 *EU*');
    expect(text.split('\n')[0]).toBe('**🟢 Now running: Season 1 - Event \\*1\\* on GT3 \\*EU\\***');
  });

  it('when no server name is given, then the title is the single-server one', () => {
    expect(renderAnnouncement(config, findEvent(config, 's1#event1')!).split('\n')[0]).not.toMatch(/ on /);
  });
});
