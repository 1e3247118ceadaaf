import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Config } from '../config';
import type { ChangeLog, CommandQueue, ServerLeases } from '../app/hosts/hostPorts';
import { createDynamoClient } from '../adapters/dynamodb/dynamoClient';
import { DynamoChangeLog } from '../adapters/dynamodb/DynamoChangeLog';
import { DynamoCommandQueue } from '../adapters/dynamodb/DynamoCommandQueue';
import { DynamoServerLeases } from '../adapters/dynamodb/DynamoServerLeases';

// The AWS SDK is loaded only through this module (imported when ROLE is bot or agent), so a
// single-host bot never pays the memory for it.

export interface HostTables {
  changeLog: ChangeLog;
  commands: CommandQueue;
  leases: ServerLeases;
  close(): void;
}

/** The change log, command items and leases, all in the state table (ROLE=bot|agent needs STORE=dynamodb). */
export function openHostTables(config: Config): HostTables {
  const client = createDynamoClient({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT });
  const doc = DynamoDBDocumentClient.from(client);
  const table = config.DYNAMODB_STATE_TABLE;
  return {
    changeLog: new DynamoChangeLog(doc, table),
    commands: new DynamoCommandQueue(doc, table),
    leases: new DynamoServerLeases(doc, table),
    close: () => client.destroy(),
  };
}
