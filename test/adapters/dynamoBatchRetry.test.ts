import { BatchGetCommand, BatchWriteCommand, type BatchWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
import { DynamoStore, type DynamoStoreOptions } from '../../src/adapters/dynamodb/DynamoStore';
import { silentLogger } from '../../src/logger';
import { lap } from './storeContract';

// The one stub in the store tests: no local DynamoDB can be made to return UnprocessedItems on demand.
type Request = { PutRequest: { Item: Record<string, unknown> } };

function laps(n: number) {
  return Array.from({ length: n }, (_, i) => lap({ lapTimestamp: i, lapKey: `g#${i}` }));
}
const keysOf = (reqs: Request[]) => reqs.map((r) => r.PutRequest.Item.lapKey);

/** A client that leaves the last `leave` items of each batch unprocessed for its first `times` calls. */
function throttlingClient(times: number, leave: number) {
  const sent: Request[][] = [];
  let calls = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const send = async (cmd: unknown): Promise<Partial<BatchWriteCommandOutput>> => {
    if (!(cmd instanceof BatchWriteCommand)) throw new Error('unexpected command');
    const reqs = cmd.input.RequestItems!.Results as Request[];
    sent.push(reqs);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((r) => setTimeout(r, 5));
    inFlight--;
    if (++calls > times) return { UnprocessedItems: {} };
    return { UnprocessedItems: { Results: reqs.slice(reqs.length - leave) } };
  };
  return { client: { send }, sent, stats: () => ({ calls, maxInFlight }) };
}

function storeOver(client: { send: (cmd: unknown) => Promise<unknown> }, extra: Partial<DynamoStoreOptions> = {}) {
  const delays: number[] = [];
  const store = new DynamoStore(client, {
    resultsTable: 'Results',
    stateTable: 'BotState',
    log: silentLogger,
    random: () => 1,
    sleep: async (ms) => void delays.push(ms),
    ...extra,
  });
  return { store, delays };
}

describe('DynamoStore batch writes', () => {
  it('when DynamoDB leaves items unprocessed, then exactly those items are sent again after a growing delay', async () => {
    const fake = throttlingClient(2, 3);
    const { store, delays } = storeOver(fake.client, { baseDelayMs: 40 });
    await store.putLaps(laps(10));
    expect(fake.sent.map(keysOf)).toEqual([keysOf(fake.sent[0]!), ['g#7', 'g#8', 'g#9'], ['g#7', 'g#8', 'g#9']]);
    expect(keysOf(fake.sent[0]!)).toHaveLength(10);
    expect(delays).toEqual([40, 80]);
  });

  it('when items stay unprocessed past the attempt bound, then putLaps fails saying to check capacity', async () => {
    const fake = throttlingClient(Infinity, 2);
    const { store, delays } = storeOver(fake.client, { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 250 });
    await expect(store.putLaps(laps(5))).rejects.toThrow(
      /left 2 of 5 laps unwritten in table "Results" after 4 attempts: .*throttling.*capacity/,
    );
    expect(fake.stats().calls).toBe(4);
    expect(delays).toEqual([100, 200, 250]);
  });

  it('when the jitter draws low, then the delay is a fraction of the exponential cap', async () => {
    const fake = throttlingClient(1, 1);
    const { store, delays } = storeOver(fake.client, { baseDelayMs: 100, random: () => 0.25 });
    await store.putLaps(laps(3));
    expect(delays).toEqual([25]);
  });

  it('when more than 25 laps are put, then batches hold at most 25 unique keys and a few run at once', async () => {
    const fake = throttlingClient(0, 0);
    const { store } = storeOver(fake.client, { concurrency: 3 });
    const input = [...laps(200), ...laps(30).map((l) => ({ ...l, lapTimeMs: 1 }))];
    await store.putLaps(input);
    const all = fake.sent.flatMap(keysOf);
    expect(all).toHaveLength(200);
    expect(new Set(all).size).toBe(200);
    for (const batch of fake.sent) {
      expect(batch.length).toBeLessThanOrEqual(25);
      expect(new Set(keysOf(batch)).size).toBe(batch.length);
    }
    expect(fake.sent).toHaveLength(8);
    expect(fake.stats().maxInFlight).toBe(3);
    const rewritten = fake.sent.flat().find((r) => r.PutRequest.Item.lapKey === 'g#0')!;
    expect(rewritten.PutRequest.Item.lapTimeMs).toBe(1);
  });
});

describe('DynamoStore batch reads (lapsWithKeys)', () => {
  type Key = { eventId: string; lapKey: string };
  /** A client holding `stored` that leaves the last `leave` keys of each request unprocessed for its first `times` calls. */
  function readingClient(stored: ReturnType<typeof laps>, times: number, leave: number) {
    const asked: string[][] = [];
    let calls = 0;
    const send = async (cmd: unknown) => {
      if (!(cmd instanceof BatchGetCommand)) throw new Error('unexpected command');
      const request = cmd.input.RequestItems!.Results!;
      expect(request.ConsistentRead).toBe(true);
      const keys = request.Keys as Key[];
      asked.push(keys.map((k) => k.lapKey));
      const held = calls++ < times ? keys.slice(keys.length - leave) : [];
      const answered = keys.slice(0, keys.length - held.length);
      const items = stored.filter((l) => answered.some((k) => k.lapKey === l.lapKey && k.eventId === l.eventId));
      return {
        Responses: { Results: items.map((l) => ({ ...l })) },
        UnprocessedKeys: held.length ? { Results: { Keys: held } } : {},
      };
    };
    return { client: { send }, asked };
  }

  it('when DynamoDB leaves keys unprocessed, then exactly those are asked again and every stored lap comes back once', async () => {
    const stored = laps(130);
    const fake = readingClient(stored, 1, 4);
    const { store, delays } = storeOver(fake.client, { baseDelayMs: 30, concurrency: 1 });
    const keys = [...stored.map((l) => l.lapKey), 'g#999', 'g#0'];
    const got = await store.lapsWithKeys('season1#event2', keys);
    expect(got.map((l) => l.lapKey).sort()).toEqual(stored.map((l) => l.lapKey).sort());
    expect(fake.asked.map((a) => a.length)).toEqual([100, 4, 31]);
    expect(fake.asked[1]).toEqual(fake.asked[0]!.slice(96));
    expect(delays).toEqual([30]);
  });

  it('when keys stay unprocessed past the attempt bound, then lapsWithKeys fails saying to check read capacity', async () => {
    const fake = readingClient(laps(3), Infinity, 1);
    const { store } = storeOver(fake.client, { maxAttempts: 3 });
    await expect(store.lapsWithKeys('season1#event2', ['g#0', 'g#1'])).rejects.toThrow(
      /left 1 of 2 lap keys unread in table "Results" after 3 attempts: .*throttling reads/,
    );
  });
});
