import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ChildProcessControl } from '../../../src/adapters/acserver/ChildProcessControl';
import { configSets } from '../../support/fixtures';
import {
  FAKE_AC_SERVER_COMMAND,
  makeFakeAcServerFolder,
  type FakeAcServerFolder,
} from '../../support/fakeAcServer/FakeAcServerFolder';
import { rotationHarness, type RotationHarness } from '../../support/rotationHarness';
import { captureLog } from '../../support/captureLog';

const SERVER_OWNED = new Set(['CARS', 'TRACK', 'CONFIG_TRACK', 'MAX_CLIENTS']);
const SESSIONS = new Set(['PRACTICE', 'QUALIFY', 'RACE']);

/** Each line with its own ending, tagged with its section; an independent splitter, not the bot's parser. */
function lines(text: string): Array<{ section: string; key: string | null; raw: string }> {
  let section = '';
  return (text.match(/[^\r\n]*(\r\n|\n|\r)|[^\r\n]+$/g) ?? []).map((raw) => {
    const body = raw.replace(/[\r\n]+$/, '');
    const header = /^\s*\[([^\]]+)\]/.exec(body);
    if (header) section = header[1]!.trim(); // a match has its one group
    const key = !header && body.includes('=') ? body.slice(0, body.indexOf('=')).trim() : null;
    return { section, key, raw };
  });
}

/** Rotates the fake acServer twice on every config set in `configDir`, checking each file line by line. */
export function describeRotationGolden(label: string, configDir?: string): void {
  describe.each(configSets(configDir))(`rotation golden test on ${label}: %s`, (fixture) => {
    let ac: FakeAcServerFolder;
    let control: ChildProcessControl;
    let h: RotationHarness;
    let original: { cfg: string; entries: string };

    beforeAll(async () => {
      ac = await makeFakeAcServerFolder(fixture, { configDir });
      original = { cfg: readFileSync(ac.serverCfgPath, 'utf8'), entries: readFileSync(ac.entryListPath, 'utf8') };
      control = new ChildProcessControl({ command: FAKE_AC_SERVER_COMMAND, cwd: ac.dir, log: captureLog().log });
      h = rotationHarness(ac.dir, control);
      await control.start();
      await ac.waitForState('running');
    });
    afterAll(() => control.stop());

    it('when rotated to an event without sessions, then only the owned [SERVER] lines changed, line by line, endings and NAME kept', async () => {
      const result = await h.service.rotate({ kind: 'event', eventId: 'season1#event1' }, { by: 'test' });
      expect(result).toMatchObject({
        status: 'rotated',
        restarted: true,
        warnings: [expect.stringMatching(/not flushed/)],
      });
      const before = lines(original.cfg);
      const after = lines(readFileSync(ac.serverCfgPath, 'utf8'));
      expect(after).toHaveLength(before.length);
      const expected: Record<string, string> = {
        CARS: 'ks_mazda_mx5_cup;tatuusfa1',
        TRACK: 'ks_red_bull_ring',
        CONFIG_TRACK: 'layout_national',
        MAX_CLIENTS: '5',
      };
      before.forEach((line, i) => {
        if (line.section === 'SERVER' && line.key !== null && SERVER_OWNED.has(line.key)) {
          const eol = /(\r\n|\n|\r)?$/.exec(line.raw)![0];
          expect(after[i]?.raw).toBe(`${line.key}=${expected[line.key]}${eol}`);
        } else {
          expect(after[i]?.raw).toBe(line.raw);
        }
      });
      const cfg = readFileSync(ac.serverCfgPath, 'utf8');
      expect(cfg.endsWith('\n')).toBe(original.cfg.endsWith('\n'));
      expect(cfg.includes('\r\n')).toBe(original.cfg.includes('\r\n'));
      expect(cfg.replace(/\r\n/g, '').includes('\n')).toBe(original.cfg.replace(/\r\n/g, '').includes('\n'));

      const status = await ac.waitForState('running', 'ks_red_bull_ring');
      expect(status.config).toMatchObject({
        track: 'ks_red_bull_ring',
        layout: 'layout_national',
        cars: ['ks_mazda_mx5_cup', 'tatuusfa1'],
        maxClients: 5,
      });
      expect(status.config!.name).toBe(/^NAME=(.*)$/m.exec(original.cfg)?.[1]?.trim());
      expect(status.config!.entryList.map((e) => `${e.model}/${e.skin}`)).toEqual([
        'ks_mazda_mx5_cup/00_official',
        'ks_mazda_mx5_cup/01_red',
        'ks_mazda_mx5_cup/00_official',
        'tatuusfa1/',
        'tatuusfa1/',
      ]);
      const entries = readFileSync(ac.entryListPath, 'utf8');
      expect(entries.includes('\r\n')).toBe(original.entries.includes('\r\n'));
      expect(JSON.parse(h.currentEventText()!)).toMatchObject({ eventId: 'season1#event1', track: 'ks_red_bull_ring' });
      expect(await h.state.lastRotation()).toMatchObject({ eventId: 'season1#event1', by: 'test' });
    });

    it('when rotated on to an event with its own sessions, then every line outside [SERVER]’s owned keys and the session sections is kept', async () => {
      const result = await h.service.rotate({ kind: 'event', eventId: 'season1#event2' }, { by: 'test' });
      expect(result.status).toBe('rotated');
      const kept = (text: string) =>
        lines(text).filter(
          (l) =>
            !SESSIONS.has(l.section) &&
            !(l.section === 'SERVER' && l.key !== null && SERVER_OWNED.has(l.key)) &&
            l.raw.trim() !== '',
        );
      const cfg = readFileSync(ac.serverCfgPath, 'utf8');
      expect(kept(cfg).map((l) => l.raw)).toEqual(kept(original.cfg).map((l) => l.raw));
      const status = await ac.waitForState('running', 'suzuka');
      expect(status.config).toMatchObject({
        track: 'suzuka',
        layout: 'suzukagp',
        cars: ['ks_porsche_911_gt3_cup_2017'],
        maxClients: 4,
        sessions: ['PRACTICE'],
      });
      expect(cfg.endsWith('\n')).toBe(original.cfg.endsWith('\n'));
    });

    it('when the files were replaced, then the backups hold the bytes each rotation replaced', () => {
      const backups = readdirSync(path.join(ac.dir, 'cfg', 'backup')).sort();
      expect(backups.filter((b) => b.startsWith('server_cfg.'))).toHaveLength(2);
      const first = backups.find((b) => /^server_cfg\.[^.]+\.ini$/.test(b))!;
      expect(readFileSync(path.join(ac.dir, 'cfg', 'backup', first), 'utf8')).toBe(original.cfg);
      expect(
        backups
          .filter((b) => b.startsWith('entry_list.'))
          .map((b) => readFileSync(path.join(ac.dir, 'cfg', 'backup', b), 'utf8')),
      ).toContain(original.entries);
    });
  });
}
