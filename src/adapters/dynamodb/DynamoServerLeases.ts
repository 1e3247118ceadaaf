import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { LeaseClaim, LeaseHolder, ServerLeases } from '../../app/hosts/hostPorts';
import type { DocSender } from './DynamoStore';
import { conditionFailed } from './conditionFailed';

const NS = 'serverLease';

/**
 * Leases in the state table under `serverLease/<serverId>`: the holder as JSON in `value`, and
 * `agentId` and `leaseUntil` (epoch ms) as top-level attributes the conditions test. A claim is a
 * conditional PutItem (free, expired or already ours), a renewal one conditioned on still being ours.
 * Expiry compares the claiming agent's clock with the holder's: hosts keep their clocks in sync (NTP).
 */
export class DynamoServerLeases implements ServerLeases {
  constructor(
    private readonly doc: DocSender,
    private readonly table: string,
  ) {}

  async claim(serverId: string, holder: LeaseHolder, now: Date, ttlMs: number): Promise<LeaseClaim> {
    const taken = await this.put(
      serverId,
      holder,
      now,
      ttlMs,
      'attribute_not_exists(#k) OR agentId = :me OR leaseUntil < :now',
    );
    if (taken) return { ok: true };
    const out = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: { ns: NS, key: serverId }, ConsistentRead: true }),
    );
    // Released or expired between the two calls: try once more rather than report a holder that is gone.
    if (!out.Item) return this.claim(serverId, holder, now, ttlMs);
    return {
      ok: false,
      heldBy: JSON.parse(out.Item.value as string) as LeaseHolder,
      until: new Date(Number(out.Item.leaseUntil)),
    };
  }

  renew(serverId: string, holder: LeaseHolder, now: Date, ttlMs: number): Promise<boolean> {
    return this.put(serverId, holder, now, ttlMs, 'agentId = :me');
  }

  async list(): Promise<Array<{ serverId: string; heldBy: LeaseHolder; until: Date }>> {
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': 'ns' },
        ExpressionAttributeValues: { ':pk': NS },
        ConsistentRead: true,
      }),
    );
    return (out.Items ?? []).map((item) => ({
      serverId: item.key as string,
      heldBy: JSON.parse(item.value as string) as LeaseHolder,
      until: new Date(Number(item.leaseUntil)),
    }));
  }

  async release(serverId: string, holder: LeaseHolder): Promise<void> {
    try {
      await this.doc.send(
        new DeleteCommand({
          TableName: this.table,
          Key: { ns: NS, key: serverId },
          ConditionExpression: 'agentId = :me',
          ExpressionAttributeValues: { ':me': holder.agentId },
        }),
      );
    } catch (err) {
      if (!conditionFailed(err)) throw err;
    }
  }

  private async put(serverId: string, holder: LeaseHolder, now: Date, ttlMs: number, condition: string) {
    const needsNow = condition.includes(':now');
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            ns: NS,
            key: serverId,
            value: JSON.stringify(holder),
            agentId: holder.agentId,
            leaseUntil: now.getTime() + ttlMs,
          },
          ConditionExpression: condition,
          ...(condition.includes('#k') ? { ExpressionAttributeNames: { '#k': 'key' } } : {}),
          ExpressionAttributeValues: { ':me': holder.agentId, ...(needsNow ? { ':now': now.getTime() } : {}) },
        }),
      );
      return true;
    } catch (err) {
      if (conditionFailed(err)) return false;
      throw err;
    }
  }
}
