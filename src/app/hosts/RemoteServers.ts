import type { Clock } from '../ports';
import type { CommandAction, CommandAnswer, ServerLeases } from './hostPorts';
import type { RemoteCommands } from './RemoteCommands';

/**
 * What the bot (ROLE=bot) knows of the servers agents run: their ids (from the leases, so a new
 * agent shows up by itself) and a way to have the owning agent run an admin action.
 */
export class RemoteServers {
  constructor(
    private readonly deps: { commands: RemoteCommands; leases: ServerLeases; clock: Clock; timeoutMs: number },
  ) {}

  /** Servers some agent holds now (an expired lease: its agent is down), sorted. */
  async list(): Promise<Array<{ id: string; agentId: string; up: boolean }>> {
    const now = this.deps.clock.now().getTime();
    return (await this.deps.leases.list())
      .map((l) => ({ id: l.serverId, agentId: l.heldBy.agentId, up: l.until.getTime() > now }))
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  run(serverId: string, action: CommandAction, by: string): Promise<CommandAnswer> {
    return this.deps.commands.run(serverId, action, by, this.deps.timeoutMs);
  }
}
