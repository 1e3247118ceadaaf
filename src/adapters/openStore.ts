import type { Store } from '../app/ports';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { SqliteStore } from './sqlite/SqliteStore';

/** Opens the backend config.STORE names; for DynamoDB, refuses to start without its tables. */
export async function openStore(config: Config, log: Logger): Promise<Store> {
  if (config.STORE === 'sqlite') return SqliteStore.open(config.sqlitePath, log);

  // Loaded only for this store: the AWS SDK costs a SQLite bot about 15 MB of memory for nothing.
  const [{ DynamoStore }, { createDynamoClient }] = await Promise.all([
    import('./dynamodb/DynamoStore'),
    import('./dynamodb/dynamoClient'),
  ]);
  const client = createDynamoClient({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT });
  const store = DynamoStore.fromClient(client, {
    resultsTable: config.DYNAMODB_RESULTS_TABLE,
    stateTable: config.DYNAMODB_STATE_TABLE,
    log,
  });
  let missing: string[];
  try {
    missing = await store.missingTables();
  } catch (err) {
    await store.close();
    throw err;
  }
  if (missing.length > 0) {
    await store.close();
    const where = config.DYNAMODB_ENDPOINT ?? `AWS region ${config.AWS_REGION}`;
    throw new Error(
      `DynamoDB table${missing.length > 1 ? 's' : ''} ${missing.map((t) => `"${t}"`).join(', ')} not found at ${where}: ` +
        'run `npm run cli -- create-tables` once to create them (or fix DYNAMODB_RESULTS_TABLE / ' +
        'DYNAMODB_STATE_TABLE / AWS_REGION in .env)',
    );
  }
  log.info(
    {
      region: config.AWS_REGION,
      endpoint: config.DYNAMODB_ENDPOINT,
      tables: [config.DYNAMODB_RESULTS_TABLE, config.DYNAMODB_STATE_TABLE],
    },
    'DynamoDB store ready',
  );
  return store;
}
