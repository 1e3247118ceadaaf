// Standings kept per event and combined (what the Standings use case does as laps arrive) equal the
// standings computed from every lap at once, whatever the laps, names and season rules.
import { classifyEvent, type EventClassification } from '../../../src/domain/standings/classifyEvent';
import { combineStandings } from '../../../src/domain/standings/combineStandings';
import { computeStandings } from '../../../src/domain/standings/computeStandings';
import type { SeasonConfigSeason } from '../../../src/domain/season/season';
import { KICKED_GUID, NO_LAP_TIME, type Alias, type Lap } from '../../../src/domain/types';
import { RowMemo } from '../../../src/domain/standings/RowMemo';
import { prng } from '../../support/prng';
import { lap, season } from './factory';

const GUIDS = ['g1', 'g2', 'g3', 'g4', 'g5', 'g6', 'g7', '', KICKED_GUID];
const NAMES = ['Ann', 'Bo', 'ann ', 'Cy'];
const INSTANTS = [
  '2024-01-01T10:00:00.000Z',
  '2024-01-01T10:00:00Z',
  '2024-01-02T09:30:00.000Z',
  '2024-01-03T08:00:00Z',
];

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const points = (random: Random) => Math.round(random() * 30_000) / 1000; // up to 3 decimals

function randomRules(random: Random, events: number): Partial<SeasonConfigSeason> {
  return {
    pointsTable: Array.from({ length: Math.floor(random() * 6) }, () => points(random)).sort((a, b) => b - a),
    participationPoints: pick(random, [0, 0, 0.5, 1.125]),
    fastestLapBonus: pick(random, [0, 0, 1, 0.333]),
    bestOf: random() < 0.5 ? null : 1 + Math.floor(random() * events),
  };
}

function randomAliases(random: Random): Alias[] {
  return Array.from({ length: Math.floor(random() * 3) }, () => ({
    key: random() < 0.5 ? pick(random, GUIDS) : pick(random, NAMES),
    name: pick(random, ['Alias A', 'Alias B', ' ', 'Zed']),
  }));
}

function randomLap(random: Random, event: string): Lap {
  const valid = random() < 0.8;
  const ms = random() < 0.05 ? NO_LAP_TIME : 90_000 + 250 * Math.floor(random() * 6); // ties on purpose
  return lap({
    event,
    guid: pick(random, GUIDS),
    name: pick(random, NAMES),
    ms,
    valid,
    at: pick(random, INSTANTS),
    ts: Math.floor(random() * 5) * 1000,
  });
}

describe('combineStandings: per-event classifications kept and combined', () => {
  it('when random laps arrive, are removed, and aliases and rules change, then redoing only the changed event (and only the changed rows) equals the full computation', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const random = prng(seed);
      const count = 1 + Math.floor(random() * 5);
      const ids = Array.from({ length: count }, (_, i) => ({ id: `s1#e${i + 1}`, preseason: random() < 0.15 }));
      let rules = randomRules(random, count);
      let aliases = randomAliases(random);
      const laps = new Map<string, Lap[]>();
      const kept = new Map<string, EventClassification>();
      const memo = new RowMemo();
      let config = season(ids, rules);
      for (let step = 0; step < 12; step++) {
        const roll = random();
        const event = pick(random, ids).id;
        if (roll < 0.6) {
          // new laps in one event (a results file): only that event is classified again
          laps.set(event, [
            ...(laps.get(event) ?? []),
            ...Array.from({ length: 1 + Math.floor(random() * 8) }, () => randomLap(random, event)),
          ]);
          kept.set(event, classifyEvent(event, laps.get(event)!));
        } else if (roll < 0.7) {
          // laps removed or struck (stewarding, a re-read file): only that event is classified again
          laps.set(
            event,
            (laps.get(event) ?? []).filter(() => random() < 0.6),
          );
          kept.set(event, classifyEvent(event, laps.get(event)!));
        } else if (roll < 0.85) {
          aliases = randomAliases(random); // nothing classified again
        } else {
          rules = randomRules(random, count); // nothing classified again
          config = season(ids, rules);
        }
        const full = computeStandings(config, laps, aliases);
        expect({ seed, step, standings: combineStandings(config, kept, aliases) }).toEqual({
          seed,
          step,
          standings: full,
        });
        // Rows kept from the last run (same config object, same aliases) give the same standings too.
        expect({ seed, step, memo: combineStandings(config, kept, aliases, memo) }).toEqual({ seed, step, memo: full });
      }
    }
  });

  it('when an event has no classification, then it is listed with no laps and nobody placed', () => {
    const config = season(['s1#e1', 's1#e2']);
    const laps = [lap({ event: 's1#e1', guid: 'a', ms: 90_000 })];
    const s = combineStandings(config, new Map([['s1#e1', classifyEvent('s1#e1', laps)]]), []);
    expect(s.events[1]).toEqual({ eventId: 's1#e2', name: 'Round e2', fastestLapMs: null, driverCount: 0 });
    expect(s.rows.map((r) => r.results.map((x) => x.position))).toEqual([[1, null]]);
    expect(s).toEqual(computeStandings(config, new Map([['s1#e1', laps]]), []));
  });

  it('when laps of another event are passed in, then the classification ignores them as the full computation does', () => {
    const laps = [lap({ event: 's1#e1', guid: 'a', ms: 90_000 }), lap({ event: 's1#e2', guid: 'b', ms: 80_000 })];
    const c = classifyEvent('s1#e1', laps);
    expect(c.placings.map((p) => p.driverGuid)).toEqual(['a']);
    expect([...c.latest.keys()]).toEqual(['a']);
    expect(c.lapCount).toBe(1);
  });
});
