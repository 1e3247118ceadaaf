import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  type TableStatus,
} from '@aws-sdk/client-dynamodb';
import type { Logger } from '../../logger';

export interface TableNames {
  results: string;
  state: string;
}

export interface CreateTablesOptions {
  /** Give up waiting for ACTIVE after this long. */
  timeoutMs?: number;
  pollMs?: number;
}

/**
 * Creates the laps and state tables (on-demand billing) unless they exist, then waits until both
 * are ACTIVE. Safe to run any number of times.
 */
export async function createTables(
  client: DynamoDBClient,
  names: TableNames,
  log: Logger,
  opts: CreateTablesOptions = {},
): Promise<{ created: string[]; existing: string[] }> {
  const specs = [
    { table: names.results, pk: 'eventId', sk: 'lapKey' },
    { table: names.state, pk: 'ns', sk: 'key' },
  ];
  const created: string[] = [];
  const existing: string[] = [];
  for (const { table, pk, sk } of specs) {
    if ((await tableStatus(client, table)) !== undefined) {
      existing.push(table);
      continue;
    }
    try {
      await client.send(
        new CreateTableCommand({
          TableName: table,
          AttributeDefinitions: [
            { AttributeName: pk, AttributeType: 'S' },
            { AttributeName: sk, AttributeType: 'S' },
          ],
          KeySchema: [
            { AttributeName: pk, KeyType: 'HASH' },
            { AttributeName: sk, KeyType: 'RANGE' },
          ],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
      created.push(table);
      log.info({ table }, 'DynamoDB table created');
    } catch (err) {
      // Another process created it between our describe and create: that is the outcome we wanted.
      if ((err as Error).name !== 'ResourceInUseException') throw err;
      existing.push(table);
    }
  }
  for (const { table } of specs) await waitActive(client, table, opts.timeoutMs ?? 300_000, opts.pollMs ?? 250);
  return { created, existing };
}

async function tableStatus(client: DynamoDBClient, table: string): Promise<TableStatus | undefined> {
  try {
    const out = await client.send(new DescribeTableCommand({ TableName: table }));
    return out.Table?.TableStatus;
  } catch (err) {
    if ((err as Error).name === 'ResourceNotFoundException') return undefined;
    throw err;
  }
}

async function waitActive(client: DynamoDBClient, table: string, timeoutMs: number, pollMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await tableStatus(client, table);
    if (status === 'ACTIVE') return;
    if (Date.now() > deadline) {
      throw new Error(
        `DynamoDB table "${table}" is still ${status ?? 'missing'} after ${Math.round(timeoutMs / 1000)} s: ` +
          'check it in the AWS console, then run `npm run cli -- create-tables` again',
      );
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
