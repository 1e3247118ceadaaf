/**
 * The production backend: laps and bot state in DynamoDB.
 *
 * Laps table (default `Results`, the table the original Python suite wrote, kept compatible):
 *   partition key `eventId` (S) e.g. `season1#event2`, sort key `lapKey` (S) = `<driverGuid>#<lapTimestamp>`
 *   (a later, different lap meeting that key gets a suffix: src/domain/lapKeys.ts);
 *   every other Lap field is a top-level attribute of the same name (sectorsMs a list of numbers,
 *   valid a boolean, tyre/sessionTime NULL when absent). Items the old suite wrote may miss newer
 *   fields; they read back with neutral defaults (see fromItem).
 *
 * State table (default `BotState`): partition key `ns` (S), sort key `key` (S), attribute `value`
 * holding the value as a JSON string. A string rather than a native map because it round-trips any
 * JSON shape exactly (empty strings, nested arrays, null, numbers beyond DynamoDB's rules) and keeps
 * DynamoDB and SQLite behaving the same. An item is limited to 400 KB, so keep each value small.
 *
 * Both tables: on-demand (PAY_PER_REQUEST), created by `npm run cli -- create-tables`.
 * Reads are strongly consistent so a lap just written is in the next leaderboard.
 * IAM actions the bot needs on both tables: Query, GetItem, PutItem, DeleteItem, BatchWriteItem, BatchGetItem
 * (insert is a conditional PutItem, take a DeleteItem returning the old item: no further actions)
 * (create-tables also needs DescribeTable and CreateTable).
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  type BatchWriteCommandInput,
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { Store } from '../../app/ports';
import type { Lap } from '../../domain/types';
import type { Logger } from '../../logger';
import { MAX_LAP_KEY_BYTES, textProblem } from '../../domain/results/lapLimits';
import { checkKey, checkLaps, toJson } from '../stateValue';
import { StoreRejectedError } from '../../app/results/storeErrors';
import { isDataRejection } from './isDataRejection';
import { fromItem, type Item, toItem } from './lapItem';
import { runBounded } from './runBounded';
import { untilProcessed } from './untilProcessed';
import { LIVE_RESULT_FILE } from '../../domain/liveLaps/liveLap';

/** The one method the store needs; a stub in tests, a DynamoDBDocumentClient otherwise. */
export type DocSender = Pick<DynamoDBDocumentClient, 'send'>;

export interface DynamoStoreOptions {
  resultsTable: string;
  stateTable: string;
  log: Logger;
  /** Query page size (Limit); unset lets DynamoDB fill 1 MB pages. Small values exercise pagination. */
  pageSize?: number;
  /** BatchWrite requests in flight at once. */
  concurrency?: number;
  /** Attempts per batch of 25 before giving up on unprocessed items. */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** DynamoDB's limits of put requests in one BatchWriteItem and of keys in one BatchGetItem. */
const BATCH_SIZE = 25;
const GET_BATCH_SIZE = 100;
type WriteRequests = NonNullable<BatchWriteCommandInput['RequestItems']>[string];

export class DynamoStore implements Store {
  private closed = false;

  constructor(
    private readonly doc: DocSender,
    private readonly opts: DynamoStoreOptions,
    private readonly onClose: () => void = () => {},
  ) {}

  /** Wraps a client; the store owns it from then on and destroys it on close(). */
  static fromClient(client: DynamoDBClient, opts: DynamoStoreOptions): DynamoStore {
    const doc = DynamoDBDocumentClient.from(client, {
      marshallOptions: { removeUndefinedValues: true },
    });
    return new DynamoStore(doc, opts, () => client.destroy());
  }

