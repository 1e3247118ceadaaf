import { readFileSync } from 'node:fs';
import path from 'node:path';
import { makeLeague } from '../../support/leagueFixture';
import { parseSeasonConfig } from '../../../src/domain/season/seasonSchema';
import { seasonForServer } from '../../../src/domain/servers/seasonForServer';
import type { ServerFeed } from '../../../src/app/League';
import type { SeasonConfig } from '../../../src/domain/season/season';

const ROOT = path.resolve(__dirname, '../../..');
const NAME = '2026_6_20_20_0_PRACTICE.json'; // Brands Hatch Indy: season2#event2 of the example season
const BYTES = readFileSync(path.join(ROOT, 'examples/results', NAME));
const input = { path: `/results/${NAME}`, bytes: BYTES, mtime: new Date('2026-06-20T21:00:00Z') };

/** The example season with season2#event2 on the given servers. */
function season(servers: string[]): SeasonConfig {
  const json = JSON.parse(readFileSync(path.join(ROOT, 'examples/seasonConfig.json'), 'utf8'));
  json.seasons[1].events[1].servers = servers;
  return parseSeasonConfig(JSON.stringify(json), 'seasonConfig.json', { ids: ['a', 'b'] });
}
const feed = (config: SeasonConfig, id: string, inKey: boolean): ServerFeed => ({
  server: { id, inKey },
  season: () => seasonForServer(config, id, 'a'),
  readCurrentEventId: async () => null,
  timeZone: 'UTC',
});

describe('League: results files from several servers', () => {
  it('when two servers write a file of the same name for one event, then both are stored apart and rank on one board', async () => {
    const ctx = await makeLeague();
    try {
      const config = season(['a', 'b']);
      const fromA = await ctx.league.onResultsFile(input, { feed: feed(config, 'a', false) });
      const fromB = await ctx.league.onResultsFile(input, { feed: feed(config, 'b', true) });
      expect([fromA.status, fromB.status]).toEqual(['ingested', 'ingested']);
      expect([fromA.file, fromB.file]).toEqual([NAME, `b/${NAME}`]);
      expect(await ctx.state.processedFile(`b/${NAME}`)).toEqual(expect.objectContaining({ status: 'ingested' }));

      const laps = await ctx.store.lapsForEvent('season2#event2');
      const onA = laps.filter((l) => l.server === 'a');
      const onB = laps.filter((l) => l.server === 'b');
      expect(onA.length).toBeGreaterThan(0);
      expect(onB).toHaveLength(onA.length);
      expect(onA.every((l) => !l.lapKey.includes('@'))).toBe(true); // the default server keeps the plain keys
      expect(onB.map((l) => l.lapKey).sort()).toEqual(onA.map((l) => `${l.lapKey}@b`).sort());

      const board = await ctx.league.leaderboard('season2#event2');
      const drivers = new Set(laps.filter((l) => l.valid).map((l) => l.driverGuid));
      expect(board.rows).toHaveLength(drivers.size);
      expect(board.rows.every((r) => r.server === 'a' || r.server === 'b')).toBe(true);
    } finally {
      await ctx.close();
    }
  });

  it('when an event runs on server b only, then a file from server a at that time is not filed under it', async () => {
    const ctx = await makeLeague();
    try {
      const config = season(['b']);
      const fromA = await ctx.league.onResultsFile(input, { feed: feed(config, 'a', false) });
      const fromB = await ctx.league.onResultsFile(input, { feed: feed(config, 'b', true) });
      expect(fromA.status).toBe('unattributed');
      expect(fromB).toEqual(expect.objectContaining({ status: 'ingested', eventId: 'season2#event2' }));
    } finally {
      await ctx.close();
    }
  });
});
