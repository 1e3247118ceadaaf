// Writes test/data/ac-results/: the project's own acServer results files, made up (drivers, GUIDs,
// laps) but shaped like real ones and carrying the traps real files have (README.md there lists
// them). Deterministic: running it again writes the same bytes.
//   npx tsx test/data/makeAcResults.ts
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { prng as rng } from '../support/prng';
import { KICKED, render, stint, type Lap, type Session, type Slot } from './resultsBuilder';

const OUT = path.join(__dirname, 'ac-results');
const guid = (n: number) => `765611980100${String(n).padStart(5, '0')}`;
const driver = (name: string, n: number) => ({ name, guid: guid(n) });

const RBR = ['Alex Rivera', 'Bea Lindqvist', 'Chidi Okafor', 'Dario Conti', 'Émile Gagnon', 'Freya Nilsen', 'Goran Ilić', 'Hiro Tanaka', 'Ines Duarte', 'Jonas Weber', 'Keira Walsh', 'Luca Ferri'].map((n, i) => driver(n, 101 + i));
const SUZUKA = ['Mika Laaksonen', 'Nora Quist', 'Oskar Brandt', 'Paulo Santos', 'Quentin Roux', 'Rania Aziz', 'Søren Holm', 'Tomasz Zieliński', 'Ulla Berg', 'Юрий Орлов', '田中 結衣'].map((n, i) => driver(n, 201 + i));
// Steam names are free text: markdown, mentions and backticks must come out as plain text.
const BARBAGALLO = ['*Turbo_Tom*', '[BRO] Kimi', '`Backtick Bob`', '@everyone', '~~Vic~~ | Vroom', '<@1234> Mo', '__Dunder__', 'Zed Harlow'].map((n, i) => driver(n, 301 + i));
const MONZA = ['Aaron Kessler', 'Bruno Moretti', 'Carla Novak', 'Diego Ortega', 'Elsa Brunner', 'Felix Hartmann', 'Greta Lund', 'Hugo Lefèvre', 'Ida Stolz', 'Jan Vermeer', 'Kurt Adler', 'Lara Pinto', 'Milo Jansen', 'Nina Kraus', 'Otto Rask', 'Pablo Ibáñez', 'Rita Koval', 'Sven Dahl', 'Tina Marsh', 'Umberto Gallo', 'Vera Sokol', 'Wim de Boer', 'Yara Haddad'].map((n, i) => driver(n, 401 + i));
const GILLES = ['Antoine Roy', 'Béatrice Lavoie', 'Carlos Mendes', 'Dieter Vogt', 'Elena Rossi', 'Finn O’Brien'].map((n, i) => driver(n, 501 + i));
const LAGUNA = ['Marta Sousa', 'Rui Tavares', 'Ana Lopes', 'Bruno Reis', 'Clara Mota', 'Duarte Pais', 'Eva Cunha', 'Filipe Rocha', 'Gil Matos', 'Helena Faria', 'Igor Neves', 'Joana Pires', 'Lucas Vaz', 'Maria Leal'].map((n, i) => driver(n, 601 + i));

type D = { name: string; guid: string };
function slots(model: string, skins: string[], filled: Array<D | null>, extra: Partial<Slot> = {}): Slot[] {
  return filled.map((d, carId) => ({ carId, model, skin: skins[carId % skins.length]!, ...(d ?? {}), ...extra }));
}
const open = (n: number): null[] => Array.from({ length: n }, () => null);
const files = new Map<string, string>();
const write = (name: string, x: Session, bom = false) => files.set(name, (bom ? '\uFEFF' : '') + render(x));

// --- Barbagallo, 15 Feb 2019: no event in the fixture season runs there.
{
  const r = rng(218);
  const s = slots('ks_mazda_mx5_cup', ['00_official', '03_blue'], [...BARBAGALLO.slice(0, 7), ...open(2)]);
  const laps = s.slice(0, 6).flatMap((slot, i) => stint(r, { slot, start: 200_000 + i * 4000, laps: 1 + (i % 2), pace: 66_000 + i * 350, cutLaps: i === 4 ? [0] : [], sectors: 3 }));
  write('2019_2_15_21_8_QUALIFY.json', { track: 'barbagallo', config: '', type: 'QUALIFY', style: 'raw', durationSecs: 900, slots: s, laps, events: null });
}
{
  const r = rng(2116);
  const s = slots('ks_mazda_mx5_cup', ['00_official', '03_blue'], [BARBAGALLO[0]!, BARBAGALLO[1]!, BARBAGALLO[7]!, BARBAGALLO[2]!, BARBAGALLO[3]!, BARBAGALLO[4]!, BARBAGALLO[5]!, BARBAGALLO[6]!, null]);
  // Three of the eight never finish lap one; two finish with every lap cut: their BestLap is 999999999.
  const laps = [
    ...stint(r, { slot: s[0]!, start: 95_000, laps: 2, pace: 65_800, sectors: 3 }),
    ...stint(r, { slot: s[1]!, start: 96_000, laps: 2, pace: 66_100, sectors: 3 }),
    ...stint(r, { slot: s[2]!, start: 97_000, laps: 2, pace: 66_300, cutLaps: [1], sectors: 3 }),
    ...stint(r, { slot: s[3]!, start: 98_500, laps: 2, pace: 66_900, cutLaps: [0, 1], sectors: 3 }),
    ...stint(r, { slot: s[4]!, start: 99_500, laps: 1, pace: 67_400, cutLaps: [0], sectors: 3 }),
  ];
  write('2019_2_15_21_16_RACE.json', { track: 'barbagallo', config: '', type: 'RACE', style: 'raw', raceLaps: 2, slots: s, laps, events: [{ type: 'COLLISION_WITH_CAR', carId: 3, otherCarId: 4, speed: 31.5 }] });
}

