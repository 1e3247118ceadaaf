import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { CommandAnswer, CommandQueue, CommandRequest, CommandStatus } from '../../app/hosts/hostPorts';
import type { DocSender } from './DynamoStore';
import { conditionFailed } from './conditionFailed';

const NS = 'command';
const key = (serverId: string, id: string) => `${serverId}#${id}`;

/**
 * Command items in the state table under `command/<serverId>#<id>`: the request as JSON in `value`
 * (never changed), its life in top-level attributes `status` (pending -> claimed -> done, or
 * pending -> expired), `claimedBy`, `answer`, `deadline` (epoch ms) and `expiresAt` (epoch seconds,
 * for a TTL). Every transition is a conditional UpdateItem, so of two agents only one claims a command,
 * and a command the asker gave up on can no longer be claimed.
 */
export class DynamoCommandQueue implements CommandQueue {
  constructor(
    private readonly doc: DocSender,
    private readonly table: string,
  ) {}

  async submit(request: CommandRequest): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          ns: NS,
          key: key(request.serverId, request.id),
          value: JSON.stringify(request),
          status: 'pending',
          deadline: request.deadline,
          expiresAt: Math.floor(request.deadline / 1000) + 7 * 86_400,
        },
        ConditionExpression: 'attribute_not_exists(#k)',
        ExpressionAttributeNames: { '#k': 'key' },
      }),
    );
  }

  async pending(serverId: string): Promise<CommandRequest[]> {
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :server)',
        FilterExpression: '#st = :pending',
        ExpressionAttributeNames: { '#pk': 'ns', '#sk': 'key', '#st': 'status' },
        ExpressionAttributeValues: { ':pk': NS, ':server': `${serverId}#`, ':pending': 'pending' },
        ConsistentRead: true,
      }),
    );
    return (out.Items ?? [])
      .map((item) => JSON.parse(item.value as string) as CommandRequest)
      .sort((a, b) => a.requestedAt - b.requestedAt);
  }

  async claim(serverId: string, id: string, agentId: string, now: number): Promise<boolean> {
    return this.transition(serverId, id, {
      set: 'SET #st = :claimed, claimedBy = :me',
      condition: '#st = :pending AND deadline > :now',
      values: { ':claimed': 'claimed', ':me': agentId, ':pending': 'pending', ':now': now },
    });
  }

  async answer(serverId: string, id: string, agentId: string, answer: CommandAnswer): Promise<void> {
    await this.transition(serverId, id, {
      set: 'SET #st = :done, answer = :answer',
      condition: '#st = :claimed AND claimedBy = :me',
      values: { ':done': 'done', ':answer': JSON.stringify(answer), ':claimed': 'claimed', ':me': agentId },
    });
  }

  async expire(serverId: string, id: string): Promise<boolean> {
    return this.transition(serverId, id, {
      set: 'SET #st = :expired',
      condition: '#st = :pending',
      values: { ':expired': 'expired', ':pending': 'pending' },
    });
  }

  async status(serverId: string, id: string): Promise<CommandStatus | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: { ns: NS, key: key(serverId, id) }, ConsistentRead: true }),
    );
    const item = out.Item;
    if (!item) return undefined;
    switch (item.status) {
      case 'claimed':
        return { status: 'claimed', by: item.claimedBy as string };
      case 'done':
        return {
          status: 'done',
          by: item.claimedBy as string,
          answer: JSON.parse(item.answer as string) as CommandAnswer,
        };
      case 'expired':
        return { status: 'expired' };
      default:
        return { status: 'pending' };
    }
  }

  /** One conditional UpdateItem; false when the condition did not hold. */
  private async transition(
    serverId: string,
    id: string,
    op: { set: string; condition: string; values: Record<string, unknown> },
  ): Promise<boolean> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { ns: NS, key: key(serverId, id) },
          UpdateExpression: op.set,
          ConditionExpression: `attribute_exists(#k) AND ${op.condition}`,
          ExpressionAttributeNames: { '#k': 'key', '#st': 'status' },
          ExpressionAttributeValues: op.values,
        }),
      );
      return true;
    } catch (err) {
      if (conditionFailed(err)) return false;
      throw err;
    }
  }
}
