import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseResults, ResultsParseError } from '../../../src/domain/results/parseResults';
import { KICKED_GUID } from '../../../src/domain/types';

const DATA = path.join(__dirname, '../data/results');

function reason(content: string | Uint8Array, file = '2024_1_1_10_0_RACE.json'): string {
  try {
    parseResults(content, file);
  } catch (e) {
    if (e instanceof ResultsParseError) return e.reason;
    throw e;
  }
  throw new Error('expected a ResultsParseError');
}

/** Deterministic noise: what a corrupted disk or a wrong file copied into results/ looks like. */
function randomBytes(length: number, seed = 7): Buffer {
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) out[i] = (seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 16;
  return out;
}

const lap = (guid: string, name: string, t: number) => ({
  DriverName: name,
  DriverGuid: guid,
  CarId: 0,
  CarModel: 'ks_mazda_mx5_cup',
  Timestamp: t,
  LapTime: 90_000 + t,
  Sectors: [30_000, 30_000, 30_000 + t],
  Cuts: 0,
  Tyre: 'SM',
});

describe('parseResults from bytes', () => {
  it('when the file is random bytes, then the error says "not JSON", not that it was truncated', () => {
    const noise = randomBytes(4096);
    noise[0] = 0x8f;
    expect(reason(noise)).toMatch(/^not JSON: it starts with the bytes 8f /);
    expect(reason('hello, this is a text file')).toMatch(/^not JSON/);
    expect(reason(noise)).not.toContain('truncated');
  });

  it('when a complete file is broken inside a lap, then the error is invalid JSON at that place, not "truncated"', () => {
    const text = '{"TrackName":"x","Laps":[{"CarId":0,"Timestamp":1,"LapTime":2,"Cuts":0},{"CarId":0 "Timestamp":2}]}';
    const r = reason(text);
    expect(r).toMatch(/^invalid JSON at position \d+ \(/);
    expect(Number(/position (\d+)/.exec(r)![1])).toBeGreaterThanOrEqual(text.indexOf('"Timestamp":2') - 1);
    expect(r).not.toContain('truncated');
  });

  it('when a file stops inside the Laps array or inside a string, then it reads as truncated', () => {
    const full = JSON.stringify({ TrackName: 'x', Laps: [lap('1', 'A', 1), lap('1', 'A', 2)] });
    for (const cut of [full.length - 1, full.indexOf('"A"', 40) + 2, full.indexOf('LapTime') + 3]) {
      expect(reason(full.slice(0, cut))).toMatch(/\(file truncated or still being written\?\)$/);
    }
  });

  it('when a member nobody reads (Events) holds broken JSON, then the file is still refused', () => {
    expect(reason('{"TrackName":"x","Laps":[],"Events":[{"Type":"COLLISION","Speed":01}]}')).toMatch(
      /^invalid JSON at position/,
    );
    expect(reason('{"TrackName":"x","Laps":[]} trailing')).toMatch(/^invalid JSON at position 28 /);
  });

  it('when a member is repeated, then the last one counts, as JSON.parse does', () => {
    const parsed = parseResults(
      '{"TrackName":"a","Laps":[{"CarId":0,"Timestamp":1,"LapTime":2,"Cuts":0}],"TrackName":"b","Laps":[]}',
      'x.json',
    );
    expect(parsed.track).toBe('b');
    expect(parsed.laps).toEqual([]);
  });

  it('when names hold quotes, backslashes and non-ASCII, then they are read exactly', () => {
    const names = ['Jo "The Rocket"', 'back\\slash\\', '小林 \u00e9\\"', 'tab\there'];
    const text = JSON.stringify({
      TrackName: 'x',
      Laps: names.map((n, i) => lap(String(76561198000000000n + BigInt(i)), n, i)),
    });
    expect(parseResults(Buffer.from(text), 'x.json').laps.map((l) => l.driverName)).toEqual(names);
  });

  it('when the laps come before Cars and Result (a manager re-saved the file), then kicked laps are still recovered', () => {
    const text = JSON.stringify({
      Laps: [{ ...lap(KICKED_GUID, 'Kim', 5), CarId: 3 }],
      TrackName: 'x',
      Cars: [{ CarId: 3, Driver: { Name: 'Kim', Guid: '76561198000000042' }, Model: 'm' }],
    });
    expect(parseResults(Buffer.from(text), 'x.json').laps[0]).toMatchObject({
      driverGuid: '76561198000000042',
      identified: true,
    });
  });

  it('when a hand-made file is read from its bytes (BOM, non-ASCII names), then the laps are those JSON.parse sees', () => {
    for (const name of ['2024_5_12_20_5_PRACTICE.json', '2024_5_13_19_0_RACE.json']) {
      const bytes = readFileSync(path.join(DATA, name));
      const raw = JSON.parse(bytes.toString('utf8').replace(/^\ufeff/, '')) as {
        Laps?: Array<{ LapTime: number; DriverName: string }>;
      };
      const laps = parseResults(bytes, name).laps;
      expect(laps.map((l) => [l.lapTimeMs, l.driverName])).toEqual(
        (raw.Laps ?? []).map((l) => [l.LapTime, l.DriverName]),
      );
    }
  });

  it('when odd shapes are parsed in one go and piece by piece, then both give the same results or the same error', () => {
    const outcome = (text: string | Buffer, wholeParseMaxBytes?: number) => {
      try {
        return parseResults(text, 'x.json', wholeParseMaxBytes === undefined ? {} : { wholeParseMaxBytes });
      } catch (e) {
        return (e as Error).message;
      }
    };
    const oneLap = JSON.stringify(lap('76561198000000001', 'Ann', 5));
    const cases = [
      `{"TrackName":"a","Laps":[${oneLap}],"TrackName":"b","Laps":[]}`,
      `{"TrackName":"a","Laps":[],"Laps":[${oneLap}]}`,
      `{"TrackName":"a","Laps":{"0":${oneLap}}}`,
      `{"TrackName":["not","a","string"],"Laps":[${oneLap}],"Events":[{"Type":"COLLISION"}]}`,
      `{"TrackName":"a","Laps":null,"Cars":[{"CarId":0,"Driver":{"Name":"Ann","Guid":"76561198000000001"}}]}`,
      `\ufeff  {"TrackName":"a","Laps":[${oneLap}]}  `,
      `{"TrackName":"a","Laps":[${oneLap},]}`,
      `{"TrackName":"a","Laps":[${oneLap}`,
      '[1,2,3]',
      '"just a string"',
    ];
    for (const text of cases) {
      expect(outcome(Buffer.from(text))).toStrictEqual(outcome(Buffer.from(text), 0));
    }
    const bytes = Buffer.concat([
      Buffer.from('{"TrackName":"'),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('","Laps":[]}'),
    ]);
    expect(outcome(bytes)).toStrictEqual(outcome(bytes, 0));
  });
});
