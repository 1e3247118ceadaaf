// Expected bytes are written out by hand from the plugin protocol table (version 4),
// never produced by the encoder under test.
import {
  decodePluginCommand,
  decodeServerMessage,
  encodePluginCommand,
  encodeServerMessage,
  type ServerMessage,
} from '../../../src/domain/acPlugin';

/** s8 written by hand: u8 length + ASCII bytes. */
const s8 = (s: string): number[] => [s.length, ...[...s].map((c) => c.charCodeAt(0))];
/** sW of an ASCII string written by hand: u8 count + 4-byte slots. */
const sWAscii = (s: string): number[] => [s.length, ...[...s].flatMap((c) => [c.charCodeAt(0), 0, 0, 0])];

function decoded(bytes: number[]): ServerMessage {
  const res = decodeServerMessage(Buffer.from(bytes));
  if (!res.ok) throw new Error(`expected a message, got ${res.reason}: ${res.detail}`);
  return res.message;
}

describe('acPlugin byte layouts', () => {
  const sessionInfoBytes = [
    0x3b, // 59 SESSION_INFO
    0x04,
    0x01,
    0x01,
    0x03, // version 4, session 1, current 1, count 3
    0x02,
    0x41,
    0x00,
    0x00,
    0x00,
    0x43,
    0x00,
    0x00,
    0x00, // sW "AC"
    0x03,
    0x73,
    0x70,
    0x61, // s8 "spa"
    0x00, // s8 "" (no layout)
    0x07,
    0x51,
    0x75,
    0x61,
    0x6c,
    0x69,
    0x66,
    0x79, // s8 "Qualify"
    0x02, // type 2 = qualify
    0x0f,
    0x00, // time 15 min
    0x00,
    0x00, // laps 0
    0x3c,
    0x00, // wait time 60
    0x1a,
    0x20, // ambient 26, road 32
    0x07,
    0x33,
    0x5f,
    0x63,
    0x6c,
    0x65,
    0x61,
    0x72, // s8 "3_clear"
    0x78,
    0xec,
    0xff,
    0xff, // i32 -5000
  ];
  const sessionInfo = {
    protocolVersion: 4,
    sessionIndex: 1,
    currentSessionIndex: 1,
    sessionCount: 3,
    serverName: 'AC',
    track: 'spa',
    trackConfig: '',
    name: 'Qualify',
    sessionType: 2,
    timeMinutes: 15,
    laps: 0,
    waitTime: 60,
    ambientTemp: 26,
    roadTemp: 32,
    weatherGraphics: '3_clear',
    elapsedMs: -5000,
  };

  it('when SESSION_INFO bytes arrive, then every field is read in table order', () => {
    expect(decoded(sessionInfoBytes)).toEqual({ type: 'SESSION_INFO', ...sessionInfo });
    expect([...encodeServerMessage({ type: 'SESSION_INFO', ...sessionInfo })]).toEqual(sessionInfoBytes);
  });

  it('when NEW_SESSION arrives, then it has the SESSION_INFO payload', () => {
    expect(decoded([0x32, ...sessionInfoBytes.slice(1)])).toEqual({ type: 'NEW_SESSION', ...sessionInfo });
  });

  // "Zoë 🏁": ë is U+00EB, the chequered flag U+1F3C1 is outside the BMP and takes one UTF-32 slot.
  const zoeName = [0x05, 0x5a, 0, 0, 0, 0x6f, 0, 0, 0, 0xeb, 0, 0, 0, 0x20, 0, 0, 0, 0xc1, 0xf3, 0x01, 0x00];
  const connectionTail = [
    ...sWAscii('76561198000000001'),
    0x07, // car id
    ...s8('ks_mazda_mx5_cup'),
    ...s8('00_official'),
  ];
  const connection = {
    driverName: 'Zoë 🏁',
    driverGuid: '76561198000000001',
    carId: 7,
    carModel: 'ks_mazda_mx5_cup',
    carSkin: '00_official',
  };

  it('when NEW_CONNECTION has a non-ASCII name with an emoji, then the sW name decodes exactly', () => {
    const bytes = [0x33, ...zoeName, ...connectionTail];
    expect(decoded(bytes)).toEqual({ type: 'NEW_CONNECTION', ...connection });
    expect([...encodeServerMessage({ type: 'NEW_CONNECTION', ...connection })]).toEqual(bytes);
  });

  it('when a Windows acServer sends the emoji as two UTF-16 surrogate slots, then the name is the same', () => {
    const windowsName = [
      0x06, 0x5a, 0, 0, 0, 0x6f, 0, 0, 0, 0xeb, 0, 0, 0, 0x20, 0, 0, 0, 0x3c, 0xd8, 0, 0, 0xc1, 0xdf, 0, 0,
    ];
    expect(decoded([0x34, ...windowsName, ...connectionTail])).toEqual({ type: 'CONNECTION_CLOSED', ...connection });
  });

  it('when an sW slot is not a character, then it becomes U+FFFD and the message still decodes', () => {
    const bad = [0x03, 0x41, 0, 0, 0, 0x00, 0xdc, 0, 0, 0x00, 0x00, 0x11, 0x00]; // "A", lone low surrogate, 0x110000
    expect(decoded([0x3c, ...bad])).toEqual({ type: 'ERROR', text: 'A\ufffd\ufffd' });
  });

  const lapHeader = [0x49, 0x03, 0xec, 0x69, 0x01, 0x00, 0x00]; // 73, car 3, 92652 ms, 0 cuts
  const entry8a = [0x03, 0xec, 0x69, 0x01, 0x00, 0x05, 0x00, 0x01]; // car 3, 92652, 5 laps, completed
  const entry8b = [0x05, 0xff, 0xc9, 0x9a, 0x3b, 0x00, 0x00, 0x00]; // car 5, 999999999, 0 laps, not completed
  const grip = [0x00, 0x00, 0x78, 0x3f]; // f32 0.96875

  it('when LAP_COMPLETED has 8-byte leaderboard entries and grip, then all of it is read', () => {
    const bytes = [...lapHeader, 0x02, ...entry8a, ...entry8b, ...grip];
    const msg = {
      type: 'LAP_COMPLETED' as const,
      carId: 3,
      lapTimeMs: 92652,
      cuts: 0,
      declaredCount: 2,
      entrySize: 8 as const,
      leaderboard: [
        { carId: 3, bestLapMs: 92652, laps: 5, completed: true },
        { carId: 5, bestLapMs: 999999999, laps: 0, completed: false },
      ],
      gripLevel: 0.96875,
      leaderboardComplete: true,
    };
    expect(decoded(bytes)).toEqual(msg);
    expect([...encodeServerMessage(msg)]).toEqual(bytes);
  });

  it('when LAP_COMPLETED has the old 7-byte entries, then they are read without a completed flag', () => {
    const bytes = [...lapHeader, 0x02, ...entry8a.slice(0, 7), ...entry8b.slice(0, 7), ...grip];
    expect(decoded(bytes)).toEqual({
      type: 'LAP_COMPLETED',
      carId: 3,
      lapTimeMs: 92652,
      cuts: 0,
      declaredCount: 2,
      entrySize: 7,
      leaderboard: [
        { carId: 3, bestLapMs: 92652, laps: 5 },
        { carId: 5, bestLapMs: 999999999, laps: 0 },
      ],
      gripLevel: 0.96875,
      leaderboardComplete: true,
    });
  });

  it('when the count says 24 slots but only 2 entries are there, then the lap itself is still read', () => {
    const msg = decoded([...lapHeader, 0x18, ...entry8a, ...entry8b]);
    expect(msg).toMatchObject({ type: 'LAP_COMPLETED', carId: 3, lapTimeMs: 92652, cuts: 0, declaredCount: 24 });
    if (msg.type !== 'LAP_COMPLETED') throw new Error('not a lap');
    expect(msg.leaderboardComplete).toBe(false);
    expect(msg.gripLevel).toBeUndefined();
    expect(msg.leaderboard.map((e) => e.carId)).toEqual([3, 5]);
  });

  it('when LAP_COMPLETED carries padding after grip, then 8-byte entries and grip are still read', () => {
    const msg = decoded([...lapHeader, 0x02, ...entry8a, ...entry8b, ...grip, 0x00, 0x00]);
    expect(msg).toMatchObject({ entrySize: 8, gripLevel: 0.96875, leaderboardComplete: true });
  });

  it('when 4 slots come with 32 bytes, then the old 7-byte + grip layout wins over 8-byte without grip', () => {
    const e7 = (car: number) => [car, 0x10, 0x27, 0x00, 0x00, 0x01, 0x00]; // 10000 ms, 1 lap
    const msg = decoded([...lapHeader, 0x04, ...e7(0), ...e7(1), ...e7(2), ...e7(3), ...grip]);
    expect(msg).toMatchObject({ entrySize: 7, gripLevel: 0.96875, leaderboardComplete: true });
    expect(msg.type === 'LAP_COMPLETED' && msg.leaderboard.map((e) => e.carId)).toEqual([0, 1, 2, 3]);
  });

  it('when LAP_COMPLETED stops right after the cuts, then car, time and cuts are still read', () => {
    expect(decoded([0x49, 0x0b, 0x10, 0x27, 0x00, 0x00, 0x03])).toEqual({
      type: 'LAP_COMPLETED',
      carId: 11,
      lapTimeMs: 10000,
      cuts: 3,
      leaderboard: [],
      leaderboardComplete: false,
    });
  });

  it('when CAR_INFO arrives, then its five sW strings are read in table order', () => {
    const bytes = [
      0x36,
      0x02,
      0x01,
      ...sWAscii('bmw_m3'),
      ...sWAscii('red'),
      ...sWAscii('Ann'),
      0x00,
      ...sWAscii('7656'),
    ];
    const msg = {
      type: 'CAR_INFO' as const,
      carId: 2,
      connected: true,
      carModel: 'bmw_m3',
      carSkin: 'red',
      driverName: 'Ann',
      driverTeam: '',
      driverGuid: '7656',
    };
    expect(decoded(bytes)).toEqual(msg);
    expect([...encodeServerMessage(msg)]).toEqual(bytes);
  });

  it('when END_SESSION arrives, then the results path is read from its sW string', () => {
    const path = 'results/2024_5_1_20_0_QUALIFY.json';
    expect(decoded([0x37, ...sWAscii(path)])).toEqual({ type: 'END_SESSION', resultsPath: path });
  });

  it('when CHAT arrives, then car id and sW text are read', () => {
    const bytes = [0x39, 0x04, 0x02, 0x67, 0, 0, 0, 0x67, 0, 0, 0];
    expect(decoded(bytes)).toEqual({ type: 'CHAT', carId: 4, text: 'gg' });
    expect([...encodeServerMessage({ type: 'CHAT', carId: 4, text: 'gg' })]).toEqual(bytes);
  });

  it('when a car-to-car CLIENT_EVENT arrives, then the other car id sits between car id and speed', () => {
    const vecs = [0, 0, 0x80, 0x3f, 0, 0, 0, 0x40, 0, 0, 0x40, 0x40, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x80, 0xbf];
    const speed = [0, 0, 0x16, 0x42]; // 37.5
    expect(decoded([0x82, 0x0a, 0x03, 0x05, ...speed, ...vecs])).toEqual({
      type: 'CLIENT_EVENT',
      subtype: 10,
      carId: 3,
      otherCarId: 5,
      impactSpeed: 37.5,
      worldPos: { x: 1, y: 2, z: 3 },
      relPos: { x: 0, y: 0, z: -1 },
    });
    expect(decoded([0x82, 0x0b, 0x03, ...speed, ...vecs])).toMatchObject({ subtype: 11, carId: 3, impactSpeed: 37.5 });
  });

  it.each([
    ['BROADCAST_CHAT "hi"', { type: 'BROADCAST_CHAT', text: 'hi' }, [0xcb, 0x02, 0x68, 0, 0, 0, 0x69, 0, 0, 0]],
    ['SEND_CHAT to car 3', { type: 'SEND_CHAT', carId: 3, text: 'A' }, [0xca, 0x03, 0x01, 0x41, 0, 0, 0]],
    ['KICK_USER car 23', { type: 'KICK_USER', carId: 23 }, [0xce, 0x17]],
    ['GET_CAR_INFO car 1', { type: 'GET_CAR_INFO', carId: 1 }, [0xc9, 0x01]],
    ['GET_SESSION_INFO current', { type: 'GET_SESSION_INFO', sessionIndex: -1 }, [0xcc, 0xff, 0xff]],
    ['REALTIMEPOS_INTERVAL 1000', { type: 'REALTIMEPOS_INTERVAL', intervalMs: 1000 }, [0xc8, 0xe8, 0x03]],
    ['NEXT_SESSION', { type: 'NEXT_SESSION' }, [0xcf]],
    ['RESTART_SESSION', { type: 'RESTART_SESSION' }, [0xd0]],
    ['ADMIN_COMMAND "/next"', { type: 'ADMIN_COMMAND', command: '/n' }, [0xd1, 0x02, 0x2f, 0, 0, 0, 0x6e, 0, 0, 0]],
    [
      'SET_SESSION_INFO',
      {
        type: 'SET_SESSION_INFO',
        sessionIndex: 1,
        name: 'Q',
        sessionType: 2,
        laps: 0,
        timeSeconds: 3600,
        waitTimeSeconds: 60,
      },
      [0xcd, 0x01, 0x01, 0x51, 0, 0, 0, 0x02, 0, 0, 0, 0, 0x10, 0x0e, 0, 0, 0x3c, 0, 0, 0],
    ],
  ] as const)('when %s is encoded, then the bytes follow the table', (_n, cmd, bytes) => {
    expect([...encodePluginCommand(cmd)]).toEqual(bytes);
    expect(decodePluginCommand(Buffer.from(bytes))).toEqual({ ok: true, command: cmd });
  });
});
