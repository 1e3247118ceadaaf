import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Change, ChangeEntry, ChangeLog } from '../../app/hosts/hostPorts';
import type { DocSender } from './DynamoStore';

const COUNTER = { ns: 'changeSeq', key: 'seq' };
const LOG_NS = 'changeLog';
/** Sort keys compare as strings: zero-padded numbers sort like numbers. */
const pad = (seq: number) => String(seq).padStart(16, '0');

/**
 * The change log in the state table: a counter item (UpdateItem ADD hands out 1, 2, 3, ... atomically,
 * across hosts) and one item per change under `changeLog/<seq>`, read by the bot with a Query on the
 * sort key. Items carry `expiresAt` (epoch seconds) for a TTL on the table: the bot only needs the
 * changes since its cursor. Works on DynamoDB, DynamoDB Local and dynalite (no Streams needed).
 */
export class DynamoChangeLog implements ChangeLog {
  constructor(
    private readonly doc: DocSender,
    private readonly table: string,
    private readonly keepDays = 7,
  ) {}

  async append(change: Change, by: string, at: Date): Promise<number> {
    const out = await this.doc.send(
      new UpdateCommand({
        TableName: this.table,
        Key: COUNTER,
        UpdateExpression: 'ADD #n :one',
        ExpressionAttributeNames: { '#n': 'n' },
        ExpressionAttributeValues: { ':one': 1 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    const seq = Number(out.Attributes?.n);
    await this.doc.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          ns: LOG_NS,
          key: pad(seq),
          value: JSON.stringify({ change, by, at: at.toISOString() }),
          expiresAt: Math.floor(at.getTime() / 1000) + this.keepDays * 86_400,
        },
      }),
    );
    return seq;
  }

  async after(seq: number, limit: number): Promise<ChangeEntry[]> {
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: '#pk = :pk AND #sk > :after',
        ExpressionAttributeNames: { '#pk': 'ns', '#sk': 'key' },
        ExpressionAttributeValues: { ':pk': LOG_NS, ':after': pad(seq) },
        ConsistentRead: true,
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map((item) => {
      const body = JSON.parse(item.value as string) as Omit<ChangeEntry, 'seq'>;
      return { seq: Number(item.key), ...body };
    });
  }

  async latest(): Promise<number> {
    const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: COUNTER, ConsistentRead: true }));
    return Number(out.Item?.n ?? 0);
  }
}
