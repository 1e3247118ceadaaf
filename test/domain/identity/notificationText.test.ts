import { notificationText } from '../../../src/domain/identity/notificationText';
import { renderMe } from '../../../src/domain/identity/renderMe';

const p = (guid: string, name: string, ms: number) => ({ driverGuid: guid, driverName: name, lapTimeMs: ms });

describe('notificationText', () => {
  it('when several passes in one event are coalesced, then one line names the first and latest position and everyone once', () => {
    const text = notificationText([
      { kind: 'passed', eventId: 'e', eventTitle: 'Season 1 - Event 2', from: 2, to: 3, by: [p('b', 'Bob', 100_000)] },
      {
        kind: 'passed',
        eventId: 'e',
        eventTitle: 'Season 1 - Event 2',
        from: 3,
        to: 5,
        by: [p('c', 'Carol*', 99_000), p('b', 'Bob', 98_500)],
      },
      { kind: 'record', track: 'Suzuka', lapTimeMs: 120_000, by: p('c', 'Carol*', 99_000) },
    ]);
    expect(text.split('\n')).toEqual([
      '🏁 **Season 1 - Event 2**: you are now P5 (were P2), passed by Bob (1:38.500), Carol\\* (1:39.000).',
      '🏆 Your record on Suzuka (2:00.000) was beaten by Carol\\*: 1:39.000.',
      '*Turn these messages off with `/notify off`.*',
    ]);
  });

  it('when a passer is called @everyone, then the DM text cannot ping', () => {
    expect(
      notificationText([
        { kind: 'passed', eventId: 'e', eventTitle: 'E', from: 1, to: 2, by: [p('x', '@everyone', 1000)] },
      ]),
    ).not.toMatch(/@everyone/);
  });
});

describe('renderMe', () => {
  it('when the driver is second, then the reply gives position, gap to the driver ahead, season standing and bests', () => {
    const row = (position: number, name: string, ms: number) => ({
      position,
      driverGuid: name,
      driverName: name,
      carModel: 'c',
      lapTimeMs: ms,
      gapMs: 0,
      sectorsMs: [],
      tyre: null,
      recordedAt: '',
      lapKey: '',
    });
    const text = renderMe({
      driverName: 'Me',
      driverGuid: '765',
      notify: 'on',
      current: {
        title: 'Season 1 - Event 2',
        row: row(2, 'Me', 101_234),
        ahead: row(1, 'Leader', 100_000),
        drivers: 7,
      },
      season: { name: 'Season 1', rank: 3, total: '43', drivers: 9 },
      personalBests: [{ track: 'Suzuka GP', lapTimeMs: 101_234, eventTitle: 'Season 1 - Event 2' }],
    });
    expect(text.split('\n')).toEqual([
      '**Me** (`765`)',
      'Season 1 - Event 2: **P2** of 7 with 1:41.234, +1.234 behind Leader (P1).',
      'Season 1: **P3** of 9, 43 pts.',
      'Personal bests:',
      '- Suzuka GP: 1:41.234 (Season 1 - Event 2)',
      'Notifications: on.',
    ]);
  });
});
