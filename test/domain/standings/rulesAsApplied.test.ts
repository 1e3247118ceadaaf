// The rules docs/standings.md spells out beyond points and tie-breaks: which event is "earlier",
// which name is shown, how aliases apply to it, and the order of drivers tied on every rule.
import { computeStandings } from '../../../src/domain/standings/computeStandings';
import { byEvent, lap, season } from './factory';

const E1 = 's1#event1';
const E2 = 's1#event2';
const PRE = 's1#preseason1';

describe('computeStandings: "earlier event" in the drop rule', () => {
  it('when the config lists an event before one that starts earlier, then between equal scores the one listed first is kept', () => {
    const config = season([E1, E2], { pointsTable: [10, 5], bestOf: 1 });
    // Listed first but run a week later: the config's order decides, not the date.
    config.events[0]!.start = '2024-01-08T20:00:00.000Z'; // season([E1, E2]) has two events
    config.events[1]!.start = '2024-01-01T20:00:00.000Z';
    const laps = [
      lap({ event: E1, guid: 'a', ms: 90_000, at: '2024-01-08T20:00:00Z' }),
      lap({ event: E2, guid: 'a', ms: 90_000, at: '2024-01-01T20:00:00Z' }),
    ];
    const s = computeStandings(config, byEvent(laps), []);
    expect(s.rows[0]?.results.map((r) => [r.eventId, r.points, r.dropped])).toEqual([
      [E1, 10, false],
      [E2, 10, true],
    ]);
  });
});

describe('computeStandings: the name shown', () => {
  it('when the most recent lap of the season is invalid, then its name is still the one shown', () => {
    const laps = [
      lap({ event: E1, guid: 'g1', name: 'Old Name', ms: 90_000, at: '2024-01-01T10:00:00Z' }),
      lap({ event: E2, guid: 'g1', name: 'New Name', ms: 80_000, valid: false, at: '2024-01-08T10:00:00Z' }),
    ];
    const s = computeStandings(season([E1, E2]), byEvent(laps), []);
    expect(s.rows[0]).toMatchObject({ driver: 'New Name', eventsEntered: 1 });
  });

  it('when laps of one session carry two names, then the lap with the higher lap timestamp is the most recent', () => {
    const laps = [
      lap({ event: E1, guid: 'g1', name: 'Later', ms: 91_000, at: '2024-01-01T10:00:00Z', ts: 900 }),
      lap({ event: E1, guid: 'g1', name: 'Earlier', ms: 90_000, at: '2024-01-01T10:00:00Z', ts: 100 }),
    ];
    expect(computeStandings(season([E1]), byEvent(laps), []).rows[0]?.driver).toBe('Later');
  });

  it('when a preseason lap is newer, then its name is not used: only scoring events name the driver', () => {
    const laps = [
      lap({ event: E1, guid: 'g1', name: 'Season Name', ms: 90_000, at: '2024-01-01T10:00:00Z' }),
      lap({ event: PRE, guid: 'g1', name: 'Preseason Name', ms: 90_000, at: '2024-02-01T10:00:00Z' }),
    ];
    const s = computeStandings(season([{ id: PRE, preseason: true }, E1]), byEvent(laps), []);
    expect(s.rows[0]?.driver).toBe('Season Name');
  });

  it('when an alias is keyed by an older name, then it no longer applies: name aliases match the shown (most recent) name', () => {
    const laps = [
      lap({ event: E1, guid: 'g1', name: 'rob_m', ms: 90_000, at: '2024-01-01T10:00:00Z' }),
      lap({ event: E2, guid: 'g1', name: 'RobM', ms: 90_000, at: '2024-01-08T10:00:00Z' }),
    ];
    const byOldName = computeStandings(season([E1, E2]), byEvent(laps), [{ key: 'rob_m', name: 'Rob Macaroni' }]);
    expect(byOldName.rows[0]).toMatchObject({ driver: 'RobM', alias: null });
    const byNewName = computeStandings(season([E1, E2]), byEvent(laps), [{ key: ' robm ', name: 'Rob Macaroni' }]);
    expect(byNewName.rows[0]).toMatchObject({ driver: 'Rob Macaroni', alias: 'Rob Macaroni' });
  });
});

describe('computeStandings: the order of drivers tied on every rule', () => {
  it('when drivers share a rank, then they are listed by lower-cased name in code-unit order, not by a locale: accents after z', () => {
    const names = ['Émile', 'zed', 'Adam', 'Ölaf', 'bea'];
    // The same time in the same session, behind three faster drivers: no points, wins or podiums
    // (their places differ, but no rule looks at a place outside the podium), so every rule ties.
    const laps = [
      ...['w1', 'w2', 'w3'].map((guid, i) => lap({ event: E1, guid, name: guid, ms: 89_000 + i * 100 })),
      ...names.map((name, i) => lap({ event: E1, guid: `g${i}`, name, ms: 90_000, ts: 1000 })),
    ];
    const s = computeStandings(season([E1], { pointsTable: [0] }), byEvent(laps), []);
    expect(s.rows.slice(3).map((r) => [r.driver, r.rank, r.tieBreak.decidedBy])).toEqual([
      ['Adam', 4, 'tied'],
      ['bea', 4, 'tied'],
      ['zed', 4, 'tied'],
      ['Émile', 4, 'tied'],
      ['Ölaf', 4, 'tied'],
    ]); // a locale-aware order would put Émile between bea and zed, and Ölaf before zed
  });
});
