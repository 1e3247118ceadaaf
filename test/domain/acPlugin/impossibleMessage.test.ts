import { impossibleMessage, type ServerMessage, type SessionInfoPayload } from '../../../src/domain/acPlugin';
import { serverSamples } from './samples';

const session = serverSamples.find((m) => m.type === 'SESSION_INFO') as { type: 'SESSION_INFO' } & SessionInfoPayload;
const with_ = (
  over: Partial<SessionInfoPayload>,
  type: 'SESSION_INFO' | 'NEW_SESSION' = 'SESSION_INFO',
): ServerMessage => ({ ...session, ...over, type });

describe('impossibleMessage', () => {
  it('when a message is one acServer sends (every sample, a booking session, an accented or spaced name), then it is possible', () => {
    for (const m of serverSamples) expect(impossibleMessage(m)).toBeNull();
    expect(impossibleMessage(with_({ sessionType: 0, sessionIndex: 0, currentSessionIndex: 0 }))).toBeNull();
    expect(
      impossibleMessage(
        with_({ track: 'rt_côte d’azur'.replace('’', "'"), name: 'Qualifying Session', serverName: '' }),
      ),
    ).toBeNull();
    expect(impossibleMessage({ type: 'VERSION', protocolVersion: 4 })).toBeNull();
  });

  it.each<[Partial<SessionInfoPayload>, RegExp]>([
    [{ protocolVersion: 153 }, /^protocol version 153 \(the bot speaks 4\)$/],
    [{ sessionType: 77 }, /^session type 77/],
    [{ sessionCount: 0, sessionIndex: 0, currentSessionIndex: 0 }, /^session count 0$/],
    [{ currentSessionIndex: 3 }, /^session index 3 of 3$/],
    [{ sessionIndex: 200 }, /^session index 200 of 3$/],
    [{ track: '' }, /^track name "" is no folder name$/],
    [{ track: '\u0000\u009f\u0013x' }, /^track name "\\u0000\\u009f\\u0013x" is no folder name$/],
    [{ track: '../../etc' }, /^track name/],
    [{ trackConfig: 'gp\u0007' }, /^layout name/],
    [{ name: 'Q\u0000' }, /^session name/],
    [{ serverName: 'x\u001b[2J' }, /^server name/],
    [{ weatherGraphics: '\u0001' }, /^weather/],
  ])('when a session has %j, then it is impossible and the reason says why', (over, why) => {
    expect(impossibleMessage(with_(over))).toMatch(why);
    expect(impossibleMessage(with_(over, 'NEW_SESSION'))).toMatch(why);
  });

  it('when VERSION names another protocol, then it is impossible', () => {
    expect(impossibleMessage({ type: 'VERSION', protocolVersion: 153 })).toBe(
      'protocol version 153 (the bot speaks 4)',
    );
  });
});
