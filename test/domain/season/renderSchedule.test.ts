import { renderSchedule, prettyTrackName } from '../../../src/domain/season/renderSchedule';
import type { EventConfig, SeasonConfig, SeasonConfigSeason } from '../../../src/domain/season/season';
import { makeEvent } from '../rotation/ini/makeEvent';

const AT = '\u{1F1E6}\u{1F1F9}';
const BE = '\u{1F1E7}\u{1F1EA}';
const IT = '\u{1F1EE}\u{1F1F9}';

function season(id: string, name: string, events: EventConfig[]): SeasonConfigSeason {
  return { id, name, pointsTable: [25, 18], participationPoints: 1, fastestLapBonus: 1, bestOf: null, events };
}

function config(seasons: SeasonConfigSeason[], extra: Partial<SeasonConfig> = {}): SeasonConfig {
  return { timeZone: 'Europe/Berlin', seasons, trackFlags: {}, carEmoji: {}, ...extra };
}

const unix = (iso: string) => Date.parse(iso) / 1000;

const pre = makeEvent({
  id: 's1#preseason1',
  localId: 'preseason1',
  name: 'Preseason 1',
  preseason: true,
  track: 'imola',
  layout: '',
  start: '2025-02-01T18:00:00Z',
});
const e1 = makeEvent({
  id: 's1#event1',
  localId: 'event1',
  name: 'Spa Sprint',
  track: 'spa',
  layout: '',
  start: '2025-02-15T19:30:00Z',
});
const e2 = makeEvent({ id: 's1#event2', localId: 'event2', name: 'Event 2', start: '2025-03-01T18:00:00Z' });
const base = config([season('s1', 'Season 1', [pre, e1, e2])]);

/** The block of the message that belongs to the event whose label contains `label`. */
function blockOf(text: string, label: string): string {
  const block = text.split('\n\n').find((b) => b.split('\n')[0]?.includes(label));
  if (block === undefined) throw new Error(`no block for ${label} in:\n${text}`);
  return block;
}

