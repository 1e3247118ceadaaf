import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { configFixture } from '../fixtures';
import { HISTORY_FILE, STATUS_FILE, type FakeStatus } from './status';
import { waitFor } from '../fakeDiscord/waitFor';
import { freeUdpPort } from './freeUdpPort';

/** The command that runs the fake acServer (CommonJS tsx hook: starts in well under a second). */
export const FAKE_AC_SERVER_COMMAND = `"${process.execPath}" --require "${require.resolve('tsx/cjs')}" "${path.join(__dirname, 'main.ts')}"`;

/** A free TCP port on 127.0.0.1 (asked from the OS, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface FakeAcServerFolder {
  dir: string;
  httpPort: number;
  serverCfgPath: string;
  entryListPath: string;
  status(): FakeStatus | undefined;
  history(): Array<{ at: number; pid: number; state: string; track?: string; error?: string }>;
  /** Wait until the fake reports `state` (and the track, when given). */
  waitForState(state: FakeStatus['state'], track?: string, timeoutMs?: number): Promise<FakeStatus>;
  failOn(trackOrStar: string | null): void;
}

/**
 * A temp acServer folder holding a config set (test/data/ac-config, e.g. 'crlf-plugin'; or one
 * from `configDir`), its HTTP_PORT moved to a free port so tests can run side by side.
 * `content` creates content/tracks/<track>/<layout> and content/cars/<model> folders.
 */
export async function makeFakeAcServerFolder(
  fixture: string,
  opts: { content?: { tracks: string[]; cars: string[] }; configDir?: string } = {},
): Promise<FakeAcServerFolder> {
  const dir = mkdtempSync(path.join(tmpdir(), 'acserver-'));
  mkdirSync(path.join(dir, 'cfg'), { recursive: true });
  mkdirSync(path.join(dir, 'results'), { recursive: true });
  const serverCfgPath = path.join(dir, 'cfg', 'server_cfg.ini');
  const entryListPath = path.join(dir, 'cfg', 'entry_list.ini');
  const httpPort = await freePort();
  const cfg = readFileSync(configFixture(fixture, 'server_cfg.ini', opts.configDir), 'utf8');
  let text = cfg.replace(/^HTTP_PORT=\d+/m, `HTTP_PORT=${httpPort}`);
  // Free UDP plugin ports too, so fakes (and bots reading this file) side by side never cross-talk.
  if (/^UDP_PLUGIN_LOCAL_PORT=[1-9]/m.test(text))
    text = text.replace(/^UDP_PLUGIN_LOCAL_PORT=\d+/m, `UDP_PLUGIN_LOCAL_PORT=${await freeUdpPort()}`);
  if (/^UDP_PLUGIN_ADDRESS=\S*:\d+/m.test(text))
    text = text.replace(/^(UDP_PLUGIN_ADDRESS=\S*:)\d+/m, `$1${await freeUdpPort()}`);
  writeFileSync(serverCfgPath, text);
  copyFileSync(configFixture(fixture, 'entry_list.ini', opts.configDir), entryListPath);
  for (const t of opts.content?.tracks ?? [])
    mkdirSync(path.join(dir, 'content', 'tracks', ...t.split('/')), { recursive: true });
  for (const c of opts.content?.cars ?? []) mkdirSync(path.join(dir, 'content', 'cars', c), { recursive: true });
  const read = <T>(file: string): T | undefined => {
    try {
      return JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as T;
    } catch {
      return undefined;
    }
  };
  const folder: FakeAcServerFolder = {
    dir,
    httpPort,
    serverCfgPath,
    entryListPath,
    status: () => read<FakeStatus>(STATUS_FILE),
    history: () => {
      try {
        return readFileSync(path.join(dir, HISTORY_FILE), 'utf8')
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l));
      } catch {
        return [];
      }
    },
    async waitForState(state, track, timeoutMs = 10_000) {
      const ok = () => {
        const s = folder.status();
        return s?.state === state && (track === undefined || s.config?.track === track);
      };
      await waitFor(
        ok,
        timeoutMs,
        `fake acServer ${state}${track ? ` on ${track}` : ''} (last: ${JSON.stringify(folder.status()?.state)})`,
      );
      return folder.status()!;
    },
    failOn(rule) {
      const marker = path.join(dir, 'fake-ac-fail');
      if (rule === null) writeFileSync(marker, '');
      else writeFileSync(marker, rule);
    },
  };
  return folder;
}
