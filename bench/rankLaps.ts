// Prints how long rankLaps and renderLeaderboard take on a large event.
// Run: npx tsx bench/rankLaps.ts [laps] [drivers]
import { rankLaps } from '../src/domain/leaderboard/rankLaps';
import { renderLeaderboard } from '../src/domain/leaderboard/renderLeaderboard';
import type { Alias, Lap } from '../src/domain/types';

const lapCount = Number(process.argv[2] ?? 100_000);
const driverCount = Number(process.argv[3] ?? 300);
const EVENT = 'season1#event1';

// Spread over 40 sessions with ties and cut laps, so the tie-break and latest-name paths run too.
const laps: Lap[] = Array.from({ length: lapCount }, (_, i) => {
  const d = i % driverCount;
  const driverGuid = `765611980${String(d).padStart(8, '0')}`;
  const session = Math.floor((i / lapCount) * 40);
  const sessionTime = new Date(Date.UTC(2024, 4, 1 + Math.floor(session / 4), 18 + (session % 4))).toISOString();
  return {
    eventId: EVENT,
    lapKey: `${driverGuid}#${i}`,
    driverGuid,
    driverName: `Driver ${d}`,
    carModel: d % 2 ? 'ks_mazda_mx5_cup' : 'ks_toyota_gt86',
    lapTimeMs: 100_000 + ((i * 7919) % 5000),
    sectorsMs: [33_000, 34_000, 33_000],
    cuts: i % 4 === 0 ? 1 : 0,
    valid: i % 4 !== 0,
    tyre: 'SM',
    sessionType: 'PRACTICE',
    track: 'ks_nordschleife',
    trackConfig: '',
    resultFile: 'x.json',
    lapTimestamp: i,
    sessionTime,
    recordedAt: sessionTime,
  };
});
const aliases: Alias[] = Array.from({ length: 50 }, (_, i) => ({ key: `Driver ${i * 3}`, name: `Alias ${i}` }));

function time(label: string, runs: number, fn: () => unknown): void {
  for (let i = 0; i < 5; i++) fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number): string => (ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] as number).toFixed(2);
  console.log(`${label}: min ${at(0)} ms, median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms (${runs} runs)`);
}

const board = rankLaps(EVENT, laps, aliases);
console.log(`${lapCount} laps, ${driverCount} drivers -> ${board.rows.length} rows`);
time('rankLaps', 50, () => rankLaps(EVENT, laps, aliases));
time('renderLeaderboard', 50, () => renderLeaderboard(board, { title: 'Nordschleife time attack' }));