describe('renderSchedule', () => {
  it('when rendered, then each event shows its label, flag with pretty track, cars with emoji and Discord timestamps', () => {
    const text = renderSchedule(
      config([season('s1', 'Season 1', [e1, e2])], { carEmoji: { ks_mazda_mx5_cup: '<:mx5:42>' } }),
      { skipPreseason: true },
    );
    expect(text.startsWith('**📅 Season 1 — Schedule**')).toBe(true);
    const spa = blockOf(text, 'Spa Sprint');
    expect(spa.split('\n')[0]).toMatch(/^\*\*━{3,} 1 · Spa Sprint ━{3,}\*\*$/);
    expect(spa).toContain(`${BE} **Spa-Francorchamps**`);
    expect(spa).toContain('<:mx5:42> Mazda MX5 Cup');
    expect(spa).toContain('🏎️ Tatuusfa1');
    expect(spa).toContain(`<t:${unix(e1.start)}:F>`);
    expect(spa).toContain(`<t:${unix(e1.start)}:R>`);
    const rbr = blockOf(text, 'Event 2');
    expect(rbr).toContain(`${AT} **Red Bull Ring National**`);
    expect(rbr).toContain(`<t:${unix(e2.start)}:F>`);
    expect(text.indexOf('Spa Sprint')).toBeLessThan(text.indexOf('Event 2'));
  });

  it('when the label is centred, then the bars either side are equally long', () => {
    const line = blockOf(renderSchedule(base, { skipPreseason: true }), 'Spa Sprint').split('\n')[0];
    const [, left, right] = /^\*\*(━+) .* (━+)\*\*$/.exec(line ?? '') ?? [];
    expect(left).toBeDefined();
    expect(left).toBe(right);
  });

  it('when preseason is skipped, then preseason events are left out and numbering counts only real events', () => {
    const text = renderSchedule(base, { skipPreseason: true });
    expect(text).not.toContain('Preseason 1');
    expect(text).not.toContain(IT);
    expect(blockOf(text, 'Spa Sprint').split('\n')[0]).toContain('1 · Spa Sprint');
  });

  it('when preseason is not skipped, then preseason events are listed without a number', () => {
    const text = renderSchedule(base, { skipPreseason: false });
    const block = blockOf(text, 'Preseason 1');
    expect(block).toContain(`${IT} **Imola**`);
    expect(block.split('\n')[0]).not.toMatch(/\d ·/);
    expect(blockOf(text, 'Spa Sprint').split('\n')[0]).toContain('1 · Spa Sprint');
  });

  it('when an event is active, then it alone is marked as running', () => {
    const text = renderSchedule(base, { skipPreseason: true, activeEventId: 's1#event2' });
    expect(blockOf(text, 'Event 2')).toContain('🟢 **Now running**');
    expect(blockOf(text, 'Event 2').split('\n')[0]).toContain('▶ Event 2');
    expect(blockOf(text, 'Spa Sprint')).not.toContain('Now running');
    expect(text.match(/▶/g)).toHaveLength(1);
    expect(renderSchedule(base, { skipPreseason: true, activeEventId: null })).not.toContain('Now running');
  });

  it('when the active event is a skipped preseason event, then it is still shown, marked', () => {
    const text = renderSchedule(base, { skipPreseason: true, activeEventId: 's1#preseason1' });
    expect(blockOf(text, 'Preseason 1')).toContain('Now running');
  });

  it('when names carry markdown or mentions, then they are escaped', () => {
    const evil = makeEvent({ id: 's1#x', name: '**bold** _it_ @everyone', start: e1.start });
    const text = renderSchedule(config([season('s1', 'S`1`', [evil])]), { skipPreseason: true });
    expect(text).toContain('\\*\\*bold\\*\\* \\_it\\_');
    expect(text).not.toMatch(/@everyone/);
    expect(text).toContain('S\\`1\\`');
  });

  it('when there are several seasons, then each gets a heading before its events', () => {
    const s2e = makeEvent({ id: 's2#event1', seasonId: 's2', name: 'Winter Cup', start: '2025-12-01T18:00:00Z' });
    const text = renderSchedule(config([season('s1', 'Season 1', [e1]), season('s2', 'Season 2', [s2e])]), {
      skipPreseason: true,
    });
    expect(text.indexOf('Season 1 — Schedule')).toBeLessThan(text.indexOf('Spa Sprint'));
    expect(text.indexOf('Spa Sprint')).toBeLessThan(text.indexOf('Season 2 — Schedule'));
    expect(text.indexOf('Season 2 — Schedule')).toBeLessThan(text.indexOf('Winter Cup'));
  });

  it('when a start is not a date or a track is unknown, then it still renders with neutral fallbacks', () => {
    const odd = makeEvent({ id: 's1#odd', name: 'Odd', start: 'soon', track: 'my_secret_track', layout: '' });
    const text = renderSchedule(config([season('s1', 'S', [odd])]), { skipPreseason: true });
    expect(text).toContain('🏁 **My Secret Track**');
    expect(text).toContain('date to be announced');
  });

  it('when there are no events, then it says so', () => {
    expect(renderSchedule(config([season('s1', 'S', [pre])]), { skipPreseason: true })).toContain(
      'No events scheduled',
    );
  });

  describe('when there are 40 events', () => {
    const events = Array.from({ length: 40 }, (_, i) =>
      makeEvent({
        id: `s1#event${i + 1}`,
        localId: `event${i + 1}`,
        name: `Event ${i + 1}`,
        start: new Date(Date.UTC(2025, 0, 1 + 7 * i, 18)).toISOString(),
      }),
    );
    const forty = config([season('s1', 'Season 1', events)]);

    it('then the message fits 2000 characters and says how many more events there are', () => {
      const text = renderSchedule(forty, { skipPreseason: true });
      expect(text.length).toBeLessThanOrEqual(2000);
      const shown = text.match(/:F>/g)?.length ?? 0;
      expect(shown).toBeGreaterThan(3);
      expect(text).toContain(`Event ${shown} `);
      expect(text).not.toContain(`Event ${shown + 1} `);
      expect(text.endsWith(`*…and ${40 - shown} more events*`)).toBe(true);
    });

    it('then a late active event is still shown, with the earlier ones summarised', () => {
      const text = renderSchedule(forty, { skipPreseason: true, activeEventId: 's1#event30' });
      expect(text.length).toBeLessThanOrEqual(2000);
      expect(blockOf(text, 'Event 30')).toContain('Now running');
      expect(text).toContain('*…29 earlier events*');
      expect(text).not.toContain('Event 29 ');
    });

    it('then a smaller maxLength is respected too', () => {
      for (const maxLength of [1000, 300, 120, 10]) {
        expect(renderSchedule(forty, { skipPreseason: true, maxLength }).length).toBeLessThanOrEqual(maxLength);
      }
    });
  });
});

describe('prettyTrackName', () => {
  it.each([
    ['ks_red_bull_ring', 'layout_national', 'Red Bull Ring National'],
    ['ks_brands_hatch', 'gp', 'Brands Hatch GP'],
    ['pk_akina', 'akina_downhill', 'Akina Downhill'],
    ['spa', '', 'Spa-Francorchamps'],
    ['ks_nordschleife', 'endurance', 'Nordschleife Endurance'],
    ['trento-bondone', '', 'Trento-Bondone'],
    ['mugello', '', 'Mugello'],
    ['rt_suzuka', '', 'Suzuka'],
  ])('when the track is %s with layout %j, then it reads %j', (track, layout, name) => {
    expect(prettyTrackName(track, layout)).toBe(name);
  });
});

describe('renderSchedule with several servers', () => {
  const gt3 = makeEvent({ id: 's1#gt3', localId: 'gt3', name: 'GT3 Round', servers: ['eu', 'na'] });
  const mx5 = makeEvent({ id: 's1#mx5', localId: 'mx5', name: 'MX5 Round', servers: ['na'] });
  const cfg = config([season('s1', 'Season 1', [gt3, mx5])]);
  const names: Record<string, string> = { eu: 'Europe', na: 'North America' };

  it('when server names are asked for, then each event lists its servers and every running event is marked', () => {
    const text = renderSchedule(cfg, {
      skipPreseason: true,
      activeEventIds: ['s1#gt3', 's1#mx5'],
      serverNames: (e) => (e.servers ?? []).map((id) => names[id] ?? id),
    });
    expect(text).toContain('🖥️ Europe  ·  North America');
    expect(text).toContain('🖥️ North America');
    expect(text.match(/🟢 \*\*Now running\*\*/g)).toHaveLength(2);
  });

  it('when no server names are asked for, then no server line is shown', () => {
    expect(renderSchedule(cfg, { skipPreseason: true })).not.toContain('🖥️');
  });
});
