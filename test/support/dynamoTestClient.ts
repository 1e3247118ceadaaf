import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDynamoClient } from '../../src/adapters/dynamodb/dynamoClient';

/** Dummy keys: the local servers accept any, and nothing can reach real AWS with them. */
export const TEST_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };
export const TEST_REGION = 'eu-west-1';

export function testDynamoClient(endpoint: string): DynamoDBClient {
  return createDynamoClient({ region: TEST_REGION, endpoint, credentials: TEST_CREDENTIALS });
}
