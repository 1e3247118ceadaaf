import type { Clock } from '../ports';
import type { Logger } from '../../logger';
import type { LeaseHolder, ServerLeases } from './hostPorts';
import { PollLoop } from './PollLoop';

/** Another agent holds a server this one is configured to run. */
export class LeaseRefusedError extends Error {}

export interface LeaseKeeperDeps {
  leases: ServerLeases;
  holder: LeaseHolder;
  serverIds: readonly string[];
  clock: Clock;
  log: Logger;
  /** A lease was lost (this agent was cut off longer than the lease and another took over): stop. */
  onLost: (serverId: string) => void;
  report: (err: unknown) => void;
  ttlMs?: number;
}

/**
 * Agent side: claims every server it runs before touching them, renews the claims a few times per
 * lease, and gives them up on a clean stop. Two agents configured with one server: the second is
 * refused with the holder's name; a lease left by a crashed agent expires and can be taken.
 */
export class LeaseKeeper {
  private readonly loop: PollLoop;
  private readonly held = new Set<string>();

  constructor(private readonly deps: LeaseKeeperDeps) {
    this.loop = new PollLoop(Math.floor(this.ttlMs / 3), () => this.renew(), deps.report);
  }

  get ttlMs(): number {
    return this.deps.ttlMs ?? 30_000;
  }

  /** Claims every server or none: throws LeaseRefusedError naming the server and its holder. */
  async claimAll(): Promise<void> {
    const { leases, holder, clock } = this.deps;
    for (const serverId of this.deps.serverIds) {
      const claim = await leases.claim(serverId, holder, clock.now(), this.ttlMs);
      if (!claim.ok) {
        await this.releaseAll();
        const h = claim.heldBy;
        throw new LeaseRefusedError(
          `server "${serverId}" is already run by agent "${h.agentId}" (host ${h.host}, pid ${h.pid}); its lease ends ${claim.until.toISOString()} unless renewed. Give each server to one agent (SERVER_ID / servers config), or stop the other agent first.`,
        );
      }
      this.held.add(serverId);
    }
    this.deps.log.info({ servers: [...this.held], agentId: holder.agentId }, 'server leases taken');
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    await this.releaseAll();
  }

  private async renew(): Promise<void> {
    for (const serverId of [...this.held]) {
      if (await this.deps.leases.renew(serverId, this.deps.holder, this.deps.clock.now(), this.ttlMs)) continue;
      this.held.delete(serverId);
      this.deps.log.error({ serverId }, `lost the lease on server "${serverId}": another agent took it over`);
      this.deps.onLost(serverId);
    }
  }

  private async releaseAll(): Promise<void> {
    for (const serverId of [...this.held]) {
      await this.deps.leases.release(serverId, this.deps.holder);
      this.held.delete(serverId);
    }
  }
}
