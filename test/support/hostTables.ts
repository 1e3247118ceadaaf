import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoChangeLog } from '../../src/adapters/dynamodb/DynamoChangeLog';
import { DynamoCommandQueue } from '../../src/adapters/dynamodb/DynamoCommandQueue';
import { DynamoServerLeases } from '../../src/adapters/dynamodb/DynamoServerLeases';
import { freshDynamoStore } from './dynamoStoreFactory';
import { testDynamoClient } from './dynamoTestClient';

export interface HostTables {
  changeLog(): DynamoChangeLog;
  commands(): DynamoCommandQueue;
  leases(): DynamoServerLeases;
  store: Awaited<ReturnType<typeof freshDynamoStore>>['store'];
  cleanup(): Promise<void>;
}

/**
 * Fresh tables on a running DynamoDB-compatible server; each call of changeLog()/commands()/leases()
 * is a separate client, as two hosts would have.
 */
export async function freshHostTables(endpoint: string): Promise<HostTables> {
  const fresh = await freshDynamoStore(endpoint);
  const { store, names } = fresh;
  const clients: Array<{ destroy(): void }> = [];
  const doc = () => {
    const client = testDynamoClient(endpoint);
    clients.push(client);
    return DynamoDBDocumentClient.from(client);
  };
  return {
    store,
    changeLog: () => new DynamoChangeLog(doc(), names.state),
    commands: () => new DynamoCommandQueue(doc(), names.state),
    leases: () => new DynamoServerLeases(doc(), names.state),
    async cleanup() {
      for (const c of clients) c.destroy();
      await fresh.cleanup();
    },
  };
}