// --- Red Bull Ring National, event1's evening (15 Feb) and a second evening on 2 Mar.
const rbrSlots = slots('ks_mazda_mx5_cup', ['00_official', '01_red', '02_white'], [...RBR.slice(0, 5), ...open(4)]);
{
  const r = rng(2203);
  const laps = rbrSlots.slice(0, 5).flatMap((slot, i) => stint(r, { slot, start: 300_000 + i * 6000, laps: 2 + (i % 3), pace: [95_200, 95_900, 96_400, 97_300, 96_100][i]!, cutRate: 0.25, sectors: 2 }));
  write('2019_2_15_22_3_QUALIFY.json', { track: 'ks_red_bull_ring', config: 'layout_national', type: 'QUALIFY', style: 'raw', durationSecs: 900, slots: rbrSlots, laps, events: null });
}
{
  const r = rng(2210);
  const laps: Lap[] = rbrSlots.slice(0, 5).flatMap((slot, i) => stint(r, { slot, start: 900_000 + i * 900, laps: i === 4 ? 3 : 4, pace: [95_600, 95_300, 96_800, 97_100, 96_200][i]!, cutRate: 0.05, sectors: 2 }));
  // Émile is kicked after lap 3: acServer files that lap under the kicked marker with his name and
  // car id, so his GUID can be recovered from Cars/Result. Nobody's row fits "Pit Lane Pete".
  const emile = laps.filter((l) => l.carId === 4);
  const last = emile[emile.length - 1]!;
  Object.assign(last, { guid: KICKED, time: Math.max(...emile.map((l) => l.time)) + 2100, cuts: 0 });
  laps.push({ ...last, name: 'Pit Lane Pete', carId: 6, model: 'ks_mazda_mx5_cup', ts: last.ts + 5000, time: 94_100, sectors: [54_578, 39_522] });
  write('2019_2_15_22_10_RACE.json', { track: 'ks_red_bull_ring', config: 'layout_national', type: 'RACE', style: 'raw', raceLaps: 4, slots: rbrSlots, laps, events: [{ type: 'COLLISION_WITH_ENV', carId: 2, speed: 42.25 }, { type: 'COLLISION_WITH_CAR', carId: 0, otherCarId: 1, speed: 12.5 }] });
}

