import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { createTables } from '../../src/adapters/dynamodb/createTables';
import { silentLogger } from '../../src/logger';
import { startDynamoDbLocal } from '../support/dynamoDbLocal';
import type { LocalDynamo } from '../support/dynalite';
import { testDynamoClient } from '../support/dynamoTestClient';
import { freshDynamoStore } from '../support/dynamoStoreFactory';
import { describeStoreContract } from './storeContract';
import { describeStewardingContract } from './stewardingContract';
import { freshHostTables } from '../support/hostTables';
import { describeHostsContract } from './dynamodb/hostsContract';

// The official DynamoDB Local jar, for fidelity dynalite cannot promise (validation, limits).
let server: LocalDynamo;
beforeAll(async () => {
  server = await startDynamoDbLocal();
}, 90_000);
afterAll(async () => {
  await server?.close();
}, 30_000);

describeStoreContract('DynamoDB Local (jar)', () => freshDynamoStore(server.endpoint, { pageSize: 100 }));

describeStewardingContract('DynamoDB Local (jar)', () => freshDynamoStore(server.endpoint, { pageSize: 100 }));

// The change log, command items and leases of several hosts (conditional writes, atomic counters).
describeHostsContract('DynamoDB Local (jar)', () => freshHostTables(server.endpoint));

describe('createTables on DynamoDB Local', () => {
  it('when run twice, then both tables are ACTIVE on-demand and the second run only finds them', async () => {
    const client = testDynamoClient(server.endpoint);
    const names = { results: 'Results', state: 'BotState' };
    expect(await createTables(client, names, silentLogger, { pollMs: 50 })).toEqual({
      created: ['Results', 'BotState'],
      existing: [],
    });
    const d = await client.send(new DescribeTableCommand({ TableName: 'Results' }));
    expect(d.Table?.TableStatus).toBe('ACTIVE');
    expect(d.Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(await createTables(client, names, silentLogger)).toEqual({ created: [], existing: ['Results', 'BotState'] });
    client.destroy();
  });
});
