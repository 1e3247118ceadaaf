// Rotation on schedule, the whole bot in this process (real discord.js against the fake Discord,
// the fake acServer as its supervised child):
//  1. time from the clock tick at an event's start to the fake acServer answering on the new event
//     and currentEvent.json written, with the fake acServer's own start (process spawn -> HTTP up)
//     shown apart and subtracted;
//  2. Discord requests one rotation causes, by route.
// Run twice: with the UDP plugin link off (the rotation itself) and on (the fake acServer does not
// speak UDP yet, so the results flush waits for its ping to time out, as with a hung acServer).
// Usage: npx tsx bench/rotation.ts [rotations=5]
import { readFileSync } from 'node:fs';
import { startTestBot } from '../test/support/startTestBot';
import { FAKE_AC_SERVER_COMMAND, makeFakeAcServerFolder } from '../test/support/fakeAcServer/FakeAcServerFolder';

const TRACKS = [
  ['ks_red_bull_ring', 'layout_national'],
  ['suzuka', 'suzukagp'],
  ['monza', ''],
  ['spa', ''],
] as const;
const trackAt = (i: number) => TRACKS[i % TRACKS.length]!; // a remainder of the length is always an index
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${s[Math.floor(s.length / 2)]} ms, min ${s[0]} ms, max ${s[s.length - 1]} ms`;
};

async function main() {
  const rotations = Number(process.argv[2] ?? 5);
  await bench(rotations, false);
  await bench(rotations, true);
}

async function bench(rotations: number, udpPlugin: boolean) {
  const startOf = (i: number) => new Date(Date.UTC(2030, 0, 7 + 7 * i, 18));
  const starts = Array.from({ length: rotations + 1 }, (_, i) => startOf(i));
  const season = JSON.stringify({
    timeZone: 'UTC',
    seasons: [
      {
        id: 's1',
        name: 'Season 1',
        events: starts.map((at, i) => ({
          id: `event${i + 1}`,
          name: `Event ${i + 1}`,
          track: trackAt(i)[0],
          layout: trackAt(i)[1],
          start: at.toISOString().slice(0, 16),
          cars: [{ model: `car_${i}`, slots: 8 }],
        })),
      },
    ],
  });
  let now = new Date(startOf(0).getTime() + 30_000);
  const ac = await makeFakeAcServerFolder('minolin__acplugins');
  const env = await startTestBot({
    season,
    clock: { now: () => now },
    env: {
      AC_SERVER_DIR: ac.dir,
      AC_SERVER_CONTROL: 'child',
      AC_SERVER_COMMAND: FAKE_AC_SERVER_COMMAND,
      AC_SERVER_HEALTH_TIMEOUT_MS: '20000',
      ROTATION_ENABLED: 'true',
      LOG_LEVEL: 'info',
      AC_PLUGIN_ENABLED: String(udpPlugin),
    },
  });
  const task = env.bot.rotation.task!;
  const currentId = () =>
    (JSON.parse(readFileSync(env.config.currentEventFile, 'utf8')) as { eventId: string }).eventId;
  try {
    await task.firstTick;
    await sleep(2000); // start-up posts and the first announcement settle
    const totals: number[] = [];
    const own: number[] = [];
    const rest: number[] = [];
    const requests: number[] = [];
    const routes = new Map<string, number>();
    const channelName = new Map(Object.entries(env.channels).map(([name, id]) => [id, name]));
    for (let i = 1; i <= rotations; i++) {
      now = new Date(startOf(i).getTime() - 1000);
      if ((await task.tick()).action !== 'none') throw new Error('rotated before the start');
      const before = env.fake.requests.length;
      now = startOf(i);
      const t0 = Date.now();
      const outcome = await task.tick();
      const done = Date.now();
      if (outcome.action !== 'rotate' || outcome.result.status !== 'rotated' || currentId() !== `s1#event${i + 1}`)
        throw new Error(`rotation ${i} failed: ${JSON.stringify(outcome)}`);
      const status = ac.status()!;
      if (status.config?.track !== trackAt(i)[0]) throw new Error('fake acServer is not on the new event');
      const ownStart = status.readyAt! - status.processStartAt;
      totals.push(done - t0);
      own.push(ownStart);
      rest.push(done - t0 - ownStart);
      await env.fake.waitFor(
        () => env.fake.messages(env.channels.announcements).some((m) => m.content.includes(`Event ${i + 1}`)),
        10_000,
        'announcement',
      );
      await sleep(1500); // let coalesced post edits land
      const made = env.fake.requests.slice(before);
      requests.push(made.length);
      for (const r of made) {
        const route = `${r.method} ${r.path.replace(/\d{15,}/g, (id) => (channelName.has(id) ? `#${channelName.get(id)}` : ':id'))}`;
        routes.set(route, (routes.get(route) ?? 0) + 1);
      }
    }
    console.log(
      `\n${rotations} rotations, fake acServer under AC_SERVER_CONTROL=child, UDP plugin link ${udpPlugin ? 'on (flush times out: the fake has no UDP)' : 'off (no flush)'}`,
    );
    console.log(
      `tick at the event start -> acServer answering /INFO on the new event + currentEvent.json: ${stats(totals)}`,
    );
    console.log(`  of which the fake acServer's own start (spawn -> HTTP up): ${stats(own)}`);
    console.log(`  excluding it (render, backup+write, stop old, health poll, currentEvent.json): ${stats(rest)}`);
    console.log(
      `Discord requests per rotation: ${requests.join(', ')}; by route over all: ${[...routes].map(([r, n]) => `${r} x${n}`).join(', ')}`,
    );
  } finally {
    await env.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