// --- Suzuka GP, event2 (2 Mar).
{
  const r = rng(1441);
  const s = slots('ks_mazda_mx5_cup', ['00_official'], [...SUZUKA.slice(0, 3), ...open(5)]);
  // Only one driver sets a clean lap.
  const laps = [
    ...stint(r, { slot: s[0]!, start: 50_000, laps: 3, pace: 158_500, cutLaps: [0, 2], sectors: 3 }),
    ...stint(r, { slot: s[1]!, start: 51_000, laps: 2, pace: 159_000, cutLaps: [0, 1], sectors: 3 }),
    ...stint(r, { slot: s[2]!, start: 52_000, laps: 3, pace: 160_200, cutLaps: [0, 1, 2], sectors: 3 }),
  ];
  write('2019_3_2_14_41_PRACTICE.json', { track: 'suzuka', config: 'suzukagp', type: 'PRACTICE', style: 'raw', durationSecs: 7200, slots: s, laps, events: null });
}
{
  const r = rng(1727);
  const who = [...SUZUKA.slice(0, 9), RBR[0]!, RBR[3]!];
  const s = slots('ks_mazda_mx5_cup', ['00_official', '01_red', '04_yellow'], [...who, null]);
  const laps = s.slice(0, 11).flatMap((slot, i) => stint(r, { slot, start: 40_000 + i * 2500, laps: 3 + ((i * 7) % 8), pace: 157_800 + i * 420, cutRate: 0.4, sectors: 3 }));
  // Late in the session Юрий takes over Ulla's car: he appears in Laps only.
  laps.push(...stint(r, { slot: s[8]!, ...SUZUKA[9]!, start: 2_200_000, laps: 3, pace: 159_300, cutRate: 0.3, sectors: 3 }));
  write('2019_3_2_17_27_PRACTICE.json', { track: 'suzuka', config: 'suzukagp', type: 'PRACTICE', style: 'raw', durationSecs: 7200, slots: s, laps, events: [0, 3, 5, 9].map((carId, i) => ({ type: 'COLLISION_WITH_ENV' as const, carId, speed: 20 + i * 9.5 })) });
}
{
  const r = rng(1930);
  const s = slots('ks_mazda_mx5_cup', ['00_official', '01_red'], [SUZUKA[0]!, SUZUKA[1]!, SUZUKA[3]!, SUZUKA[5]!, SUZUKA[7]!, SUZUKA[10]!, RBR[0]!, null, null]);
  // Timestamps are server uptime: this server had been up for over two hours.
  const laps = s.slice(0, 7).flatMap((slot, i) => stint(r, { slot, start: 8_250_000 + i * 30_000, laps: 2 + (i % 3), pace: 157_600 + i * 380, cutRate: 0.5, sectors: 3 }));
  // Saved again by a Windows tool: UTF-8 with a BOM.
  write('2019_3_2_19_30_PRACTICE.json', { track: 'suzuka', config: 'suzukagp', type: 'PRACTICE', style: 'raw', durationSecs: 7200, slots: s, laps, events: [{ type: 'COLLISION_WITH_ENV', carId: 5, speed: 55.75 }] }, true);
}

// --- Red Bull Ring, 2 Mar evening, both files re-saved by a server manager.
const managerExtra = (date: string, file: string) => ({ Date: date, SessionFile: file, ChampionshipID: '' });
const GT = ['ks_porsche_911_gt3_cup_2017', 'ks_bmw_m4_gt4', 'ks_audi_r8_lms_2016'];
{
  const r = rng(2149);
  // 22 slots: 14 filled by 9 drivers (five of them changed car), 8 open.
  const who = [...RBR.slice(0, 9), RBR[0]!, RBR[1]!, RBR[2]!, RBR[3]!, RBR[4]!, ...open(8)];
  const s: Slot[] = who.map((d, carId) => ({ carId, model: GT[Math.floor(carId / 5) % 3]!, skin: `skin_${carId % 4}`, ...(d ?? {}), guidsList: carId % 2 ? [''] : [d?.guid ?? ''] }));
  const laps = s.slice(0, 14).flatMap((slot, i) =>
    i === 13 ? [] : stint(r, { slot, start: 100_000 + i * 60_000, laps: 2 + (i % 5), pace: 88_400 + ((i * 5) % 14) * 310, cutRate: i === 8 ? 1 : 0.55, sectors: 2, tyre: 'SM' }));
  // Émile's second car (slot 13) never completed a lap: the manager wrote BestLap 0 for it.
  write('2019_3_2_21_49_QUALIFY.json', { track: 'ks_red_bull_ring', config: 'layout_national', type: 'QUALIFY', style: 'manager', slots: s, laps, bestLapZero: [13], events: [{ type: 'COLLISION_WITH_ENV', carId: 2, speed: 18.5 }], extra: managerExtra('2019-03-02T21:49:00Z', '2019_3_2_21_49_QUALIFY') });
}
{
  const r = rng(2203_2);
  const who = [...RBR, ...open(10)];
  const s: Slot[] = who.map((d, carId) => ({ carId, model: GT[carId % 3]!, skin: `skin_${carId % 4}`, ...(d ?? {}) }));
  // Ines and Jonas share car 8 as a team: the slot lists both GUIDs, `a;b`.
  const team = s[8]!;
  Object.assign(team, { name: RBR[9]!.name, guid: `${RBR[8]!.guid};${RBR[9]!.guid}`, guidsList: [RBR[8]!.guid, RBR[9]!.guid], team: 'Duarte/Weber' });
  s[9] = { carId: 9, model: GT[0]!, skin: 'skin_1' };
  const laps = s.slice(0, 12).flatMap((slot, i) => {
    if (i === 9) return [];
    if (i === 8) return [...stint(r, { slot, ...RBR[8]!, start: 400_000, laps: 4, pace: 89_900, sectors: 2 }), ...stint(r, { slot, ...RBR[9]!, start: 780_000, laps: 4, pace: 90_300, sectors: 2 })];
    return stint(r, { slot, start: 400_000 + i * 700, laps: 5 + (i % 4), pace: 88_700 + i * 260, sectors: 2 });
  });
  const results = [...s.filter((x) => x.carId !== 8), { ...team, ...RBR[8]! }, { ...team, ...RBR[9]! }];
  write('2019_3_2_22_3_RACE.json', { track: 'ks_red_bull_ring', config: 'layout_national', type: 'RACE', style: 'manager', slots: s, results, laps, events: [{ type: 'COLLISION_WITH_CAR', carId: 1, otherCarId: 4, speed: 27.25 }], extra: managerExtra('2019-03-02T22:03:00Z', '2019_3_2_22_3_RACE') });
}

