import { BatchWriteCommand, type BatchWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
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
    expect(fake.sent.map(keysOf)).toEqual([
      keysOf(fake.sent[0]!),
      ['g#7', 'g#8', 'g#9'],
      ['g#7', 'g#8', 'g#9'],
    ]);
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
