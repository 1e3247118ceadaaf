import { mkdirSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ResultsWatcher } from '../../../src/adapters/files/ResultsWatcher';
import { silentLogger } from '../../../src/logger';
import type { IngestOutcome, ResultsFileInput } from '../../../src/app/results/ingestResultsFile';
import { makeLeague } from '../../support/leagueFixture';
import { rawLap, resultsBytes } from '../../support/resultsFile';
import { FRESH_STAMP_MS, type FileStat } from '../../../src/domain/results/fileStamp';

// Every start lists the whole results folder, which only grows (a file per session, thousands a
// season). A file read before and unchanged since (same size, times and inode) is not read, hashed
// and parsed again: before, each restart read every results file the league ever had.
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
describe('ResultsWatcher at start, with files read before', () => {
  let league: Awaited<ReturnType<typeof makeLeague>>;
  let results: string;
  let watcher: ResultsWatcher | undefined;
  let handed: Array<{ name: string; outcome: IngestOutcome }>;
  /** Stored (under an event or unattributed: this season has none for these dates), skipped or failed. */
  const result = (o: IngestOutcome) => (o.status === 'ingested' || o.status === 'unattributed' ? 'stored' : o.status);

  const fileName = (i: number) => `2019_3_3_12_${String(i).padStart(2, '0')}_PRACTICE.json`;
  const write = (i: number, lapTime = 130_000 + i) =>
    writeFileSync(
      path.join(results, fileName(i)),
      resultsBytes([rawLap({ Timestamp: 1000 + i, LapTime: lapTime })], {
        TrackName: 'ks_red_bull_ring',
        TrackConfig: 'layout_national',
      }),
    );

  /** A bot start: the watcher's catch-up, handed over to the league, until all of it is done. */
  const startAndSettle = async (
    opts: { readBefore?: false | ((file: string, stat: FileStat) => Promise<boolean>); usePolling?: boolean } = {},
  ) => {
    handed = [];
    const readBefore = opts.readBefore ?? ((file: string, stat: FileStat) => league.league.readBefore(file, stat));
    watcher = new ResultsWatcher({
      dir: results,
      settleMs: 50,
      log: silentLogger,
      ...(opts.usePolling ? { usePolling: true } : {}),
      ...(readBefore ? { readBefore } : {}),
      onFiles: async (inputs: ResultsFileInput[]) => {
        const outcomes = await league.league.onResultsFiles(inputs);
        outcomes.forEach((outcome, i) => handed.push({ name: path.basename(inputs[i]!.path), outcome }));
        return outcomes;
      },
    });
    await watcher.start();
    await watcher.idle();
    await watcher.stop();
    watcher = undefined;
  };

  beforeEach(async () => {
    league = await makeLeague();
    results = path.join(league.dir, 'results');
    mkdirSync(results);
    for (let i = 0; i < 20; i++) write(i);
    // Files read moments after they changed may change again within one tick of the filesystem's
    // clock: their stamp is trusted only once they had been quiet for 2 s when read.
    await sleep(FRESH_STAMP_MS + 100);
    await startAndSettle();
  });
  afterEach(async () => {
    await watcher?.stop();
    await league.close();
  });

  it('when the bot starts again with nothing changed, then no file is handed over to be read again', async () => {
    expect(handed).toHaveLength(20);
    expect(handed.map((h) => result(h.outcome))).toEqual(Array(20).fill('stored'));

    await startAndSettle();
    expect(handed).toEqual([]);

    // Without the check, the catch-up hands over all 20 and the ingest skips them by hash.
    await startAndSettle({ readBefore: false });
    expect(handed.map((h) => h.outcome.status)).toEqual(Array(20).fill('skipped'));
  });

  it('when files changed, were touched or were added while the bot was down, then exactly those are read', async () => {
    const rewritten = path.join(results, fileName(3));
    const before = statSync(rewritten).mtime;
    write(3, 125_000); // another lap time: other content
    utimesSync(rewritten, before, new Date(before.getTime() + 1000));
    const touched = path.join(results, fileName(7));
    utimesSync(touched, new Date(), new Date(Date.now() - 10_000)); // same content, another modification time
    write(20); // new
    await sleep(FRESH_STAMP_MS + 100);

    await startAndSettle();
    expect(handed.map((h) => [h.name, result(h.outcome)]).sort()).toEqual(
      [
        [fileName(3), 'stored'],
        [fileName(7), 'skipped'],
        [fileName(20), 'stored'],
      ].sort(),
    );
    expect(handed.find((h) => h.name === fileName(3))?.outcome).toMatchObject({ reread: true });

    // The touched file's record now holds its new stat: the next start leaves it alone.
    await startAndSettle();
    expect(handed).toEqual([]);
  });

  it('when another file of the same size and modification time takes the name (written over, or moved onto it), then it is read', async () => {
    const overwritten = path.join(results, fileName(4));
    const { atime, mtime } = statSync(overwritten);
    write(4, 140_004); // same size (the lap time has as many digits), other content
    utimesSync(overwritten, atime, mtime); // as cp -p or tar would leave it
    const movedOnto = path.join(results, fileName(9));
    const other = path.join(league.dir, 'other.json');
    writeFileSync(
      other,
      resultsBytes([rawLap({ Timestamp: 1009, LapTime: 140_009 })], {
        TrackName: 'ks_red_bull_ring',
        TrackConfig: 'layout_national',
      }),
    );
    const old = statSync(movedOnto);
    utimesSync(other, old.atime, old.mtime);
    renameSync(other, movedOnto); // as rsync -t would leave it

    await startAndSettle();
    expect(handed.map((h) => [h.name, result(h.outcome)]).sort()).toEqual([
      [fileName(4), 'stored'],
      [fileName(9), 'stored'],
    ]);
  });

  it('when a record was written before sizes and times were kept, then the file is read once more and then left alone', async () => {
    const name = fileName(5);
    const record = (await league.state.processedFile(name))!;
    const { size, mtimeMs, ctimeMs, ino } = statSync(path.join(results, name));
    expect(record.stamp).toMatchObject({ size, mtimeMs, ctimeMs, ino });
    const { stamp: _stamp, ...old } = record;
    await league.state.recordProcessedFile(old);

    await startAndSettle();
    expect(handed.map((h) => [h.name, h.outcome.status])).toEqual([[name, 'skipped']]);
    expect(await league.state.processedFile(name)).toEqual({ ...record, stamp: expect.objectContaining({ ino }) });

    await startAndSettle();
    expect(handed).toEqual([]);
  });

  it('when the state cannot be asked, then the file is read as before', async () => {
    await startAndSettle({ readBefore: () => Promise.reject(new Error('store down')) });
    expect(handed.map((h) => h.outcome.status)).toEqual(Array(20).fill('skipped'));
  });

  it('when the folder is polled (network filesystems), then the files of its first scan are left unread too', async () => {
    await startAndSettle({ usePolling: true });
    expect(handed).toEqual([]);
  });

  it("when a file's modification time is in the future, then it is read at each start but its record is not rewritten each time", async () => {
    const name = fileName(6);
    const record = await league.state.processedFile(name);
    utimesSync(path.join(results, name), new Date(), new Date(Date.now() + 3_600_000)); // a clock ahead (cp -p from another host)
    const writes = jest.spyOn(league.state, 'recordProcessedFile');
    await startAndSettle();
    await startAndSettle();
    expect(handed.map((h) => [h.name, h.outcome.status])).toEqual([[name, 'skipped']]);
    expect(writes).not.toHaveBeenCalled();
    expect(await league.state.processedFile(name)).toEqual(record);
  });

  it('when the record is rewritten (the CLI files it under another event) while the bot reads the file, then the bot does not put the old record back', async () => {
    const name = fileName(8);
    const { stamp: _stamp, ...old } = (await league.state.processedFile(name))!;
    await league.state.recordProcessedFile(old); // no stamp yet: the bot will record one
    const lookup = league.state.processedFile.bind(league.state);
    let lookups = 0;
    jest.spyOn(league.state, 'processedFile').mockImplementation(async (file) => {
      const seen = await lookup(file);
      // The watcher's lookup, then the ingest's: the CLI's write lands right after the ingest's.
      if (file === name && ++lookups === 2)
        await league.state.recordProcessedFile({ ...seen!, eventId: 'season1#event2' });
      return seen;
    });
    await startAndSettle();
    expect(handed.map((h) => [h.name, h.outcome.status])).toEqual([[name, 'skipped']]);
    expect(await lookup(name)).toMatchObject({ eventId: 'season1#event2' });
  });
});
