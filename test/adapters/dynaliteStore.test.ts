import { DescribeTableCommand, PutItemCommand, QueryCommand as RawQueryCommand } from '@aws-sdk/client-dynamodb';
import { createTables } from '../../src/adapters/dynamodb/createTables';
import { startDynalite, type LocalDynamo } from '../support/dynalite';
import { testDynamoClient } from '../support/dynamoTestClient';
import { freshDynamoStore } from '../support/dynamoStoreFactory';
import { silentLogger } from '../../src/logger';
import { describeStoreContract, lap } from './storeContract';
import { describeStewardingContract } from './stewardingContract';

let server: LocalDynamo;
beforeAll(async () => {
  server = await startDynalite();
});
afterAll(async () => {
  await server.close();
});

describeStoreContract('DynamoDB (dynalite)', () => freshDynamoStore(server.endpoint, { pageSize: 100 }));

describeStewardingContract('DynamoDB (dynalite)', () => freshDynamoStore(server.endpoint, { pageSize: 100 }));

describe('DynamoStore on dynalite', () => {
  it('when an event has more laps than a page, then lapsForEvent follows LastEvaluatedKey across pages', async () => {
    let queries = 0;
    const sut = await freshDynamoStore(server.endpoint, {
      pageSize: 7,
      onClient: (client) =>
        client.middlewareStack.add(
          (next, context) => async (args) => {
            if (context.commandName === 'QueryCommand') queries++;
            return next(args);
          },
          { step: 'initialize' },
        ),
    });
    const laps = Array.from({ length: 50 }, (_, i) => lap({ lapTimestamp: i, lapKey: `g#${i}` }));
    await sut.store.putLaps(laps);
    queries = 0;
    expect(await sut.store.lapsForEvent('season1#event2')).toHaveLength(50);
    expect(queries).toBe(8); // ceil(50 / 7) pages; the last one comes back without LastEvaluatedKey
    await sut.cleanup();
  });

  it("when laps are stored, then the items keep the original suite's layout (eventId/lapKey keys, Lap attributes)", async () => {
    const sut = await freshDynamoStore(server.endpoint);
    await sut.store.putLaps([lap({ tyre: null })]);
    const raw = testDynamoClient(server.endpoint);
    const described = await raw.send(new DescribeTableCommand({ TableName: sut.names.results }));
    expect(described.Table?.KeySchema).toEqual([
      { AttributeName: 'eventId', KeyType: 'HASH' },
      { AttributeName: 'lapKey', KeyType: 'RANGE' },
    ]);
    const out = await raw.send(
      new RawQueryCommand({
        TableName: sut.names.results,
        KeyConditionExpression: 'eventId = :e',
        ExpressionAttributeValues: { ':e': { S: 'season1#event2' } },
      }),
    );
    const item = out.Items![0]!;
    expect(item.lapKey).toEqual({ S: '76561198000000001#123456' });
    expect(item.lapTimeMs).toEqual({ N: '101234' });
    expect(item.sectorsMs).toEqual({ L: [{ N: '33001' }, { N: '34002' }, { N: '34231' }] });
    expect(item.valid).toEqual({ BOOL: true });
    expect(item.tyre).toEqual({ NULL: true });
    expect(item.driverName).toEqual({ S: 'Jérôme 小林' });
    raw.destroy();
    await sut.cleanup();
  });

  it('when an item the original suite wrote lacks newer fields, then it reads back with neutral defaults', async () => {
    const sut = await freshDynamoStore(server.endpoint);
    const raw = testDynamoClient(server.endpoint);
    await raw.send(
      new PutItemCommand({
        TableName: sut.names.results,
        Item: {
          eventId: { S: 'season1#event1' },
          lapKey: { S: '76561198000000009#445566' },
          driverGuid: { S: '76561198000000009' },
          driverName: { S: 'Old Timer' },
          carModel: { S: 'ks_mazda_mx5_cup' },
          lapTimeMs: { N: '98765' },
          sectorsMs: { L: [{ N: '32000' }, { N: '33000' }, { N: '33765' }] },
          cuts: { N: '0' },
          valid: { N: '1' },
          sessionType: { S: 'PRACTICE' },
          track: { S: 'ks_nordschleife' },
          trackConfig: { S: '' },
          resultFile: { S: '2024_3_1_20_0_PRACTICE.json' },
          recordedAt: { S: '2024-03-01T20:00:00.000Z' },
        },
      }),
    );
    raw.destroy();
    expect(await sut.store.lapsForEvent('season1#event1')).toEqual([
      {
        eventId: 'season1#event1',
        lapKey: '76561198000000009#445566',
        driverGuid: '76561198000000009',
        driverName: 'Old Timer',
        carModel: 'ks_mazda_mx5_cup',
        lapTimeMs: 98765,
        sectorsMs: [32000, 33000, 33765],
        cuts: 0,
        valid: true,
        tyre: null,
        sessionType: 'PRACTICE',
        track: 'ks_nordschleife',
        trackConfig: '',
        resultFile: '2024_3_1_20_0_PRACTICE.json',
        lapTimestamp: 445566,
        sessionTime: null,
        recordedAt: '2024-03-01T20:00:00.000Z',
      },
    ]);
    await sut.cleanup();
  });

  it('when state is stored, then the value attribute is a JSON string', async () => {
    const sut = await freshDynamoStore(server.endpoint);
    await sut.store.put('message', 'leaderboard', { messageId: '42', list: [1] });
    const raw = testDynamoClient(server.endpoint);
    const out = await raw.send(
      new RawQueryCommand({
        TableName: sut.names.state,
        KeyConditionExpression: 'ns = :n',
        ExpressionAttributeValues: { ':n': { S: 'message' } },
      }),
    );
    expect(out.Items).toEqual([
      { ns: { S: 'message' }, key: { S: 'leaderboard' }, value: { S: '{"messageId":"42","list":[1]}' } },
    ]);
    raw.destroy();
    await sut.cleanup();
  });
});

