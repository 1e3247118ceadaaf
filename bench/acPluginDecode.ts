// Decode throughput of the acServer plugin codec over a realistic mix of datagrams.
// Run: npx tsx bench/acPluginDecode.ts   (prints figures, asserts nothing)
import { decodeServerMessage, encodeServerMessage, type EncodableServerMessage } from '../src/domain/acPlugin';
import { serverSamples } from '../test/domain/acPlugin/samples';

const SLOTS = 24;

function sample<T extends EncodableServerMessage['type']>(type: T): Extract<EncodableServerMessage, { type: T }> {
  return serverSamples.find((m) => m.type === type) as Extract<EncodableServerMessage, { type: T }>;
}

const lap24: EncodableServerMessage = {
  type: 'LAP_COMPLETED',
  carId: 3,
  lapTimeMs: 92652,
  cuts: 0,
  leaderboard: Array.from({ length: SLOTS }, (_, carId) => ({
    carId,
    bestLapMs: 90000 + carId * 137,
    laps: 12,
    completed: false,
  })),
  gripLevel: 0.98,
};

// Weights follow a busy session with realtime updates on: position updates dominate.
const mix: Array<[string, Buffer, number]> = [
  ['CAR_UPDATE', encodeServerMessage(sample('CAR_UPDATE')), 70],
  ['LAP_COMPLETED (24 slots)', encodeServerMessage(lap24), 10],
  ['CLIENT_EVENT', encodeServerMessage(sample('CLIENT_EVENT')), 8],
  ['CHAT', encodeServerMessage(sample('CHAT')), 5],
  ['NEW_CONNECTION', encodeServerMessage(sample('NEW_CONNECTION')), 4],
  ['CAR_INFO', encodeServerMessage(sample('CAR_INFO')), 2],
  ['SESSION_INFO', encodeServerMessage(sample('SESSION_INFO')), 1],
];

const stream: Buffer[] = mix.flatMap(([, buf, weight]) => Array.from({ length: weight }, () => buf));
// Shuffle with a fixed seed so the decoder sees a mixed stream, not runs of one type, the same every run.
let seed = 42;
for (let i = stream.length - 1; i > 0; i--) {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  const j = seed % (i + 1);
  [stream[i], stream[j]] = [stream[j]!, stream[i]!];
}

function run(datagrams: Buffer[], rounds: number): { perSec: number; bytesPerSec: number; failures: number } {
  let failures = 0;
  let bytes = 0;
  const start = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) {
    for (const d of datagrams) {
      if (!decodeServerMessage(d).ok) failures++;
      bytes += d.length;
    }
  }
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  return { perSec: (datagrams.length * rounds) / secs, bytesPerSec: bytes / secs, failures };
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

run(stream, 2000); // warm-up
const total = run(stream, 20000);
console.log(`node ${process.version}, ${stream.length}-datagram mix x 20000 rounds`);
console.log(
  `mix: ${fmt(total.perSec)} datagrams/s, ${(total.bytesPerSec / 1e6).toFixed(1)} MB/s, failures ${total.failures}`,
);
for (const [name, buf] of mix) {
  const one = run([buf], 200000);
  console.log(`  ${name.padEnd(26)} ${String(buf.length).padStart(4)} B  ${fmt(one.perSec).padStart(12)} datagrams/s`);
}
// For scale: 24 cars with REALTIMEPOS_INTERVAL 100 ms send 240 CAR_UPDATEs a second.
console.log(`24 cars x 100 ms updates = 240 datagrams/s -> ${((240 / total.perSec) * 100).toFixed(4)} % of one core`);
