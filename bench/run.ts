// `npm run bench`: every benchmark, each in its own process (so RSS figures are its own), in turn.
// Each prints its figures; nothing here asserts timings.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const benches = [
  'idleRss.ts',
  'outageAtBoot.ts 20',
  'ingestBacklog.ts sqlite',
  'ingestBacklog.ts dynalite',
  'rankLaps.ts 100000 100',
  'discordBot.ts',
  'storePutLaps.ts',
  'acPluginDecode.ts',
  'standings.ts',
  'rotation.ts',
  'liveLaps.ts',
  'pluginFlood.ts',
  'web.ts',
  'lapKeyCollisions.ts sqlite 10000',
  'largeResultsFile.ts 50',
  'agentToPost.ts 20',
];

for (const line of benches) {
  const [file, ...args] = line.split(' ');
  if (!file || !existsSync(path.join(__dirname, file))) continue;
  console.log(`\n== ${line}`);
  const r = spawnSync(
    process.execPath,
    ['--max-semi-space-size=1', '--optimize-for-size', '--import', 'tsx', path.join(__dirname, file), ...args],
    { stdio: 'inherit' },
  );
  if (r.status !== 0) console.log(`(${file} exited with ${r.status})`);
}