describe('createTables on dynalite', () => {
  it('when run twice, then the first creates both tables ACTIVE and the second finds them and changes nothing', async () => {
    const client = testDynamoClient(server.endpoint);
    const names = { results: 'ResultsTwice', state: 'BotStateTwice' };
    expect(await createTables(client, names, silentLogger, { pollMs: 10 })).toEqual({
      created: ['ResultsTwice', 'BotStateTwice'],
      existing: [],
    });
    for (const table of ['ResultsTwice', 'BotStateTwice']) {
      const d = await client.send(new DescribeTableCommand({ TableName: table }));
      expect(d.Table?.TableStatus).toBe('ACTIVE');
      expect(d.Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    }
    const state = (await client.send(new DescribeTableCommand({ TableName: 'BotStateTwice' }))).Table!;
    expect(state.KeySchema).toEqual([
      { AttributeName: 'ns', KeyType: 'HASH' },
      { AttributeName: 'key', KeyType: 'RANGE' },
    ]);
    expect(await createTables(client, names, silentLogger, { pollMs: 10 })).toEqual({
      created: [],
      existing: ['ResultsTwice', 'BotStateTwice'],
    });
    client.destroy();
  });

  it('when two processes create the same tables at once, then both succeed', async () => {
    const a = testDynamoClient(server.endpoint);
    const b = testDynamoClient(server.endpoint);
    const names = { results: 'ResultsRace', state: 'BotStateRace' };
    const [ra, rb] = await Promise.all([
      createTables(a, names, silentLogger, { pollMs: 10 }),
      createTables(b, names, silentLogger, { pollMs: 10 }),
    ]);
    expect([...ra.created, ...rb.created].sort()).toEqual(['BotStateRace', 'ResultsRace']);
    a.destroy();
    b.destroy();
  });
});
