import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createTables } from '../../src/adapters/dynamodb/createTables';
import { DynamoStore } from '../../src/adapters/dynamodb/DynamoStore';
import { silentLogger } from '../../src/logger';
import { testDynamoClient } from './dynamoTestClient';

let counter = 0;

/** Fresh tables with unique names on a running DynamoDB-compatible server, and a store over them. */
export async function freshDynamoStore(
  endpoint: string,
  opts: { pageSize?: number; onClient?: (client: DynamoDBClient) => void } = {},
): Promise<{ store: DynamoStore; cleanup(): Promise<void>; names: { results: string; state: string } }> {
  const suffix = `${process.pid}_${++counter}`;
  const names = { results: `Results_${suffix}`, state: `BotState_${suffix}` };
  const admin = testDynamoClient(endpoint);
  try {
    await createTables(admin, names, silentLogger, { pollMs: 20 });
  } finally {
    admin.destroy();
  }
  const client = testDynamoClient(endpoint);
  opts.onClient?.(client);
  const store = DynamoStore.fromClient(client, {
    resultsTable: names.results,
    stateTable: names.state,
    log: silentLogger,
    ...(opts.pageSize !== undefined ? { pageSize: opts.pageSize } : {}),
  });
  return { store, names, cleanup: () => store.close() };
}