// --- Monza, October 2015: the old acServer format (no Tyre, Restrictor, Nation, GuidsList).
const monzaSlots = slots('lotus_exos_125', ['Red', 'Black', 'Yellow'], MONZA.slice(0, 17));
{
  const r = rng(930);
  const laps = monzaSlots.flatMap((slot, i) => stint(r, { slot, start: 60_000 + i * 1500, laps: 2 + (i % 4), pace: 97_000 + i * 290, cutRate: 0.55, sectors: 3 }));
  // Six more drivers take over slots during the session: they are in Laps only.
  MONZA.slice(17).forEach((d, k) => laps.push(...stint(r, { slot: monzaSlots[k * 2]!, ...d, start: 1_500_000 + k * 3000, laps: 2, pace: 98_000 + k * 400, cutRate: 0.5, sectors: 3 })));
  write('2015_10_17_9_30_QUALIFY.json', { track: 'monza', config: '', type: 'QUALIFY', style: 'raw2015', durationSecs: 1200, slots: monzaSlots, laps, events: [{ type: 'COLLISION_WITH_CAR', carId: 3, otherCarId: 4, speed: 8.75 }] });
}
{
  const r = rng(949);
  const laps = monzaSlots.flatMap((slot, i) => stint(r, { slot, start: 30_000 + i * 300, laps: i % 6 === 5 ? 3 : 5, pace: 97_400 + i * 250, sectors: 3 }));
  write('2015_10_17_9_49_RACE.json', { track: 'monza', config: '', type: 'RACE', style: 'raw2015', raceLaps: 5, slots: monzaSlots, laps, events: [] });
}

// --- Gilles-Villeneuve: a file whose name holds no date; tyre compounds S and M.
{
  const r = rng(77);
  const s = slots('ks_mercedes_amg_gt3', ['black', 'silver'], [...GILLES, ...open(12)]);
  s.forEach((x, i) => (x.guidsList = i === 0 ? [x.guid ?? ''] : ['']));
  const laps = s.slice(0, 6).flatMap((slot, i) => [
    ...stint(r, { slot, start: 20_000 + i * 500, laps: 7, pace: 111_500 + i * 300, sectors: 3, tyre: 'S' }),
    ...stint(r, { slot, start: 20_000 + i * 500 + 7 * 114_500 + 25_000, laps: 8, pace: 112_300 + i * 300, sectors: 3, tyre: 'M' }),
  ]);
  write('tyre.info.json', { track: 'gilles-villeneuve', config: '', type: 'RACE', style: 'raw', raceLaps: 15, slots: s, laps, events: null });
}

// --- Laguna Seca, downloaded twice: `(1)` in the name. Two drivers have two Result rows each.
{
  const r = rng(1);
  const cars = ['ks_porsche_911_gt3_r_2016', 'ks_mclaren_650s_gt3', 'ks_audi_r8_lms', 'ks_ferrari_488_gt3'];
  const who = [...LAGUNA, null, LAGUNA[0]!, LAGUNA[1]!, ...open(5)];
  const s: Slot[] = who.map((d, carId) => ({ carId, model: cars[carId % 4]!, skin: 'default', ...(d ?? {}) }));
  const laps = s.slice(0, 14).flatMap((slot, i) => stint(r, { slot, start: 45_000 + i * 400, laps: 6 + (i % 3), pace: 84_000 + i * 330, sectors: 3, tyre: 'M' }));
  // Marta moved to car 15 and never finished a lap there; Rui finished laps in both cars.
  laps.push(...stint(r, { slot: s[16]!, start: 900_000, laps: 3, pace: 84_200, sectors: 3, tyre: 'M' }));
  write('2019_3_9_20_15_RACE (1).json', { track: 'bs_lagunaseca', config: '', type: 'RACE', style: 'raw', raceLaps: 8, slots: s, laps, events: null });
}

for (const [name, text] of files) writeFileSync(path.join(OUT, name), text);
// A file caught mid-write, for the parser's "truncated" message.
writeFileSync(path.join(__dirname, '../domain/data/results/2019_3_2_17_27_PRACTICE.json'), files.get('2019_3_2_17_27_PRACTICE.json')!.slice(0, 3000));
