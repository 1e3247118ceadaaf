import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { createTables } from '../../src/adapters/dynamodb/createTables';
import { DynamoStore } from '../../src/adapters/dynamodb/DynamoStore';
import { isDataRejection } from '../../src/adapters/dynamodb/isDataRejection';
import { StoreRejectedError } from '../../src/app/results/storeErrors';
import { silentLogger } from '../../src/logger';
import { startDynalite, type LocalDynamo } from '../support/dynalite';
import { testDynamoClient } from '../support/dynamoTestClient';
import { lap } from './storeContract';

let server: LocalDynamo;
let names: { results: string; state: string };
beforeAll(async () => {
  server = await startDynalite();
  names = { results: 'ResultsRejection', state: 'BotStateRejection' };
  const client = testDynamoClient(server.endpoint);
  await createTables(client, names, silentLogger, { pollMs: 10 });
  client.destroy();
});
afterAll(() => server.close());

/** The error a real DynamoDB-compatible server (or the client on the way there) answers `item` with. */
async function errorFor(
  item: Record<string, unknown>,
  table = names.results,
  endpoint = server.endpoint,
): Promise<unknown> {
  const client = testDynamoClient(endpoint);
  try {
    await client.send(new PutItemCommand({ TableName: table, Item: item as never }));
    throw new Error('expected the put to fail');
  } catch (err) {
    return err;
  } finally {
    client.destroy();
  }
}
const key = { eventId: { S: 'e' }, lapKey: { S: 'k' } };

describe('isDataRejection: which DynamoDB errors no retry can fix', () => {
  it('when the item is too large, a key too long or a number out of range, then it is a rejection of the data', async () => {
    expect(isDataRejection(await errorFor({ ...key, driverName: { S: 'x'.repeat(500_000) } }))).toBe(true);
    expect(isDataRejection(await errorFor({ eventId: { S: 'e' }, lapKey: { S: 'k'.repeat(1100) } }))).toBe(true);
    expect(isDataRejection(await errorFor({ ...key, lapTimeMs: { N: '1e-200' } }))).toBe(true);
  });

  it('when the table is missing, has other keys, or the server cannot be reached, then it is not (an admin fix or time helps)', async () => {
    expect(isDataRejection(await errorFor(key, 'NoSuchTable'))).toBe(false);
    expect(isDataRejection(await errorFor({ id: { S: 'x' } }))).toBe(false);
    expect(isDataRejection(await errorFor(key, names.results, 'http://127.0.0.1:9'))).toBe(false);
    expect(isDataRejection(new Error('socket hang up'))).toBe(false);
  });
});

describe('DynamoStore when DynamoDB refuses the data', () => {
  it("when a write is refused as invalid data, then the store throws StoreRejectedError with DynamoDB's reason", async () => {
    // The store's own limits refuse such laps first; a stub is the one way to show DynamoDB refusing one anyway.
    const refusal = await errorFor({ ...key, driverName: { S: 'x'.repeat(500_000) } });
    const store = new DynamoStore(
      {
        send: async () => {
          throw refusal;
        },
      },
      { resultsTable: 'Results', stateTable: 'BotState', log: silentLogger },
    );
    const err = await store.putLaps([lap()]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreRejectedError);
    expect((err as Error).message).toBe(
      'DynamoDB refused the laps in table "Results": Item size has exceeded the maximum allowed size',
    );
    await expect(store.put('ns', 'k', 1)).rejects.toThrow(StoreRejectedError);
  });

  it('when the laps table has other keys than the bot writes, then the error stays a plain one (the file is retried once fixed)', async () => {
    const client = testDynamoClient(server.endpoint);
    const wrong = { results: 'ResultsWrongKeys', state: 'BotStateWrongKeys' };
    await createTables(client, { results: wrong.state, state: wrong.results }, silentLogger, { pollMs: 10 }); // keys swapped
    const store = DynamoStore.fromClient(client, {
      resultsTable: wrong.results,
      stateTable: wrong.state,
      log: silentLogger,
    });
    const err = await store.putLaps([lap()]).catch((e: unknown) => e);
    expect((err as Error).name).toBe('ValidationException');
    expect(err).not.toBeInstanceOf(StoreRejectedError);
    await store.close();
  });

  it('when the document client cannot convert a value, then that is a rejection too', async () => {
    const client = testDynamoClient(server.endpoint);
    const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
    const err = await doc
      .send(new PutCommand({ TableName: names.results, Item: { eventId: 'e', lapKey: 'k', n: 1e300 } }))
      .catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/MAX_SAFE_INTEGER/);
    expect(isDataRejection(err)).toBe(true);
    client.destroy();
  });
});
