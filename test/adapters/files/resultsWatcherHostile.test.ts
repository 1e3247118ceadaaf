import { closeSync, constants, existsSync, mkdtempSync, openSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ResultsWatcher } from '../../../src/adapters/files/ResultsWatcher';
import type { ResultsFileInput } from '../../../src/app/results/ingestResultsFile';
import { captureLog } from '../../support/captureLog';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function waitFor(cond: () => boolean, ms = 5000) {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await sleep(20);
  }
}
const taken = (i: ResultsFileInput) => ({ ...i, bytes: typeof i.bytes === 'function' ? i.bytes() : i.bytes });

// Files an admin (or an attacker with write access to results/) can leave in the folder.
describe('ResultsWatcher with odd and hostile files in the results folder', () => {
  let dir: string;
  let seen: Array<ReturnType<typeof taken>>;
  let watcher: ResultsWatcher;
  let capture: ReturnType<typeof captureLog>;
  const warnings = () => capture.lines.filter((l) => l.level === 40).map((l) => String(l.msg));
  const start = async (opts: { maxBytes?: number } = {}) => {
    watcher = new ResultsWatcher({
      dir,
      settleMs: 50,
      log: capture.log,
      onFile: async (i) => void seen.push(taken(i)),
      ...opts,
    });
    await watcher.start();
  };
  const names = () => seen.map((s) => path.basename(s.path));
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'results-hostile-'));
    seen = [];
    capture = captureLog();
  });
  afterEach(async () => {
    // A reader stuck on a FIFO (the old behaviour) is released, so the suite can end either way.
    const fifo = path.join(dir, 'fifo.json');
    if (existsSync(fifo)) closeSync(openSync(fifo, constants.O_RDWR | constants.O_NONBLOCK));
    await watcher?.stop();
  });

  it('when a FIFO named like a results file sits in the folder, then it is not read, one line says why, and the next file is read', async () => {
    execFileSync('mkfifo', [path.join(dir, 'fifo.json')]);
    await start();
    writeFileSync(path.join(dir, '2026_1_1_20_0_PRACTICE.json'), '{"a":1}');
    await waitFor(() => seen.length === 1);
    expect(names()).toEqual(['2026_1_1_20_0_PRACTICE.json']);
    expect(warnings().filter((m) => m.includes('fifo.json'))).toEqual([
      expect.stringMatching(/fifo\.json not read: it is a FIFO .*only regular files are read/),
    ]);
  });

  it('when a symlink points to /dev/zero, then it is not followed and the watcher carries on', async () => {
    symlinkSync('/dev/zero', path.join(dir, 'zero.json'));
    await start();
    writeFileSync(path.join(dir, 'after.json'), '{}');
    await waitFor(() => seen.length === 1);
    expect(names()).toEqual(['after.json']);
    expect(warnings().join('\n')).toMatch(
      /zero\.json not read: it is a symlink to \/dev\/zero, outside the results folder/,
    );
  });

  it('when a symlink points to a file inside the results folder, then it is read; one to a file elsewhere is not', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'elsewhere-'));
    writeFileSync(path.join(outside, 'secret.json'), '{"secret":true}');
    symlinkSync(path.join(outside, 'secret.json'), path.join(dir, 'out.json'));
    writeFileSync(path.join(dir, 'real.txt'), '{"inside":true}');
    symlinkSync('real.txt', path.join(dir, 'in.json'));
    await start();
    await waitFor(() => seen.length === 1);
    await sleep(200);
    expect(names()).toEqual(['in.json']);
    expect(seen[0]?.bytes.toString()).toBe('{"inside":true}');
    expect(warnings().join('\n')).toMatch(
      /out\.json not read: it is a symlink to .*secret\.json, outside the results folder/,
    );
  });

  it('when a file is over the size limit, then it is not read and the line names RESULTS_MAX_MB; once it is small enough it is read', async () => {
    await start({ maxBytes: 1000 });
    const file = path.join(dir, '2026_1_1_20_0_RACE.json');
    writeFileSync(file, `{"pad":"${'x'.repeat(3000)}"}`);
    await waitFor(() => warnings().some((m) => m.includes('RESULTS_MAX_MB')));
    expect(seen).toEqual([]);
    expect(warnings().join('\n')).toMatch(
      /2026_1_1_20_0_RACE\.json not read: it is 0\.0 MB, over the 0 MB limit \(RESULTS_MAX_MB\)/,
    );
    writeFileSync(file, '{"small":true}');
    await waitFor(() => seen.length === 1);
    expect(seen[0]?.bytes.toString()).toBe('{"small":true}');
  });

  it('when a file name is not valid UTF-8, then it is read by its bytes under an escaped name, with a line saying so', async () => {
    const raw = Buffer.concat([Buffer.from(`${dir}/2026_1_1_20_0_RACE_`), Buffer.from([0xe9]), Buffer.from('.json')]);
    writeFileSync(raw, '{"latin1":true}');
    await start();
    await waitFor(() => seen.length === 1);
    expect(names()).toEqual(['2026_1_1_20_0_RACE_%E9.json']);
    expect(seen[0]?.bytes.toString()).toBe('{"latin1":true}');
    expect(warnings().join('\n')).toMatch(
      /not valid UTF-8; read by its bytes and recorded as 2026_1_1_20_0_RACE_%E9\.json/,
    );

    const later = Buffer.concat([Buffer.from(`${dir}/later_`), Buffer.from([0xff, 0xfe]), Buffer.from('.json')]);
    writeFileSync(later, '{"later":true}');
    await waitFor(() => seen.length === 2);
    expect(names()[1]).toBe('later_%FF%FE.json');
  });

  it('when the configured results folder does not exist, then start fails naming the variable and creates nothing; the default folder is created', async () => {
    const missing = path.join(dir, 'nope', 'results');
    const configured = new ResultsWatcher({
      dir: missing,
      settleMs: 50,
      configuredBy: 'RESULTS_DIR',
      log: capture.log,
      onFile: async () => {},
    });
    await expect(configured.start()).rejects.toThrow(
      /results folder .*nope\/results \(from RESULTS_DIR\) does not exist.*fix RESULTS_DIR in \.env/,
    );
    expect(existsSync(path.join(dir, 'nope'))).toBe(false);

    watcher = new ResultsWatcher({ dir: missing, settleMs: 50, log: capture.log, onFile: async () => {} });
    await watcher.start();
    expect(existsSync(missing)).toBe(true);
  });
});
