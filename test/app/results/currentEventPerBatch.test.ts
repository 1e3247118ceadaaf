import { writeFileSync } from 'node:fs';
import { makeLeague } from '../../support/leagueFixture';
import { rawLap, resultsBytes } from '../../support/resultsFile';

// currentEvent.json is read once for the files handed over together (a backlog of 1,000 files
// was 1,000 reads of it), still before the first file that needs it, and not at all when every
// file was read before.
const GV = { TrackName: 'gilles-villeneuve', TrackConfig: '' };
// Before the season's first event: only the current event can take these laps.
const names = ['2010_1_1_20_0_PRACTICE.json', '2010_1_1_21_0_PRACTICE.json', '2010_1_1_22_0_PRACTICE.json'];
const input = (name: string, i: number) => ({
  path: `/results/${name}`,
  bytes: resultsBytes([rawLap({ DriverGuid: '76561198000000001', Timestamp: 100_000 + i, LapTime: 90_000 + i })], GV),
  mtime: new Date('2010-01-02'),
});

const setCurrentEvent = (eventId: string) => writeFileSync(ctx.currentEventFile, JSON.stringify({ eventId }));
let ctx: Awaited<ReturnType<typeof makeLeague>>;
let reads = 0;
beforeEach(async () => {
  reads = 0;
  ctx = await makeLeague({
    currentEventReads: (read) => () => {
      reads++;
      return read();
    },
  });
  setCurrentEvent('season1#event3');
});
afterEach(() => ctx.close());

it('when a batch of files needs the current event, then currentEvent.json is read once and gives all of them their event', async () => {
  const outcomes = await ctx.league.onResultsFiles(names.map(input));
  expect(outcomes.map((o) => [o.status, 'eventId' in o && o.eventId])).toEqual(
    names.map(() => ['ingested', 'season1#event3']),
  );
  expect(reads).toBe(1);
});

it('when the current event changes between two batches, then the second batch reads it again and follows it', async () => {
  await ctx.league.onResultsFiles([input(names[0]!, 0)]);
  // The rotation moved on: the same track is now no event's, so the next files are unattributed.
  setCurrentEvent('season1#event2');
  const second = await ctx.league.onResultsFiles(names.slice(1).map((n, i) => input(n, i + 1)));
  expect(second.map((o) => o.status)).toEqual(['unattributed', 'unattributed']);
  expect(second[0]).toMatchObject({ reason: expect.stringContaining('season1#event2 is the current event') });
  expect(reads).toBe(2);
});

it('when every file of a batch was read before (the start-up scan), then currentEvent.json is not read', async () => {
  await ctx.league.onResultsFiles(names.map(input));
  const before = reads;
  const again = await ctx.league.onResultsFiles(names.map(input));
  expect(again.map((o) => o.status)).toEqual(['skipped', 'skipped', 'skipped']);
  expect(reads).toBe(before);
});
