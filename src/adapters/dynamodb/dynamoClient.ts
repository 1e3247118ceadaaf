import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';

export interface DynamoClientOptions {
  region: string;
  /** A DynamoDB-compatible server (DynamoDB Local, dynalite); unset for AWS itself. */
  endpoint?: string;
  /** Unset in production: the default chain finds env keys, ~/.aws profiles or an EC2 instance role. */
  credentials?: DynamoDBClientConfig['credentials'];
}

export function createDynamoClient(opts: DynamoClientOptions): DynamoDBClient {
  return new DynamoDBClient({
    region: opts.region,
    ...(opts.endpoint !== undefined ? { endpoint: opts.endpoint } : {}),
    ...(opts.credentials !== undefined ? { credentials: opts.credentials } : {}),
    // Without timeouts a half-open connection would stall ingest forever; the SDK retries after them.
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 20_000 },
    maxAttempts: 5,
  });
}