  /** Names of the configured tables that do not exist. Uses Query, which the bot's IAM role needs anyway. */
  async missingTables(): Promise<string[]> {
    const probes = [
      { table: this.opts.resultsTable, pk: 'eventId' },
      { table: this.opts.stateTable, pk: 'ns' },
    ];
    const missing: string[] = [];
    for (const { table, pk } of probes) {
      try {
        await this.doc.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: '#pk = :pk',
            ExpressionAttributeNames: { '#pk': pk },
            ExpressionAttributeValues: { ':pk': '__probe__' },
            Limit: 1,
          }),
        );
      } catch (err) {
        if ((err as Error).name !== 'ResourceNotFoundException') throw err;
        missing.push(table);
      }
    }
    return missing;
  }

  async putLaps(laps: readonly Lap[]): Promise<void> {
    if (laps.length === 0) return;
    checkLaps(laps);
    // DynamoDB rejects a batch naming one key twice; the last lap for a key wins, as in SQLite.
    const unique = new Map<string, Lap>();
    for (const lap of laps) unique.set(`${lap.eventId}\u0000${lap.lapKey}`, lap);
    const requests: WriteRequests = [...unique.values()].map((lap) => ({ PutRequest: { Item: toItem(lap) } }));
    const batches: WriteRequests[] = [];
    for (let i = 0; i < requests.length; i += BATCH_SIZE) batches.push(requests.slice(i, i + BATCH_SIZE));
    const started = Date.now();
    await runBounded(batches, this.opts.concurrency ?? 4, (b) => this.writeBatch(b));
    this.opts.log.debug({ count: requests.length, batches: batches.length, ms: Date.now() - started }, 'laps stored');
  }

  async lapsWithKeys(eventId: string, lapKeys: readonly string[]): Promise<Lap[]> {
    // A key DynamoDB could not hold is never stored; asking for it would only be refused.
    const keys = [...new Set(lapKeys)].filter((k) => k !== '' && textProblem(k, MAX_LAP_KEY_BYTES) === null);
    const batches: string[][] = [];
    for (let i = 0; i < keys.length; i += GET_BATCH_SIZE) batches.push(keys.slice(i, i + GET_BATCH_SIZE));
    const found: Lap[] = [];
    await runBounded(batches, this.opts.concurrency ?? 4, (b) => this.readBatch(eventId, b, found));
    return found;
  }

  async deleteLaps(eventId: string, lapKeys: readonly string[]): Promise<void> {
    const unique = [...new Set(lapKeys)];
    if (unique.length === 0) return;
    const requests: WriteRequests = unique.map((lapKey) => ({ DeleteRequest: { Key: { eventId, lapKey } } }));
    const batches: WriteRequests[] = [];
    for (let i = 0; i < requests.length; i += BATCH_SIZE) batches.push(requests.slice(i, i + BATCH_SIZE));
    await runBounded(batches, this.opts.concurrency ?? 4, (b) => this.writeBatch(b));
    this.opts.log.debug({ eventId, count: unique.length }, 'laps deleted');
  }

  private async writeBatch(batch: WriteRequests): Promise<void> {
    const table = this.opts.resultsTable;
    await untilProcessed(
      batch,
      async (pending) => {
        const out = await this.doc
          .send(new BatchWriteCommand({ RequestItems: { [table]: pending } }))
          .catch((err: unknown) => rejected(err, `the laps in table "${table}"`));
        return out.UnprocessedItems?.[table] ?? [];
      },
      (left, tries) =>
        `DynamoDB left ${left} of ${batch.length} laps unwritten in table "${table}" after ${tries}: the table is ` +
        'throttling writes. Check its capacity (use on-demand, or raise provisioned write capacity) and CloudWatch ' +
        'ThrottledRequests, then ingest the file again (writes are idempotent).',
      { ...this.opts, table },
    );
  }

  /** Up to 100 keys in one BatchGetItem; found items are pushed to `into`. */
  private async readBatch(eventId: string, lapKeys: readonly string[], into: Lap[]): Promise<void> {
    const table = this.opts.resultsTable;
    await untilProcessed(
      lapKeys.map((lapKey) => ({ eventId, lapKey })),
      async (pending) => {
        const out = await this.doc.send(
          new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ConsistentRead: true } } }),
        );
        into.push(...(out.Responses?.[table] ?? []).map(fromItem));
        return (out.UnprocessedKeys?.[table]?.Keys ?? []) as typeof pending;
      },
      (left, tries) =>
        `DynamoDB left ${left} of ${lapKeys.length} lap keys unread in table "${table}" after ${tries}: the table is ` +
        'throttling reads. Check its capacity (use on-demand, or raise provisioned read capacity) and CloudWatch ' +
        'ThrottledRequests; the file is read again later.',
      { ...this.opts, table },
    );
  }

  async lapsForEvent(eventId: string): Promise<Lap[]> {
    const items = await this.queryAll({
      TableName: this.opts.resultsTable,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': 'eventId' },
      ExpressionAttributeValues: { ':pk': eventId },
    });
    return items.map(fromItem);
  }

  /** A filter cannot name the sort key, so live laps are found by their resultFile; callers check the key. */
  async liveLapsForEvent(eventId: string): Promise<Lap[]> {
    const items = await this.queryAll({
      TableName: this.opts.resultsTable,
      KeyConditionExpression: '#pk = :pk',
      FilterExpression: '#rf = :live',
      ExpressionAttributeNames: { '#pk': 'eventId', '#rf': 'resultFile' },
      ExpressionAttributeValues: { ':pk': eventId, ':live': LIVE_RESULT_FILE },
    });
    return items.map(fromItem);
  }

  async get<T>(ns: string, key: string): Promise<T | undefined> {
    if (ns === '' || key === '') return undefined; // DynamoDB refuses empty key values; nothing can be stored there
    const out = await this.doc.send(
      new GetCommand({ TableName: this.opts.stateTable, Key: { ns, key }, ConsistentRead: true }),
    );
    return out.Item === undefined ? undefined : (JSON.parse(out.Item.value as string) as T);
  }

  async put<T>(ns: string, key: string, value: T): Promise<void> {
    const Item = { ns: checkKey(ns, 'namespace'), key: checkKey(key, 'key'), value: toJson(value) };
    await this.doc
      .send(new PutCommand({ TableName: this.opts.stateTable, Item }))
      .catch((err: unknown) => rejected(err, `state ${ns}/${key.slice(0, 60)} in table "${this.opts.stateTable}"`));
  }

  async delete(ns: string, key: string): Promise<void> {
    if (ns === '' || key === '') return;
    await this.doc.send(new DeleteCommand({ TableName: this.opts.stateTable, Key: { ns, key } }));
  }

  async insert<T>(ns: string, key: string, value: T): Promise<boolean> {
    const Item = { ns: checkKey(ns, 'namespace'), key: checkKey(key, 'key'), value: toJson(value) };
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.opts.stateTable,
          Item,
          ConditionExpression: 'attribute_not_exists(#k)',
          ExpressionAttributeNames: { '#k': 'key' },
        }),
      );
      return true;
    } catch (err) {
      if ((err as Error).name === 'ConditionalCheckFailedException') return false;
      return rejected(err, `state ${ns}/${key.slice(0, 60)} in table "${this.opts.stateTable}"`);
    }
  }

  async take<T>(ns: string, key: string): Promise<T | undefined> {
    if (ns === '' || key === '') return undefined;
    try {
      // The condition makes concurrent takes agree on one winner (DynamoDB Local returns the old item to each otherwise).
      const out = await this.doc.send(
        new DeleteCommand({
          TableName: this.opts.stateTable,
          Key: { ns, key },
          ReturnValues: 'ALL_OLD',
          ConditionExpression: 'attribute_exists(#k)',
          ExpressionAttributeNames: { '#k': 'key' },
        }),
      );
      return out.Attributes === undefined ? undefined : (JSON.parse(out.Attributes.value as string) as T);
    } catch (err) {
      if ((err as Error).name === 'ConditionalCheckFailedException') return undefined;
      throw err;
    }
  }

  async list<T>(ns: string): Promise<Array<{ key: string; value: T }>> {
    if (ns === '') return [];
    const items = await this.queryAll({
      TableName: this.opts.stateTable,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': 'ns' },
      ExpressionAttributeValues: { ':pk': ns },
    });
    return items.map((i) => ({ key: i.key as string, value: JSON.parse(i.value as string) as T }));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.onClose();
  }

  private async queryAll(input: QueryCommandInput): Promise<Item[]> {
    const items: Item[] = [];
    let start: Item | undefined;
    do {
      const out = await this.doc.send(
        new QueryCommand({
          ...input,
          ConsistentRead: true,
          ...(this.opts.pageSize !== undefined ? { Limit: this.opts.pageSize } : {}),
          ...(start !== undefined ? { ExclusiveStartKey: start } : {}),
        }),
      );
      items.push(...((out.Items ?? []) as Item[]));
      start = out.LastEvaluatedKey as Item | undefined;
    } while (start !== undefined);
    return items;
  }
}

/** Rethrows `err`, as StoreRejectedError when DynamoDB refused the data itself (no retry can help). */
function rejected(err: unknown, what: string): never {
  if (isDataRejection(err))
    throw new StoreRejectedError(`DynamoDB refused ${what}: ${(err as Error).message}`, { cause: err });
  throw err;
}
